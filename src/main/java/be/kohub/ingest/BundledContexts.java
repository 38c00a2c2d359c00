package be.kohub.ingest;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;

import be.kohub.Resources;

/**
 * The JSON-LD contexts the hub knows, bundled as resources. Used as the only document loader:
 * a context the hub does not bundle is never fetched (no SSRF, no dependence on remote hosts).
 */
public final class BundledContexts implements DocumentLoader {
    /** The canonical IRI of the hub's context; documents may also name the hub's own copy. */
    public static final String KOHUB_V1 = "https://data.kohub.be/context/v1.jsonld";
    public static final String OSLO_DAP =
            "https://data.vlaanderen.be/doc/applicatieprofiel/dienstverlening-aan-personen/context/dienstverlening-aan-personen-ap.jsonld";

    private final Map<String, byte[]> contexts = new HashMap<>();
    private final Map<String, Document> parsed = new HashMap<>();
    private final String publishedV1;

    /** @param hubBase the hub's public base URL, under which it serves {@code /context/v1.jsonld} */
    public BundledContexts(String hubBase) {
        byte[] v1 = Resources.bytes("/jsonld/kohub-v1.jsonld");
        this.publishedV1 = hubBase + "/context/v1.jsonld";
        contexts.put(KOHUB_V1, v1);
        contexts.put(publishedV1, v1);
        contexts.put(OSLO_DAP, Resources.bytes("/jsonld/dienstverlening-aan-personen-ap.jsonld"));
        // Parsed once: documents are read-only, and parsing on every request would cost more than the rest of expansion.
        contexts.forEach((iri, bytes) -> parsed.put(iri, parse(iri, bytes)));
    }

    /** The context IRI the hub writes into its own output: the copy it serves itself. */
    public String published() {
        return publishedV1;
    }

    public byte[] v1() {
        return contexts.get(KOHUB_V1);
    }

    public boolean knows(String iri) {
        return contexts.containsKey(iri);
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        Document document = parsed.get(url.toString());
        if (document == null)
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "context not bundled: " + url);
        return document;
    }

    private static Document parse(String iri, byte[] bytes) {
        try {
            Document document = JsonDocument.of(new java.io.ByteArrayInputStream(bytes));
            document.setDocumentUrl(URI.create(iri));
            return document;
        } catch (JsonLdError e) {
            throw new IllegalStateException("bundled context " + iri + " is not JSON", e);
        }
    }
}
