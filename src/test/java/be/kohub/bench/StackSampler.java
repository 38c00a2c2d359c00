package be.kohub.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A poor man's profiler: every few milliseconds, the stacks of the threads a benchmark names,
 * each sample put in a category by a function of the thread's state and stack. Shares of samples
 * are shares of those threads' wall time.
 */
final class StackSampler implements AutoCloseable {
    private final Map<String, Map<String, Long>> counts = new TreeMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stack-sampler");
        t.setDaemon(true);
        return t;
    });

    /** Samples every {@code millis} ms the threads {@code which} accepts; {@code group} names a thread's group, {@code category} a sample (null: not counted). */
    StackSampler(int millis, Predicate<Thread> which, Function<Thread, String> group, Function<Thread, Function<StackTraceElement[], String>> category) {
        timer.scheduleAtFixedRate(() -> {
            for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                Thread t = e.getKey();
                if (!which.test(t) || e.getValue().length == 0)
                    continue;
                String c = category.apply(t).apply(e.getValue());
                if (c == null)
                    continue;
                synchronized (counts) {
                    counts.computeIfAbsent(group.apply(t), g -> new TreeMap<>()).merge(c, 1L, Long::sum);
                }
            }
        }, 0, millis, TimeUnit.MILLISECONDS);
    }

    /** Per group, each category's share of its samples. */
    Map<String, Map<String, Double>> shares() {
        Map<String, Map<String, Double>> shares = new TreeMap<>();
        synchronized (counts) {
            counts.forEach((group, byCategory) -> {
                long all = byCategory.values().stream().mapToLong(Long::longValue).sum();
                Map<String, Double> s = new TreeMap<>();
                byCategory.forEach((c, n) -> s.put(c, n / (double) all));
                shares.put(group, s);
            });
        }
        return shares;
    }

    static boolean has(StackTraceElement[] stack, String classPart) {
        for (StackTraceElement f : stack)
            if (f.getClassName().contains(classPart))
                return true;
        return false;
    }

    static boolean has(StackTraceElement[] stack, String classPart, String method) {
        for (StackTraceElement f : stack)
            if (f.getClassName().contains(classPart) && f.getMethodName().equals(method))
                return true;
        return false;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
