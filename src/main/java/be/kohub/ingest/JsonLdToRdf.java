package be.kohub.ingest;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.JsonLdVersion;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.expansion.Expansion;
import com.apicatalog.jsonld.flattening.NodeMap;
import com.apicatalog.jsonld.flattening.NodeMapBuilder;
import com.apicatalog.jsonld.json.JsonProvider;
import com.apicatalog.jsonld.json.JsonUtils;
import com.apicatalog.jsonld.lang.Keywords;
import com.apicatalog.jsonld.processor.ProcessingRuntime;
import com.apicatalog.rdf.Rdf;
import com.apicatalog.rdf.RdfDataset;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

/**
 * JSON-LD 1.1 to RDF with Titanium, as {@code JsonLd.toRdf} does it, but with each bundled context
 * processed once: a document whose {@code @context} is the IRI of one of them (every document a
 * vendor sends, in practice) is expanded with that context's active context, kept from the first
 * time, instead of processing the context's term definitions again (half the time of reading a
 * sheet). An active context is not changed by expansion (each change makes a copy), so one serves
 * all threads. Any other document goes through {@code JsonLd.toRdf} unchanged.
 * {@code JsonLdToRdfTest} holds both ways to the same graphs.
 */
final class JsonLdToRdf {
    private final JsonLdOptions options;
    private final BundledContexts contexts;
    private final Map<String, ActiveContext> processed = new ConcurrentHashMap<>();

    JsonLdToRdf(BundledContexts contexts) {
        this.contexts = contexts;
        this.options = new JsonLdOptions(contexts);
        options.setProcessingMode(JsonLdVersion.V1_1);
    }

    RdfDataset toRdf(JsonStructure document) throws JsonLdError {
        ActiveContext context = bundledContextOf(document);
        if (context == null)
            return JsonLd.toRdf(JsonDocument.of(document)).options(options).get();
        // The steps of Titanium's ExpansionProcessor and ToRdfProcessor, from the processed context on.
        JsonObject rest = JsonProvider.instance().createObjectBuilder(document.asJsonObject()).remove(Keywords.CONTEXT).build();
        JsonValue expanded = Expansion.with(context, rest, null, null).ordered(options.isOrdered()).compute();
        if (JsonUtils.isObject(expanded) && expanded.asJsonObject().size() == 1 && expanded.asJsonObject().containsKey(Keywords.GRAPH))
            expanded = expanded.asJsonObject().get(Keywords.GRAPH);
        JsonStructure input = JsonUtils.isNull(expanded) ? JsonValue.EMPTY_JSON_ARRAY : JsonUtils.toJsonArray(expanded);
        return com.apicatalog.jsonld.deseralization.JsonLdToRdf
                .with(NodeMapBuilder.with(input, new NodeMap()).build(), Rdf.createDataset())
                .produceGeneralizedRdf(options.isProduceGeneralizedRdf())
                .rdfDirection(options.getRdfDirection())
                .uriValidation(options.isUriValidation())
                .build();
    }

    /** The processed context when the document is an object whose {@code @context} is only a bundled context's IRI. */
    private ActiveContext bundledContextOf(JsonStructure document) throws JsonLdError {
        if (!JsonUtils.isObject(document) || !(document.asJsonObject().get(Keywords.CONTEXT) instanceof JsonString iri)
                || !contexts.knows(iri.getString()))
            return null;
        ActiveContext known = processed.get(iri.getString());
        if (known != null)
            return known;
        // As ObjectExpansion processes a document's own @context: on a new active context, with the document's base (none).
        ActiveContext context = new ActiveContext(null, null, ProcessingRuntime.of(options)).newContext().create(iri, (URI) null);
        processed.putIfAbsent(iri.getString(), context);
        return context;
    }
}
