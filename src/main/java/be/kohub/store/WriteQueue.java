package be.kohub.store;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

import be.kohub.Errors.Rejected;

/**
 * Group commit: one writer thread runs the write work of concurrent requests in as few
 * transactions as it can (up to {@code maxBatch} at a time) and answers each request only after
 * the commit that made its work durable. A commit costs disk syncs whatever it holds, so this
 * raises throughput under concurrency without weakening any request's guarantees.
 *
 * <p>Contract of the work: it may throw {@link Rejected} only before it writes (the ingestion
 * pipeline checks, then issues one update). A rejected piece of work is answered with its
 * rejection and the others in its group still commit. Any other failure aborts the group, whose
 * pieces are then run again one transaction each, so that one failure cannot fail the others.
 */
public final class WriteQueue implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WriteQueue.class);
    private final Store store;
    private final int maxBatch;
    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private final Clock clock;
    private final BlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;
    private final List<CommitHook> hooks = new java.util.concurrent.CopyOnWriteArrayList<>();

    public WriteQueue(Store store, int maxBatch) {
        this(store, maxBatch, Clock.systemUTC());
    }

    /** A queue whose writes are stamped by the given clock (tests set the hub's time). */
    public WriteQueue(Store store, int maxBatch, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.maxBatch = maxBatch;
        this.writer = new Thread(this::run, "kohub-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Runs the work in a write transaction and returns its result once committed. */
    public <T> T write(Function<WriteTx, T> work) {
        try {
            return submit(work).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime)
                throw runtime;
            throw e;
        }
    }

    /**
     * Queues the work without waiting: the future completes once the transaction that ran it has
     * committed (or with its rejection). Lets one caller hand over many writes to be grouped.
     */
    public <T> CompletableFuture<T> submit(Function<WriteTx, T> work) {
        if (closed)
            throw new IllegalStateException("write queue closed");
        if (Thread.currentThread() == writer)
            throw new IllegalStateException("nested write");
        Task<T> task = new Task<>(work);
        queue.add(task);
        return task.result;
    }

    /** Adds derived data to keep in step with every later commit (set up before the hub takes writes). */
    public void onCommit(CommitHook hook) {
        hooks.add(hook);
    }

    /** The time a write made now is stamped with. */
    public Instant now() {
        return clock.instant();
    }

    /** Today, in the hub's time zone (Europe/Brussels). */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), BRUSSELS);
    }

    /** Work waiting for the writer. */
    public int pending() {
        return queue.size();
    }

    private void run() {
        while (!closed || !queue.isEmpty()) {
            List<Task<?>> batch = new ArrayList<>();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue;
            }
            queue.drainTo(batch, maxBatch - 1);
            batch.removeIf(t -> t == Task.STOP);
            if (!batch.isEmpty())
                commit(batch);
        }
    }

    private void commit(List<Task<?>> batch) {
        List<Runnable> afterCommit;
        try {
            afterCommit = store.write(tx -> {
                VersionedDocuments versioned = new VersionedDocuments(tx);
                batch.forEach(task -> task.runIn(versioned));
                return hooks.stream().map(hook -> hook.inTransaction(tx, versioned.changes())).toList();
            });
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).result.completeExceptionally(e);
                return;
            }
            for (Task<?> task : batch) {
                task.reset();
                commit(List.of(task));
            }
            return;
        }
        // Committed: the hooks' follow-ups run before anyone is answered, so an answer's effects are visible at once.
        for (Runnable r : afterCommit) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.error("after-commit step failed; the store is committed", e);
            }
        }
        batch.forEach(Task::complete);
    }

    @Override
    public void close() {
        closed = true;
        queue.add(Task.STOP);
        try {
            writer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One request's work, its outcome kept until the group commits. */
    private static final class Task<T> {
        static final Task<Object> STOP = new Task<>(tx -> null);
        final Function<WriteTx, T> work;
        final CompletableFuture<T> result = new CompletableFuture<>();
        private T value;
        private Rejected rejected;

        Task(Function<WriteTx, T> work) {
            this.work = work;
        }

        void runIn(WriteTx tx) {
            try {
                value = work.apply(tx);
            } catch (Rejected e) {
                rejected = e;
            }
        }

        void complete() {
            if (rejected != null)
                result.completeExceptionally(rejected);
            else
                result.complete(value);
        }

        void reset() {
            value = null;
            rejected = null;
        }
    }
}
