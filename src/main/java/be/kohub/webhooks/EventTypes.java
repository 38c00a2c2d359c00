package be.kohub.webhooks;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import be.kohub.ingest.CommandFields;
import be.kohub.model.CodeLists;

/**
 * The event types a subscription may name: {@code {documenttype}.{bewerking}} from the code list
 * {@code gebeurtenistype} (ontology/codelijsten/gebeurtenistypes.ttl), {@code {documenttype}.*}
 * for every operation on one document type, and {@code *} for all of them.
 */
final class EventTypes {
    static final int MAX_TYPES = 50;
    private final Set<String> known = new TreeSet<>();
    private final Set<String> documentTypes = new TreeSet<>();

    EventTypes(CodeLists codes) {
        codes.members("gebeurtenistype").forEach(concept -> known.add(codes.code(concept)));
        known.forEach(type -> documentTypes.add(type.substring(0, type.indexOf('.'))));
        if (known.isEmpty())
            throw new IllegalStateException("no event types in the code list gebeurtenistype");
    }

    /** Whether the hub offers events of this document type at all (children have none: their IRI is their code). */
    boolean offers(String documentType) {
        return documentTypes.contains(documentType);
    }

    static boolean matches(String pattern, String type) {
        if (pattern.equals("*"))
            return true;
        if (pattern.endsWith(".*"))
            return type.startsWith(pattern.substring(0, pattern.length() - 1));
        return pattern.equals(type);
    }

    static boolean matchesAny(List<String> patterns, String type) {
        return patterns.stream().anyMatch(p -> matches(p, type));
    }

    /** The types of the command's field {@code gebeurtenistypes}, each known or a pattern; a problem for each that is not. */
    List<String> read(JsonNode body, CommandFields fields) {
        JsonNode node = body.get("gebeurtenistypes");
        if (node == null || !node.isArray() || node.isEmpty() || node.size() > MAX_TYPES) {
            fields.problem("gebeurtenistypes", node == null ? null : node.toString(),
                    "Verplicht: een lijst van 1 tot " + MAX_TYPES + " gebeurtenistypes; kies uit " + allowed() + ".",
                    "Required: a list of 1 to " + MAX_TYPES + " event types; choose from " + allowed() + ".");
            return List.of();
        }
        Set<String> types = new TreeSet<>();
        for (JsonNode item : node) {
            String type = item.isTextual() ? item.asText() : item.toString();
            if (item.isTextual() && allowed().contains(type))
                types.add(type);
            else
                fields.problem("gebeurtenistypes", type.length() > 100 ? type.substring(0, 100) + "…" : type,
                        "Onbekend gebeurtenistype '" + type + "'; kies uit " + allowed() + ".",
                        "Unknown event type '" + type + "'; choose from " + allowed() + ".");
        }
        return List.copyOf(types);
    }

    /** Every type and pattern a subscription may name. */
    Set<String> allowed() {
        Set<String> allowed = new TreeSet<>(known);
        documentTypes.forEach(d -> allowed.add(d + ".*"));
        allowed.add("*");
        return allowed;
    }
}
