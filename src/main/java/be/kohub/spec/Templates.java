package be.kohub.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import be.kohub.Resources;

/**
 * The Mustache templates of the specification pages, under {@code /spec/templates/} (JMustache:
 * logic-less, HTML-escapes every {@code {{value}}}; partials {@code {{> name}}} are
 * {@code name.mustache} there).
 */
final class Templates {
    private static final String FOLDER = "/spec/templates/";
    private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(true).emptyStringIsFalse(true)
            .defaultValue("").withLoader(name -> reader(FOLDER + name + ".mustache"));

    Template template(String name) {
        try (Reader in = reader(FOLDER + name)) {
            return compiler.compile(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of the template folder as it is (the style sheet). */
    static String text(String name) {
        return new String(Resources.bytes(FOLDER + name), StandardCharsets.UTF_8);
    }

    private static Reader reader(String resource) {
        InputStream in = Templates.class.getResourceAsStream(resource);
        if (in == null)
            throw new IllegalStateException("missing template " + resource);
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
