package be.kohub.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * SPARQL queries kept in {@code src/main/resources/queries/}, parsed once. Parameters are
 * bound by substituting RDF terms into the parsed query (Jena's API), never by splicing
 * strings, so user input cannot change a query's shape.
 */
public final class Queries {
    private static final Map<String, Query> CACHE = new ConcurrentHashMap<>();

    private Queries() {}

    public static Query load(String name) {
        return CACHE.computeIfAbsent(name, Queries::parse);
    }

    /** The named query with variables replaced by the given terms. */
    public static Query bind(String name, Map<String, Node> values) {
        Map<Var, Node> vars = new java.util.HashMap<>();
        values.forEach((k, v) -> vars.put(Var.alloc(k), v));
        return QueryTransformOps.transform(load(name), vars);
    }

    private static Query parse(String name) {
        try (InputStream in = Queries.class.getResourceAsStream("/queries/" + name)) {
            if (in == null)
                throw new IllegalArgumentException("no query " + name);
            return QueryFactory.create(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
