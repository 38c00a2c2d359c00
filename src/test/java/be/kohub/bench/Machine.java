package be.kohub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What a benchmark ran on: CPU model and cores, memory, Java, OS, and the file system of the temporary files. */
final class Machine {
    private Machine() {}

    static String describe() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%s, %d cores, %s memory; Java %s (%s %s), max heap %d MiB; %s %s; temporary files on %s",
                cpuModel(), runtime.availableProcessors(), memory(),
                System.getProperty("java.runtime.version", System.getProperty("java.version")),
                System.getProperty("java.vm.vendor", "?"), System.getProperty("java.vm.name", "?"),
                HeapMeter.max() / (1024 * 1024),
                System.getProperty("os.name"), System.getProperty("os.version"), tempFileSystem());
    }

    static String cpuModel() {
        for (String line : lines("/proc/cpuinfo"))
            if (line.startsWith("model name"))
                return line.substring(line.indexOf(':') + 1).trim();
        return System.getProperty("os.arch");
    }

    static String memory() {
        for (String line : lines("/proc/meminfo"))
            if (line.startsWith("MemTotal:")) {
                long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
            }
        return "unknown";
    }

    /** The type of the file system the temporary directory is on (from /proc/mounts): TDB2 commits sync to it. */
    static String tempFileSystem() {
        try {
            String tmp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath().toString();
            String best = null;
            String type = "unknown";
            for (String line : lines("/proc/mounts")) {
                String[] f = line.split(" ");
                if (f.length < 3)
                    continue;
                String mount = f[1];
                boolean under = tmp.equals(mount) || tmp.startsWith(mount.endsWith("/") ? mount : mount + "/");
                if (under && (best == null || mount.length() >= best.length())) {
                    best = mount;
                    type = f[2];
                }
            }
            return type + " (" + tmp + ")";
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** CPU time (jiffies, all cores) of the machine: in all, busy (without steal), stolen by the hypervisor, used by this process. */
    record Cpu(long total, long busy, long steal, long own) {
        /** The share of the machine's CPU that other processes used between {@code before} and this. */
        double othersSince(Cpu before) {
            long total = this.total - before.total;
            return total <= 0 ? Double.NaN : Math.max(0, (busy - before.busy) - (own - before.own)) / (double) total;
        }

        /** The share of the machine's CPU that the hypervisor gave to other guests between {@code before} and this. */
        double stealSince(Cpu before) {
            long total = this.total - before.total;
            return total <= 0 ? Double.NaN : (steal - before.steal) / (double) total;
        }
    }

    static Cpu cpu() {
        try {
            // cpu  user nice system idle iowait irq softirq steal ...
            String[] f = lines("/proc/stat").get(0).trim().split("\\s+");
            long[] v = new long[8];
            for (int i = 0; i < 8; i++)
                v[i] = i + 1 < f.length ? Long.parseLong(f[i + 1]) : 0;
            long total = Arrays.stream(v).sum();
            long busy = v[0] + v[1] + v[2] + v[5] + v[6];
            String self = lines("/proc/self/stat").get(0);
            String[] g = self.substring(self.lastIndexOf(')') + 2).split(" ");
            long own = Long.parseLong(g[11]) + Long.parseLong(g[12]);
            return new Cpu(total, busy, v[7], own);
        } catch (RuntimeException e) {
            return new Cpu(0, 0, 0, 0);
        }
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }
}
