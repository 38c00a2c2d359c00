package be.kohub.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The terms of the hub's JSON-LD context as authors write them, by the IRI they stand for:
 * property terms (also those of type-scoped contexts, e.g. {@code status} inside {@code Aanvraag}),
 * reverse terms, and type terms (e.g. {@code Locatie} for {@code org:Site}).
 */
final class JsonLdTerms {
    private final Map<String, List<String>> properties = new HashMap<>();
    private final Map<String, List<String>> reverse = new HashMap<>();
    private final Map<String, String> types = new HashMap<>();

    JsonLdTerms(byte[] contextJson) {
        try {
            JsonNode context = new ObjectMapper().readTree(contextJson).get("@context");
            Map<String, String> prefixes = new LinkedHashMap<>();
            context.properties().forEach(e -> {
                if (e.getValue().isTextual() && e.getValue().asText().matches("^https?://.*[#/]$"))
                    prefixes.put(e.getKey(), e.getValue().asText());
            });
            read(context, prefixes, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read(JsonNode context, Map<String, String> prefixes, boolean top) {
        context.properties().forEach(e -> {
            String term = e.getKey();
            JsonNode definition = e.getValue();
            if (term.startsWith("@") || prefixes.containsKey(term))
                return;
            String iri = null;
            if (definition.isTextual())
                iri = expand(definition.asText(), prefixes);
            else if (definition.isObject() && definition.has("@id"))
                iri = expand(definition.get("@id").asText(), prefixes);
            else if (definition.isObject() && definition.has("@reverse"))
                add(reverse, expand(definition.get("@reverse").asText(), prefixes), term);
            if (iri != null && iri.contains(":") && !iri.startsWith("@")) {
                if (Character.isUpperCase(term.charAt(0)))
                    types.putIfAbsent(iri, term);
                else
                    add(properties, iri, term);
            }
            // A type-scoped context names properties too (status, reden); value-scoped ones only set @vocab.
            if (definition.isObject() && definition.has("@context") && Character.isUpperCase(term.charAt(0)))
                read(definition.get("@context"), prefixes, false);
        });
    }

    private static void add(Map<String, List<String>> map, String iri, String term) {
        List<String> terms = map.computeIfAbsent(iri, k -> new ArrayList<>());
        if (!terms.contains(term))
            terms.add(term);
    }

    /** The term authors write for a property (or, with {@code inverse}, for its reverse), preferring {@code preferred}. */
    String property(String iri, boolean inverse, String preferred) {
        List<String> terms = (inverse ? reverse : properties).getOrDefault(iri, List.of());
        if (preferred != null && terms.contains(preferred))
            return preferred;
        return terms.isEmpty() ? null : terms.get(0);
    }

    /** The type term of a class, e.g. {@code Locatie}; null when the context has none. */
    String type(String iri) {
        return types.get(iri);
    }

    private static String expand(String term, Map<String, String> prefixes) {
        int colon = term.indexOf(':');
        if (colon > 0 && prefixes.containsKey(term.substring(0, colon)))
            return prefixes.get(term.substring(0, colon)) + term.substring(colon + 1);
        return term;
    }
}
