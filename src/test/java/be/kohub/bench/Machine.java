package be.kohub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }
}
