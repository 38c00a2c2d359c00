package be.kohub.operations;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import be.kohub.cli.Main;

/** docs/operations.md documents every option of serve (a row in its table), backup and restore. */
class OperationsDocTest {

    @Test
    void everyOptionOfServeBackupAndRestoreIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("docs/operations.md"));
        CommandLine cli = new CommandLine(new Main());
        List<String> missing = new ArrayList<>();
        for (String command : List.of("serve", "backup", "restore"))
            for (OptionSpec option : cli.getSubcommands().get(command).getCommandSpec().options()) {
                if (option.usageHelp() || option.versionHelp())
                    continue;
                String name = option.longestName();
                boolean documented = command.equals("serve") ? doc.contains("| `" + name + "` |") : doc.contains(name);
                if (!documented)
                    missing.add(command + " " + name);
            }
        assertTrue(missing.isEmpty(), "options missing from docs/operations.md: " + missing);
        assertTrue(doc.contains("## Several instances on a remote SPARQL store (Fuseki with RDF Delta)"));
    }
}
