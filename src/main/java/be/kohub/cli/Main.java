package be.kohub.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar kohub.jar serve | validate | load | generate | backup | restore}. */
@Command(name = "kohub", mixinStandardHelpOptions = true, version = "kohub 0.1",
        description = "Central data exchange layer for Flemish child care.",
        subcommands = { ServeCommand.class, ValidateCommand.class, LoadCommand.class, GenerateCommand.class,
                BackupCommand.class, RestoreCommand.class })
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
