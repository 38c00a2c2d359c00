package be.kohub.feeds;

import java.util.Arrays;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

import be.kohub.access.Action;

/**
 * The hub's change feeds (docs/feeds.md), one Linked Data Event Stream per document type. The
 * public feed carries each version of a location sheet; the others carry notices of changes to
 * requests and assignments, shown per caller and kept only for the feed retention period.
 */
public enum Feed {
    LOCATIES("locaties", "locatie", Action.FEED_LOCATIES, false),
    AANVRAGEN("aanvragen", "aanvraag", Action.FEED_AANVRAGEN, true),
    TOEWIJZINGEN("toewijzingen", "toewijzing", Action.FEED_TOEWIJZINGEN, true);

    private static final String GRAPHS = "https://data.kohub.be/graph/feed/";

    /** The path segment under {@code /ldes/} and the name of its description file. */
    public final String path;
    /** The document type whose events it carries. */
    public final String documentType;
    public final Action action;
    /** Scoped per caller and subject to the retention period: its members are about children. */
    public final boolean personal;

    Feed(String path, String documentType, Action action, boolean personal) {
        this.path = path;
        this.documentType = documentType;
        this.action = action;
        this.personal = personal;
    }

    public static Optional<Feed> carrying(String documentType) {
        return Arrays.stream(values()).filter(f -> f.documentType.equals(documentType)).findFirst();
    }

    /** The never-public graph holding the feed's pages and member metadata. */
    public Node graph() {
        return NodeFactory.createURI(GRAPHS + path);
    }

    /** The bookkeeping node of page {@code number} in {@link #graph()}. */
    public Node pageNode(long number) {
        return NodeFactory.createURI(GRAPHS + path + "/pagina/" + number);
    }

    /** The stream's IRI: {@code {base}/ldes/{path}}. */
    public String stream(String base) {
        return base + "/ldes/" + path;
    }

    /** The root node (the view): {@code {base}/ldes/{path}/wortel}. */
    public String root(String base) {
        return stream(base) + "/wortel";
    }

    public String page(String base, long number) {
        return stream(base) + "/pagina/" + number;
    }

    /** The version object of one version of a document; in a page, also the name of the graph holding that version. */
    public static Node member(Node document, long version) {
        return NodeFactory.createURI(document.getURI() + "/versie/" + version);
    }
}
