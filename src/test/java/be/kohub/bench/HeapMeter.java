package be.kohub.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The peak of used heap during a phase of the benchmark: the larger of what a sampler sees
 * every few milliseconds and what the heap held just before each garbage collection (from the
 * collectors' notifications, so that the peaks a sampler would miss count too).
 */
final class HeapMeter implements AutoCloseable {
    private final AtomicLong peak = new AtomicLong();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final List<Runnable> unsubscribe = new ArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "heap-meter");
        t.setDaemon(true);
        return t;
    });
    /** Explicit collections whose notification has arrived; guarded by {@code this}. */
    private long explicitCollectionsSeen;

    HeapMeter() {
        NotificationListener listener = this::onGc;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                unsubscribe.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (Exception ignored) {
                        // already gone
                    }
                });
            }
        }
        sampler.scheduleAtFixedRate(() -> record(used()), 0, 5, TimeUnit.MILLISECONDS);
    }

    /** Starts a new phase: collects garbage first so that the last phase's leftovers do not count. */
    void reset() {
        long target;
        synchronized (this) {
            target = explicitCollectionsSeen + 1;
        }
        System.gc();
        // Notifications come in order: once this collection's has arrived, the last phase's have too.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        synchronized (this) {
            while (explicitCollectionsSeen < target && System.nanoTime() < deadline) {
                try {
                    wait(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        peak.set(used());
    }

    long peakBytes() {
        record(used());
        return peak.get();
    }

    static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Heap in use after a full collection: what the program holds at this point. */
    static long retainedBytes() {
        System.gc();
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    static long max() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    }

    /** Collections so far and the time they took (ms), summed over all collectors. */
    static long[] gcCountAndMillis() {
        long count = 0, millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    private void onGc(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType()))
            return;
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        // The explicit System.gc() of reset() must not count as a peak of the phase it starts.
        if ("System.gc()".equals(info.getGcCause())) {
            synchronized (this) {
                explicitCollectionsSeen++;
                notifyAll();
            }
            return;
        }
        long before = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageBeforeGc().entrySet())
            if (heapPools.contains(pool.getKey()))
                before += pool.getValue().getUsed();
        record(before);
    }

    private void record(long bytes) {
        peak.accumulateAndGet(bytes, Math::max);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        unsubscribe.forEach(Runnable::run);
    }
}
