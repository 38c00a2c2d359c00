package be.kohub.operations;

import java.util.function.Function;

import org.apache.jena.sparql.core.DatasetGraph;

import be.kohub.store.ReadTx;
import be.kohub.store.Store;
import be.kohub.store.WriteTx;

/**
 * Any {@link Store}, timed: read and write transactions end to end, and of a write the time from
 * the end of its work to the return of the commit (TDB2's journal sync, or a remote store's
 * answer). A decorator, so that the embedded and the remote store are measured alike.
 */
public final class TimedStore implements Store {
    private final Store store;
    private final HubMetrics metrics;

    public TimedStore(Store store, HubMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    /** The store this one times (e.g. to back up the embedded TDB2 database). */
    public Store untimed() {
        return store;
    }

    @Override
    public <T> T read(Function<ReadTx, T> work) {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            T result = store.read(work);
            ok = true;
            return result;
        } finally {
            metrics.transaction("read", ok, System.nanoTime() - start);
        }
    }

    @Override
    public <T> T write(Function<WriteTx, T> work) {
        long start = System.nanoTime();
        long[] workDone = { 0 };
        boolean ok = false;
        try {
            T result = store.write(tx -> {
                T value = work.apply(tx);
                workDone[0] = System.nanoTime();
                return value;
            });
            ok = true;
            long end = System.nanoTime();
            metrics.commit(end - workDone[0]);
            return result;
        } finally {
            metrics.transaction("write", ok, System.nanoTime() - start);
        }
    }

    @Override
    public boolean shared() {
        return store.shared();
    }

    @Override
    public DatasetGraph dataset() {
        return store.dataset();
    }

    @Override
    public void close() {
        store.close();
    }
}
