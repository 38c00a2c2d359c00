package be.kohub.http;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.document.RdfDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.system.JenaTitanium;
import org.apache.jena.sparql.core.DatasetGraphFactory;

import be.kohub.ingest.BundledContexts;

/**
 * Writes RDF as framed JSON-LD 1.1: the stable, vendor-facing shape of each document type,
 * compacted with the hub's published context. Uses Titanium (already Jena's JSON-LD 1.1
 * engine), with bundled contexts as its only loader.
 */
public final class JsonLdFramer {
    /** The jakarta.json provider, looked up once (each {@code Json.create…} call would search the classpath for it). */
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final String XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer";
    private static final String XSD_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal";
    private static final String XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean";
    private final DocumentLoader contexts;
    /** Parsed once: a JSON document is read-only, and reading it per request would waste the hot path. */
    private final Document frame;

    /** @param frameResource a frame in {@code src/main/resources/frames/}, written against the canonical context IRI */
    public JsonLdFramer(BundledContexts contexts, String frameResource) {
        this(contexts, frameResource, contexts.published());
    }

    /**
     * A framer whose output keeps the frame's own {@code @context} (inline, or an IRI that
     * {@code contexts} resolves from a bundled copy), for shapes other than the hub's documents:
     * the DCAT catalog, schema.org.
     */
    public static JsonLdFramer withFrameContext(DocumentLoader contexts, String frameResource) {
        return new JsonLdFramer(contexts, frameResource, null);
    }

    private JsonLdFramer(DocumentLoader contexts, String frameResource, String context) {
        this.contexts = contexts;
        try (var in = JsonLdFramer.class.getResourceAsStream(frameResource)) {
            ObjectNode json = (ObjectNode) Problems.JSON.readTree(in);
            if (context != null)
                json.put("@context", context);
            this.frame = JsonDocument.of(new StringReader(json.toString()));
        } catch (IOException | JsonLdError | NullPointerException e) {
            throw new IllegalStateException("cannot read frame " + frameResource, e);
        }
    }

    /**
     * Integers, decimals and booleans as JSON numbers and booleans. Done here rather than with
     * Titanium's useNativeTypes option, which (in 1.4.1) drops the language of language-tagged
     * strings. A decimal keeps its digits in the JSON text (a JSON-LD reader takes it as a double).
     */
    private static JsonValue nativeValues(JsonValue value) {
        if (value instanceof JsonArray array) {
            JsonArrayBuilder out = JSON.createArrayBuilder();
            array.forEach(v -> out.add(nativeValues(v)));
            return out.build();
        }
        if (!(value instanceof JsonObject object))
            return value;
        JsonValue type = object.get("@type");
        if (object.size() == 2 && object.get("@value") instanceof JsonString lexical && type instanceof JsonString datatype) {
            String lex = lexical.getString();
            if (XSD_INTEGER.equals(datatype.getString()) && lex.matches("^[+-]?[0-9]{1,18}$"))
                return JSON.createObjectBuilder().add("@value", Long.parseLong(lex)).build();
            if (XSD_DECIMAL.equals(datatype.getString()) && lex.matches("^[+-]?[0-9]{1,18}(\\.[0-9]{1,18})?$"))
                return JSON.createObjectBuilder().add("@value", new java.math.BigDecimal(lex)).build();
            if (XSD_BOOLEAN.equals(datatype.getString()) && (lex.equals("true") || lex.equals("false")))
                return JSON.createObjectBuilder().add("@value", lex.equals("true")).build();
            return object;
        }
        JsonObjectBuilder out = JSON.createObjectBuilder();
        object.forEach((k, v) -> out.add(k, nativeValues(v)));
        return out.build();
    }

    /**
     * The framed output without JSON nulls: Titanium writes {@code "p": null} for a property a
     * frame names but a node lacks (a null means "nothing" in JSON-LD, so this changes no triple).
     */
    private static JsonValue withoutNulls(JsonValue value) {
        if (value instanceof JsonArray array) {
            JsonArrayBuilder out = JSON.createArrayBuilder();
            array.forEach(v -> {
                if (v.getValueType() != JsonValue.ValueType.NULL)
                    out.add(withoutNulls(v));
            });
            return out.build();
        }
        if (!(value instanceof JsonObject object))
            return value;
        JsonObjectBuilder out = JSON.createObjectBuilder();
        object.forEach((k, v) -> {
            if (v.getValueType() != JsonValue.ValueType.NULL)
                out.add(k, withoutNulls(v));
        });
        return out.build();
    }

    /** One document (a single object), or a list of documents (always under {@code @graph}). */
    public String frame(Graph graph, boolean list) {
        JsonLdOptions options = new JsonLdOptions(contexts);
        options.setOmitGraph(!list);
        try {
            JsonArray expanded = (JsonArray) nativeValues(JsonLd.fromRdf(
                    RdfDocument.of(JenaTitanium.convert(DatasetGraphFactory.wrap(graph)))).options(options).get());
            JsonObject framed = (JsonObject) withoutNulls(JsonLd.frame(JsonDocument.of(expanded), frame).options(options).get());
            if (list && !framed.containsKey("@graph"))
                framed = JSON.createObjectBuilder(framed).add("@graph", JSON.createArrayBuilder()).build();
            // @context first: people read it top-down and streaming JSON-LD parsers need it early.
            JsonObjectBuilder ordered = JSON.createObjectBuilder().add("@context", framed.get("@context"));
            framed.forEach((k, v) -> {
                if (!k.equals("@context"))
                    ordered.add(k, v);
            });
            framed = ordered.build();
            StringWriter out = new StringWriter();
            try (JsonWriter writer = JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
                writer.write(framed);
            }
            return out.toString().strip() + "\n";
        } catch (JsonLdError e) {
            throw new IllegalStateException("framing failed", e);
        }
    }
}
