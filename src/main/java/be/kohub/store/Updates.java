package be.kohub.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;

/** SPARQL updates kept in {@code src/main/resources/queries/} ({@code .ru}), parsed once. */
public final class Updates {
    private static final Map<String, UpdateRequest> CACHE = new ConcurrentHashMap<>();

    private Updates() {}

    public static UpdateRequest load(String name) {
        return CACHE.computeIfAbsent(name, Updates::parse);
    }

    /** The named update with variables replaced by the given terms. */
    public static UpdateRequest bind(String name, Map<String, org.apache.jena.graph.Node> values) {
        Map<org.apache.jena.sparql.core.Var, org.apache.jena.graph.Node> vars = new java.util.HashMap<>();
        values.forEach((k, v) -> vars.put(org.apache.jena.sparql.core.Var.alloc(k), v));
        return org.apache.jena.sparql.syntax.syntaxtransform.UpdateTransformOps.transform(load(name), vars);
    }

    private static UpdateRequest parse(String name) {
        try (InputStream in = Updates.class.getResourceAsStream("/queries/" + name)) {
            if (in == null)
                throw new IllegalArgumentException("no update " + name);
            return UpdateFactory.create(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
