package be.kohub.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Loads generated N-Quads into a new TDB2 database with Jena's bulk loader (the parallel one:
 * it builds the indexes side by side instead of inserting quad by quad in transactions). The hub
 * then starts on the directory as on any other: {@code serve --data DIR}.
 */
public final class Tdb2BulkLoad {
    /** What a load did: quads read, time, and the database's size on disk. */
    public record Loaded(long quads, long millis, long bytesOnDisk) {}

    private Tdb2BulkLoad() {}

    public static Loaded load(Path quads, Path database, MonitorOutput progress) {
        if (Files.isDirectory(database) && !empty(database))
            throw new IllegalArgumentException("the bulk loader fills a new database; " + database + " is not empty");
        long started = System.nanoTime();
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(database.toString());
        try {
            DataLoader loader = LoaderFactory.parallelLoader(dsg, progress);
            loader.startBulk();
            try {
                loader.load(quads.toString());
                loader.finishBulk();
            } catch (RuntimeException e) {
                loader.finishException(e);
                throw e;
            }
            return new Loaded(loader.countQuads(), (System.nanoTime() - started) / 1_000_000, sizeOnDisk(database));
        } finally {
            // Releases the files so that a hub in the same JVM can open the directory.
            TDBInternal.expel(dsg);
        }
    }

    /** Bytes of all files under a directory. */
    public static long sizeOnDisk(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean empty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
