package be.kohub.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.dboe.base.file.ProcessFileLock;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Backup and restore of the embedded TDB2 store as gzip N-Quads, the format of TDB2's own backup
 * ({@code DatabaseMgr.backup}). A backup is written inside one read transaction: TDB2 readers see
 * the state of the last commit before they began and never block the writer, so a backup of a
 * serving hub is a consistent snapshot (each document with all its effects, or none of it) while
 * writes go on. A restore bulk-loads the file into a new database with Jena's loader.
 *
 * <p>The identity key ({@code DATA/identity.key}) is not in the store and so not in a backup: it is
 * a secret kept apart (docs/operations.md); a restore leaves one it finds where it is.
 */
public final class StoreBackup {
    /** The TDB2 database's own lock file: held by the process that has the database open. */
    private static final String LOCK = "tdb.lock";
    /** Files a restore keeps in the data directory: not part of the store. */
    private static final Set<String> KEPT = Set.of("identity.key");

    /** What a backup or restore handled. */
    public record Summary(long quads, long millis) {}

    private StoreBackup() {}

    /** Writes every quad of the dataset as gzip N-Quads, in one read transaction (a snapshot). */
    public static Summary write(DatasetGraph dsg, OutputStream out) {
        long start = System.nanoTime();
        long quads = Txn.calculateRead(dsg, () -> {
            try {
                GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
                StreamRDF writer = StreamRDFWriter.getWriterStream(gzip, RDFFormat.NQUADS);
                long n = 0;
                writer.start();
                for (Iterator<Quad> it = dsg.find(); it.hasNext(); n++)
                    writer.quad(it.next());
                writer.finish();
                gzip.finish();
                gzip.flush();
                return n;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new Summary(quads, (System.nanoTime() - start) / 1_000_000);
    }

    /** Backs up a database no hub has open (the hub holds TDB2's lock; then use {@code POST /beheer/backup}). */
    public static Summary write(Path database, Path file) {
        requireDatabase(database);
        if (heldByAProcess(database))
            throw new IllegalStateException(database + " is open in a running hub: back it up through the hub (kohub backup --hub URL)");
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(database.toString());
        try {
            return writeFile(dsg, file);
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    /** Writes to a temporary file next to {@code file}, checks it, then moves it into place: a failed backup leaves no file. */
    public static Summary writeFile(DatasetGraph dsg, Path file) {
        Path partial = partial(file);
        try {
            Summary summary;
            try (OutputStream out = Files.newOutputStream(partial)) {
                summary = write(dsg, out);
            }
            long read = verify(partial);
            if (read != summary.quads())
                throw new IllegalStateException("the backup holds " + read + " quads, " + summary.quads() + " were written");
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            partial.toFile().delete();
        }
    }

    /** The quads in a backup file, read to the end: fails on a truncated or damaged file. */
    public static long verify(Path file) {
        long[] count = { 0 };
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            RDFParser.source(in).lang(Lang.NQUADS).parse(new StreamRDFBase() {
                @Override
                public void quad(Quad quad) {
                    count[0]++;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not a complete gzip file: " + e.getMessage(), e);
        }
        return count[0];
    }

    /**
     * Loads a backup into a new database in {@code database}. Refuses a directory with anything in it
     * but the identity key, unless {@code force} (which removes the database there first), and
     * always refuses one whose database a process has open (a running hub).
     */
    public static Summary restore(Path backup, Path database, boolean force, MonitorOutput progress) {
        long start = System.nanoTime();
        long quads = verify(backup);
        if (heldByAProcess(database))
            throw new IllegalStateException(database + " is open in a running hub: stop it, or restore into another directory");
        List<Path> present = contents(database);
        if (!present.isEmpty()) {
            if (!force)
                throw new IllegalStateException(database + " is not empty (" + present.size() + " entries); restore into an empty directory, or pass --force to replace the database there");
            present.forEach(StoreBackup::delete);
        }
        try {
            Files.createDirectories(database);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(database.toString());
        try {
            // The default (phased) loader: the parallel one needs more cores than a small server has to be faster.
            DataLoader loader = LoaderFactory.createLoader(dsg, progress);
            loader.startBulk();
            try (InputStream in = new GZIPInputStream(Files.newInputStream(backup), 1 << 16)) {
                RDFParser.source(in).lang(Lang.NQUADS).parse(loader.stream());
                loader.finishBulk();
            } catch (IOException | RuntimeException e) {
                loader.finishException(e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e));
                throw e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
            }
            long loaded = Txn.calculateRead(dsg, () -> Iter.count(dsg.find()));
            if (loaded != quads)
                throw new IllegalStateException("restored " + loaded + " quads of " + quads);
        } finally {
            TDBInternal.expel(dsg);
        }
        return new Summary(quads, (System.nanoTime() - start) / 1_000_000);
    }

    /** Whether a process (this one or another) has the TDB2 database in {@code database} open. */
    static boolean heldByAProcess(Path database) {
        Path lock = database.resolve(LOCK);
        if (!Files.exists(lock))
            return false;
        ProcessFileLock fileLock = ProcessFileLock.create(lock.toString());
        if (fileLock.isLockedHere())
            return true;
        if (!fileLock.tryLock())
            return true;
        fileLock.unlock();
        ProcessFileLock.release(fileLock);
        return false;
    }

    private static void requireDatabase(Path database) {
        boolean isDatabase;
        try (Stream<Path> entries = Files.list(database)) {
            isDatabase = entries.anyMatch(p -> p.getFileName().toString().startsWith("Data-"));
        } catch (IOException e) {
            throw new IllegalStateException(database + " is not a directory with a TDB2 database", e);
        }
        if (!isDatabase)
            throw new IllegalStateException(database + " holds no TDB2 database (no Data-NNNN directory)");
    }

    private static List<Path> contents(Path dir) {
        if (!Files.isDirectory(dir))
            return List.of();
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !KEPT.contains(p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path path) {
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path partial(Path file) {
        Path absolute = file.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".partial");
    }
}
