package be.kohub.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.graph.Node;

/** The JSON field names of the hub's context, by property IRI: how authors name properties. */
public final class ContextTerms {
    private final Map<String, String> forward = new HashMap<>();
    private final Map<String, String> reverse = new HashMap<>();

    public ContextTerms(byte[] contextJson) {
        try {
            JsonNode context = new ObjectMapper().readTree(contextJson).get("@context");
            Map<String, String> prefixes = new HashMap<>();
            context.properties().forEach(e -> {
                if (e.getValue().isTextual() && e.getValue().asText().matches("^https?://.*[#/]$"))
                    prefixes.put(e.getKey(), e.getValue().asText());
            });
            context.properties().forEach(e -> {
                JsonNode definition = e.getValue();
                if (definition.isObject() && definition.has("@id"))
                    forward.put(expand(definition.get("@id").asText(), prefixes), e.getKey());
                else if (definition.isObject() && definition.has("@reverse"))
                    reverse.put(expand(definition.get("@reverse").asText(), prefixes), e.getKey());
                else if (definition.isTextual() && Character.isLowerCase(e.getKey().charAt(0)) && !prefixes.containsKey(e.getKey()))
                    forward.putIfAbsent(expand(definition.asText(), prefixes), e.getKey());
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The field name of a property, or the property IRI when the context has no name for it. */
    public String forward(Node property) {
        return forward.getOrDefault(property.getURI(), property.getURI());
    }

    public Optional<String> reverse(Node property) {
        return Optional.ofNullable(reverse.get(property.getURI()));
    }

    private static String expand(String term, Map<String, String> prefixes) {
        int colon = term.indexOf(':');
        if (colon > 0 && prefixes.containsKey(term.substring(0, colon)))
            return prefixes.get(term.substring(0, colon)) + term.substring(colon + 1);
        return term;
    }
}
