package be.kohub.feeds;

import java.util.HashMap;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

import be.kohub.access.Client;
import be.kohub.assignments.AssignmentAccess;
import be.kohub.ingest.DocumentMeta;
import be.kohub.locations.LocationState;
import be.kohub.requests.RequestAccess;
import be.kohub.store.ReadTx;
import be.kohub.vocab.KO;

/**
 * Which members of a feed a caller sees: on the public feed all; on the request and assignment
 * feeds those about documents the caller may read through REST (RequestAccess, AssignmentAccess),
 * decided on the access rules as they are when the page is read. One instance per page read.
 */
final class FeedAccess {
    private final ReadTx tx;
    private final Client client;
    private final Feed feed;
    private final Map<Node, Boolean> decided = new HashMap<>();

    FeedAccess(ReadTx tx, Client client, Feed feed) {
        this.tx = tx;
        this.client = client;
        this.feed = feed;
    }

    boolean visible(Node document) {
        if (!feed.personal)
            return true;
        return decided.computeIfAbsent(document, this::decide);
    }

    private boolean decide(Node document) {
        DocumentMeta meta = DocumentMeta.find(tx, document).orElse(null);
        if (meta == null || !meta.type().equals(feed.documentType))
            return false;
        Graph graph = tx.graph(document);
        return switch (feed) {
            case AANVRAGEN -> RequestAccess.find(tx, client, document, meta, graph).isPresent();
            case TOEWIJZINGEN -> graph.find(document, KO.vestiging, Node.ANY).nextOptional().map(Triple::getObject)
                    .flatMap(location -> LocationState.find(tx, location))
                    .map(location -> AssignmentAccess.allowed(tx, client, document, meta, graph, location))
                    .orElse(false);
            case LOCATIES -> true;
        };
    }
}
