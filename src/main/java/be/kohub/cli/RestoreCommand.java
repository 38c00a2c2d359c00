package be.kohub.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import be.kohub.operations.StoreBackup;

/**
 * {@code kohub restore}: a backup into a new embedded store, to start a hub on with
 * {@code serve --data DIR}. Refuses a directory with a database in it unless {@code --force}, and
 * always one a running hub has open.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore a backup (gzip N-Quads) into an empty TDB2 directory for a stopped hub. Exit 0 done, 1 failed.")
final class RestoreCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The backup file (from kohub backup).")
    Path from;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Directory of the new TDB2 database (created if missing; must be empty).")
    Path data;

    @Option(names = "--force", description = "Replace the database in a non-empty DIR (never one a running hub has open); an identity.key there is kept.")
    boolean force;

    @Override
    public Integer call() {
        try {
            StoreBackup.Summary summary = StoreBackup.restore(from, data, force, (format, args) -> {});
            System.out.println("restore: " + summary.quads() + " quads from " + from + " into " + data + " (" + summary.millis() + " ms)");
            if (!Files.exists(data.resolve("identity.key")))
                System.out.println("restore: no identity.key in " + data + ": copy the old hub's key there (or set KOHUB_IDENTITY_KEY), "
                        + "else the hub makes a new one and no longer recognises the children it hashed (docs/operations.md)");
            return 0;
        } catch (RuntimeException e) {
            System.err.println("restore failed: " + e.getMessage());
            return 1;
        }
    }
}
