package be.kohub.http;

import java.util.regex.Pattern;

import io.javalin.http.Context;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;

/**
 * How one document type's hub IRIs ({@code {base}/id/{type}/{uuid}}) map to its API paths
 * ({@code /{route}/{uuid}}), and the 404 for an id the hub does not have.
 */
public final class DocumentPaths {
    private static final Pattern UUID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private final String iriPrefix;
    private final String route;
    private final String nounNl;
    private final String nounEn;

    /** @param route e.g. {@code /aanvragen}; nouns e.g. "aanvraag" / "request" for messages */
    public DocumentPaths(String iriPrefix, String route, String nounNl, String nounEn) {
        this.iriPrefix = iriPrefix;
        this.route = route;
        this.nounNl = nounNl;
        this.nounEn = nounEn;
    }

    /** The IRI named by the {@code {id}} path parameter. */
    public Node iri(Context ctx) {
        String id = ctx.pathParam("id");
        Node iri = NodeFactory.createURI(iriPrefix + id);
        if (!UUID.matcher(id).matches())
            throw notFound(iri);
        return iri;
    }

    /** The API path of a document, for the Location header. */
    public String path(Node iri) {
        return route + "/" + iri.getURI().substring(iriPrefix.length());
    }

    public Rejected notFound(Node iri) {
        return new Rejected(ProblemType.NIET_GEVONDEN, "Geen " + nounNl + " " + iri.getURI() + ".", "No " + nounEn + " " + iri.getURI() + ".");
    }
}
