package be.kohub.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.examples.Example;

/**
 * Examples for the API description, never written into Java: request bodies are the packaged
 * files of {@code sample-data/} (the same ones the tests and the demo post), answers are files
 * in {@code src/main/resources/openapi/examples/}. Their placeholders are filled in as in
 * {@code cli/StoryPlayer}: {@code {{datum:+N}}} is today plus N days, {@code {{kindcode}}} an
 * example child code, {@code {{locatie:file}}} an example IRI of that sample location under the
 * hub's base, {@code {{basis}}} the base. Each example names its file in {@code x-kohub-bron}, so
 * that a test can post the same file with live values.
 */
public final class Examples {
    /** A well-formed child code (its check digits are right), not one any hub issued. */
    public static final String CHILD_CODE = "KC132696903197";
    public static final String SOURCE = "x-kohub-bron";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z-]+)(?::([^}]+))?}}");
    private final String base;
    private final Supplier<LocalDate> today;

    public Examples(String base, Supplier<LocalDate> today) {
        this.base = base;
        this.today = today;
    }

    /** A packaged sample document, e.g. {@code locaties/gent-kdv-de-knuffelboom.jsonld}. */
    public Example sample(String relative) {
        return example("sample-data/" + relative);
    }

    /** A packaged file of {@code openapi/examples/}: an answer or a command, e.g. {@code locatie-geschreven.json}. */
    public Example file(String name) {
        return example("openapi/examples/" + name);
    }

    /** The example IRI that stands for a sample location in the description. */
    public String locationIri(String sampleName) {
        return base + "/id/locatie/" + UUID.nameUUIDFromBytes(sampleName.getBytes(StandardCharsets.UTF_8));
    }

    private Example example(String source) {
        String text = fill(read(source), source);
        Example example = new Example().summary(source.substring(source.lastIndexOf('/') + 1));
        example.addExtension(SOURCE, source);
        if (source.endsWith(".json") || source.endsWith(".jsonld")) {
            try {
                return example.value(JSON.readTree(text));
            } catch (IOException e) {
                throw new IllegalStateException("example " + source + " is not JSON", e);
            }
        }
        return example.value(text);
    }

    private String fill(String text, String source) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "datum" -> today.get().plusDays(Long.parseLong(m.group(2).replace("+", ""))).toString();
                case "kindcode" -> CHILD_CODE;
                case "locatie" -> locationIri(m.group(2));
                case "basis" -> base;
                default -> throw new IllegalStateException("example " + source + " has a placeholder without a value: " + m.group());
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    static String read(String resource) {
        try (InputStream in = Examples.class.getResourceAsStream("/" + resource)) {
            if (in == null)
                throw new IllegalStateException("missing example " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
