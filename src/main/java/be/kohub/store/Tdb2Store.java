package be.kohub.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import org.apache.jena.dboe.transaction.txn.TransactionException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;

/** The embedded store: a TDB2 database in a directory, one writer at a time, readers in parallel. */
public final class Tdb2Store implements Store {
    private static final Duration DRAIN = Duration.ofSeconds(10);

    private final DatasetGraph dsg;

    private Tdb2Store(DatasetGraph dsg) {
        this.dsg = dsg;
    }

    public static Tdb2Store at(Path directory) {
        return new Tdb2Store(DatabaseMgr.connectDatasetGraph(directory.toString()));
    }

    /** A throw-away database in memory, for commands that only validate. */
    public static Tdb2Store inMemory() {
        return new Tdb2Store(DatabaseMgr.createDatasetGraph());
    }

    @Override
    public <T> T read(Function<ReadTx, T> work) {
        return Txn.calculateRead(dsg, () -> work.apply(new DatasetTx(dsg)));
    }

    @Override
    public <T> T write(Function<WriteTx, T> work) {
        return Txn.calculateWrite(dsg, () -> work.apply(new DatasetTx(dsg)));
    }

    @Override
    public DatasetGraph dataset() {
        return dsg;
    }

    /**
     * Releases the files so that the same directory can be opened again in this JVM (restart tests).
     * Transactions still running (a background read, a request that is finishing) get {@link #DRAIN} to end;
     * after that the database is shut down under them, since a close must not fail.
     */
    @Override
    public void close() {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (true) {
            try {
                TDBInternal.expel(dsg);
                return;
            } catch (TransactionException active) {
                if (System.nanoTime() > deadline || !pause()) {
                    TDBInternal.expel(dsg, true);
                    return;
                }
            }
        }
    }

    /** Waits a little for transactions to end; false when interrupted. */
    private static boolean pause() {
        try {
            Thread.sleep(10);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
