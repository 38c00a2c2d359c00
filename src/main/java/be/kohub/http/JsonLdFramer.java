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
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.system.JenaTitanium;
import org.apache.jena.sparql.core.DatasetGraphFactory;

import be.kohub.ingest.BundledContexts;

/**
 * Writes RDF as framed JSON-LD 1.1: the stable, vendor-facing shape of each document type,
 * compacted with the hub's published context. Uses Titanium (already Jena's JSON-LD 1.1
 * engine), with the bundled contexts as its only loader.
 */
public final class JsonLdFramer {
    private final BundledContexts contexts;
    private final String frame;

    /** @param frameResource a frame in {@code src/main/resources/frames/}, written against the canonical context IRI */
    public JsonLdFramer(BundledContexts contexts, String frameResource) {
        this.contexts = contexts;
        try (var in = JsonLdFramer.class.getResourceAsStream(frameResource)) {
            ObjectNode json = (ObjectNode) Problems.JSON.readTree(in);
            json.put("@context", contexts.published());
            this.frame = json.toString();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("cannot read frame " + frameResource, e);
        }
    }

    /** One document (a single object), or a list of documents (always under {@code @graph}). */
    public String frame(Graph graph, boolean list) {
        JsonLdOptions options = new JsonLdOptions(contexts);
        options.setUseNativeTypes(true);
        options.setOmitGraph(!list);
        try {
            JsonArray expanded = JsonLd.fromRdf(RdfDocument.of(JenaTitanium.convert(DatasetGraphFactory.wrap(graph))))
                    .options(options).get();
            Document frameDocument = JsonDocument.of(new StringReader(frame));
            JsonObject framed = JsonLd.frame(JsonDocument.of(expanded), frameDocument).options(options).get();
            if (list && !framed.containsKey("@graph"))
                framed = Json.createObjectBuilder(framed).add("@graph", Json.createArrayBuilder()).build();
            StringWriter out = new StringWriter();
            try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
                writer.write(framed);
            }
            return out.toString().strip() + "\n";
        } catch (JsonLdError e) {
            throw new IllegalStateException("framing failed", e);
        }
    }
}
