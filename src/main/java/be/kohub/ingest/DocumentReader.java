package be.kohub.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.rdf.RdfDataset;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.system.JenaTitanium;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;

/**
 * Turns a request body into RDF, refusing anything over the size and depth limits, any
 * context the hub does not bundle, and anything that is not JSON-LD 1.1 or Turtle.
 * A batch (a JSON array, or newline-delimited JSON-LD) is split into documents that are
 * read one by one, so that one bad document does not spoil the others.
 */
public final class DocumentReader {

    /** The formats a document may come in. */
    public enum Format {
        JSONLD, NDJSON, TURTLE;

        public static Format of(String contentType) {
            String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase();
            return switch (type) {
                case "application/ld+json", "application/json" -> JSONLD;
                case "application/x-ndjson", "application/ld+json-seq", "application/jsonl" -> NDJSON;
                case "text/turtle" -> TURTLE;
                default -> throw new Rejected(ProblemType.MEDIATYPE,
                        "Mediatype '" + type + "' wordt niet aanvaard: gebruik application/ld+json, application/x-ndjson of text/turtle.",
                        "Media type '" + type + "' is not accepted: use application/ld+json, application/x-ndjson or text/turtle.");
            };
        }
    }

    /** One document of a batch: its graph, or why it could not be read. */
    public record Item(int index, Graph graph, Rejected error) {}

    private final InputLimits limits;
    private final JsonLdToRdf toRdf;
    private final ObjectMapper json;

    public DocumentReader(InputLimits limits, BundledContexts contexts) {
        this.limits = limits;
        this.toRdf = new JsonLdToRdf(contexts);
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxStringLength(limits.maxDocumentBytes())
                        .maxDocumentLength(limits.maxBatchBytes())
                        .build())
                .build();
        this.json = new ObjectMapper(factory);
    }

    /** Reads a body that holds one document. */
    public Graph readOne(byte[] body, Format format) {
        checkSize(body.length, limits.maxDocumentBytes());
        return switch (format) {
            case TURTLE -> turtle(body);
            case JSONLD -> jsonld(parseJson(body));
            case NDJSON -> {
                List<Item> items = readBatch(body, format);
                if (items.size() != 1)
                    throw new Rejected(ProblemType.DOCUMENTSTRUCTUUR,
                            "Hier wordt precies één document verwacht.", "Exactly one document is expected here.");
                if (items.get(0).error() != null)
                    throw items.get(0).error();
                yield items.get(0).graph();
            }
        };
    }

    /** A plain-JSON command body (a status change, a birth): the same size and depth limits as a document. */
    public com.fasterxml.jackson.databind.node.ObjectNode readCommand(byte[] body) {
        checkSize(body.length, limits.maxDocumentBytes());
        JsonNode node = parseJson(body);
        if (!(node instanceof com.fasterxml.jackson.databind.node.ObjectNode object))
            throw new Rejected(ProblemType.ONGELDIGE_JSON, "Verwacht wordt een JSON-object.", "A JSON object is expected.");
        return object;
    }

    /** True if the body is a batch: newline-delimited, or a top-level JSON array. */
    public boolean isBatch(byte[] body, Format format) {
        if (format == Format.NDJSON)
            return true;
        if (format != Format.JSONLD)
            return false;
        for (byte b : body) {
            if (!Character.isWhitespace(b))
                return b == '[';
        }
        return false;
    }

    public List<Item> readBatch(byte[] body, Format format) {
        checkSize(body.length, limits.maxBatchBytes());
        List<JsonNode> documents = new ArrayList<>();
        if (format == Format.NDJSON) {
            String[] lines = new String(body, StandardCharsets.UTF_8).split("\r?\n");
            List<Item> items = new ArrayList<>();
            int index = 0;
            for (String line : lines) {
                if (line.isBlank())
                    continue;
                items.add(item(index++, () -> jsonld(parseJson(line.getBytes(StandardCharsets.UTF_8)))));
            }
            checkCount(items.size());
            return items;
        }
        JsonNode array = parseJson(body);
        if (!array.isArray())
            throw new Rejected(ProblemType.DOCUMENTSTRUCTUUR,
                    "Een batch is een JSON-array van documenten.", "A batch is a JSON array of documents.");
        array.forEach(documents::add);
        checkCount(documents.size());
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            JsonNode document = documents.get(i);
            items.add(item(i, () -> jsonld(document)));
        }
        return items;
    }

    private static Item item(int index, java.util.function.Supplier<Graph> read) {
        try {
            return new Item(index, read.get(), null);
        } catch (Rejected e) {
            return new Item(index, null, e);
        }
    }

    private void checkSize(int size, int max) {
        if (size > max)
            throw new Rejected(ProblemType.TE_GROOT,
                    "Het document is " + size + " bytes; het maximum is " + max + ".",
                    "The document is " + size + " bytes; the limit is " + max + ".");
    }

    private void checkCount(int count) {
        if (count > limits.maxBatchSize())
            throw new Rejected(ProblemType.TE_GROOT,
                    "Een batch bevat hoogstens " + limits.maxBatchSize() + " documenten; deze bevat er " + count + ".",
                    "A batch holds at most " + limits.maxBatchSize() + " documents; this one holds " + count + ".");
    }

    private JsonNode parseJson(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || node.isMissingNode())
                throw new Rejected(ProblemType.ONGELDIGE_JSON, "Het document is leeg.", "The document is empty.");
            return node;
        } catch (StreamConstraintsException e) {
            String what = e.getMessage() == null ? "" : e.getMessage();
            if (what.contains("depth"))
                throw new Rejected(ProblemType.TE_DIEP,
                        "Het document is dieper genest dan " + limits.maxDepth() + " niveaus.",
                        "The document is nested deeper than " + limits.maxDepth() + " levels.");
            throw new Rejected(ProblemType.TE_GROOT, "Het document overschrijdt een limiet: " + what,
                    "The document exceeds a limit: " + what);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (regel " + e.getLocation().getLineNr() + ", kolom " + e.getLocation().getColumnNr() + ")";
            String whereEn = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new Rejected(ProblemType.ONGELDIGE_JSON,
                    "Geen geldige JSON" + where + ": " + e.getOriginalMessage(),
                    "Not valid JSON" + whereEn + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Rejected(ProblemType.ONGELDIGE_JSON, "Geen geldige JSON.", "Not valid JSON.");
        }
    }

    private Graph jsonld(JsonNode document) {
        if (!document.isObject() && !document.isArray())
            throw new Rejected(ProblemType.ONGELDIGE_JSONLD,
                    "Een JSON-LD-document is een object.", "A JSON-LD document is an object.");
        RdfDataset dataset;
        try {
            dataset = toRdf.toRdf((JsonStructure) toJakarta(document));
        } catch (JsonLdError e) {
            if (e.getCode() == JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED
                    || e.getCode() == JsonLdErrorCode.LOADING_DOCUMENT_FAILED)
                throw new Rejected(ProblemType.ONBEKENDE_CONTEXT,
                        "Alleen gebundelde contexten worden aanvaard (bv. " + BundledContexts.KOHUB_V1 + "); externe contexten worden nooit opgehaald. " + e.getMessage(),
                        "Only bundled contexts are accepted (e.g. " + BundledContexts.KOHUB_V1 + "); remote contexts are never fetched. " + e.getMessage());
            throw new Rejected(ProblemType.ONGELDIGE_JSONLD,
                    "Geen geldige JSON-LD 1.1 (" + e.getCode().toMessage() + "): " + e.getMessage(),
                    "Not valid JSON-LD 1.1 (" + e.getCode().toMessage() + "): " + e.getMessage());
        }
        DatasetGraph dsg = DatasetGraphFactory.create();
        JenaTitanium.convert(dataset, StreamRDFLib.dataset(dsg));
        if (dsg.listGraphNodes().hasNext())
            throw new Rejected(ProblemType.DOCUMENTSTRUCTUUR,
                    "Een document heeft geen benoemde grafen (@graph met @id).",
                    "A document has no named graphs (@graph with @id).");
        return dsg.getDefaultGraph();
    }

    private Graph turtle(byte[] body) {
        Graph graph = GraphFactory.createDefaultGraph();
        try {
            // A client's syntax error is answered as a problem, not written to the hub's log.
            RDFParser.source(new ByteArrayInputStream(body)).lang(Lang.TURTLE)
                    .errorHandler(ErrorHandlerFactory.errorHandlerNoLogging).parse(graph);
        } catch (RiotException e) {
            throw new Rejected(ProblemType.ONGELDIGE_RDF, "Geen geldige Turtle: " + e.getMessage(),
                    "Not valid Turtle: " + e.getMessage());
        }
        return graph;
    }

    /**
     * The jakarta.json provider, looked up once: {@code Json.createValue} and friends look it up
     * through the ServiceLoader on every call, a scan of the classpath that took a third of the
     * time of reading a sheet.
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Jackson (which enforces the limits) to jakarta.json (which Titanium reads). */
    private static JsonValue toJakarta(JsonNode node) {
        if (node.isObject()) {
            JsonObjectBuilder object = JSON.createObjectBuilder();
            for (Map.Entry<String, JsonNode> field : node.properties())
                object.add(field.getKey(), toJakarta(field.getValue()));
            return object.build();
        }
        if (node.isArray()) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            node.forEach(element -> array.add(toJakarta(element)));
            return array.build();
        }
        if (node.isTextual())
            return JSON.createValue(node.textValue());
        if (node.isBoolean())
            return node.booleanValue() ? JsonValue.TRUE : JsonValue.FALSE;
        if (node.isIntegralNumber())
            return JSON.createValue(node.bigIntegerValue());
        if (node.isNumber())
            return JSON.createValue(node.decimalValue());
        return JsonValue.NULL;
    }
}
