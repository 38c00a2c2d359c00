package be.kohub.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The generator's word lists and small tables in {@code src/main/resources/generate/}: one entry a line, {@code #} comments. */
final class ResourceLists {
    private ResourceLists() {}

    static List<String> lines(String name) {
        try (InputStream in = ResourceLists.class.getResourceAsStream("/generate/" + name)) {
            if (in == null)
                throw new IllegalStateException("missing resource /generate/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of a CSV table without quoting, header row left out. */
    static List<String[]> csv(String name) {
        List<String> lines = lines(name);
        return lines.subList(1, lines.size()).stream().map(l -> Arrays.stream(l.split(",", -1)).map(String::strip).toArray(String[]::new)).toList();
    }
}
