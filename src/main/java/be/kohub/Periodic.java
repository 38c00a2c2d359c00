package be.kohub;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job the hub runs on its own every {@code interval} (the first run one interval after start,
 * so that a starting hub does not wait for it), on one daemon thread; a failed run is logged and
 * the job runs again at the next interval. Closing stops it and waits for a run under way.
 */
public final class Periodic implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Periodic.class);
    private final ScheduledExecutorService scheduler;

    private Periodic(String name, Duration interval, Runnable job) {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        long every = interval.toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                LOG.error("{} failed; it runs again in {}", name, interval, e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    public static Periodic every(Duration interval, String name, Runnable job) {
        return new Periodic(name, interval, job);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
