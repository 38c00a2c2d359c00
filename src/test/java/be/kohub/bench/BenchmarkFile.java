package be.kohub.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** docs/benchmarks.md: one section per benchmark, each replaced by its own benchmark's next run. */
final class BenchmarkFile {
    private BenchmarkFile() {}

    /** Replaces the section that starts with {@code heading} (or adds it at the end), leaving the other sections alone. */
    static void writeSection(Path file, String heading, String section) throws IOException {
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8)
                : "# Benchmarks\n\nEach section is written by its benchmark, which measures against a baseline in the same run; "
                        + "figures are only comparable between runs on the same machine. Benchmarks are never asserted in tests.\n";
        int start = text.indexOf(heading + "\n");
        if (start < 0) {
            text = text.stripTrailing() + "\n\n" + section;
        } else {
            int end = text.indexOf("\n## ", start + heading.length());
            text = text.substring(0, start) + section + (end < 0 ? "" : "\n" + text.substring(end + 1));
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text.stripTrailing() + "\n", StandardCharsets.UTF_8);
    }
}
