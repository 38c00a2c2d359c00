package be.kohub.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Set;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;

/**
 * The schema.org JSON-LD context, as a bundled subset ({@code jsonld/schemaorg-subset.jsonld}):
 * the hub writes {@code "@context": "https://schema.org"} and never fetches it. The subset holds
 * only the terms the hub writes, each defined as schema.org's own context defines it (release
 * 29.0: {@code @vocab} {@code http://schema.org/}, {@code url} and {@code sameAs} as {@code @id}),
 * so a reader that loads the real context gets the same triples. It leaves out the {@code id} and
 * {@code type} aliases, so the output keeps {@code @id} and {@code @type}, as search engines expect.
 */
public final class SchemaOrgContext implements DocumentLoader {
    public static final String IRI = "https://schema.org";
    public static final String RESOURCE = "/jsonld/schemaorg-subset.jsonld";
    private static final Set<String> NAMES = Set.of(IRI, IRI + "/", "http://schema.org", "http://schema.org/");
    private final Document context;

    public SchemaOrgContext() {
        try (InputStream in = SchemaOrgContext.class.getResourceAsStream(RESOURCE)) {
            if (in == null)
                throw new IllegalStateException("missing resource " + RESOURCE);
            this.context = JsonDocument.of(in);
            context.setDocumentUrl(URI.create(IRI));
        } catch (IOException | JsonLdError e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        if (!NAMES.contains(url.toString()))
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "context not bundled: " + url);
        return context;
    }
}
