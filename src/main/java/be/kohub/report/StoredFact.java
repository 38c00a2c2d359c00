package be.kohub.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A {@link RequestFact} as stored in the report-facts graph: one JSON object per request, so that
 * the hub reads all of them at start with one scan instead of joining the whole store. Changing
 * the fields means raising {@link #VERSION}, after which the hub recomputes the stored facts.
 */
final class StoredFact {
    /** The form of the stored facts; compared with the store's at start. */
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredFact() {}

    static String write(RequestFact f) {
        ObjectNode o = JSON.createObjectNode();
        o.put("child", f.child);
        put(o, "residence", f.residence);
        put(o, "counter", f.counter);
        o.put("start", f.start.toString());
        put(o, "birth", f.birth);
        f.categories.stream().sorted().forEach(o.putArray("categories")::add);
        f.locationMunicipalities.stream().sorted().forEach(o.putArray("locationMunicipalities")::add);
        put(o, "registered", f.registered);
        put(o, "answered", f.answered);
        put(o, "answeredIn", f.answeredIn);
        put(o, "partial", f.partial);
        put(o, "partlyAnsweredIn", f.partlyAnsweredIn);
        put(o, "cancelled", f.cancelled);
        put(o, "firstAnswer", f.firstAnswer);
        return o.toString();
    }

    static RequestFact read(String iri, String json) {
        JsonNode o;
        try {
            o = JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("report fact of " + iri + " is not JSON", e);
        }
        RequestFact f = new RequestFact(iri);
        f.child = o.path("child").asText();
        f.residence = text(o, "residence", Function.identity());
        f.counter = text(o, "counter", Function.identity());
        f.start = LocalDate.parse(o.path("start").asText());
        f.birth = text(o, "birth", LocalDate::parse);
        o.path("categories").forEach(c -> f.categories.add(c.asText()));
        o.path("locationMunicipalities").forEach(m -> f.locationMunicipalities.add(m.asText()));
        f.registered = text(o, "registered", Instant::parse);
        f.answered = text(o, "answered", Instant::parse);
        f.answeredIn = text(o, "answeredIn", Function.identity());
        f.partial = text(o, "partial", Instant::parse);
        f.partlyAnsweredIn = text(o, "partlyAnsweredIn", Function.identity());
        f.cancelled = text(o, "cancelled", Instant::parse);
        f.firstAnswer = text(o, "firstAnswer", Instant::parse);
        return f.freeze();
    }

    private static void put(ObjectNode o, String field, Object value) {
        if (value != null)
            o.put(field, value.toString());
    }

    private static <T> T text(JsonNode o, String field, Function<String, T> parse) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : parse.apply(v.asText());
    }
}
