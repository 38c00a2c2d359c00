package be.kohub.webhooks;

import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

import be.kohub.ingest.DocumentGraphs;
import be.kohub.ingest.DocumentMeta;
import be.kohub.lifecycle.Lifecycle;
import be.kohub.model.CodeLists;
import be.kohub.store.LoggedEvent;
import be.kohub.store.ReadTx;
import be.kohub.vocab.KO;

/**
 * The JSON a delivery carries, in the Standard Webhooks shape {@code {id, type, timestamp, data}}:
 * which document changed (IRI, type, new version), by what operation and when, and for requests
 * and assignments the status after the change with its reason and, for a status change, the
 * assignment that caused it. Nothing else: no names, no child code, no contents of the document,
 * which the receiver reads through the API with its own key (and its own access rules).
 */
final class EventPayload {
    static final ObjectMapper JSON = new ObjectMapper();

    private EventPayload() {}

    static String of(ReadTx tx, LoggedEvent event, DocumentMeta meta, String type, CodeLists codes) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("id", event.id());
        payload.put("type", type);
        payload.put("timestamp", event.time().toString());
        ObjectNode data = payload.putObject("data");
        data.put("document", meta.iri().getURI());
        data.put("documenttype", meta.type());
        data.put("versie", event.version());
        data.put("bewerking", event.operation());
        if (meta.type().equals("aanvraag") || meta.type().equals("toewijzing"))
            Lifecycle.current(tx, meta.iri()).ifPresent(current -> {
                data.put("status", codes.code(current.status()));
                if (current.reason() != null)
                    data.put("reden", codes.code(current.reason()));
                if (event.operation().equals("status"))
                    causedBy(tx, meta.iri()).ifPresent(cause -> data.put("veroorzaaktDoor", cause.getURI()));
            });
        return payload.toString();
    }

    /** The status the document has after this transaction, as a code (empty for documents without one). */
    static Optional<String> status(ReadTx tx, DocumentMeta meta, CodeLists codes) {
        return Lifecycle.current(tx, meta.iri()).map(current -> codes.code(current.status()));
    }

    /** The assignment that brought about the latest entry of the status history, if one did. */
    private static Optional<Node> causedBy(ReadTx tx, Node iri) {
        Graph history = tx.graph(DocumentGraphs.status(iri));
        Node latest = null;
        long highest = -1;
        for (Triple t : history.find(iri, KO.statuswijziging, Node.ANY).toList()) {
            long number = history.find(t.getObject(), KO.volgnummer, Node.ANY).nextOptional()
                    .map(n -> Long.parseLong(n.getObject().getLiteralLexicalForm())).orElse(0L);
            if (number > highest) {
                highest = number;
                latest = t.getObject();
            }
        }
        return latest == null ? Optional.empty()
                : history.find(latest, KO.veroorzaaktDoor, Node.ANY).nextOptional().map(Triple::getObject).filter(Node::isURI);
    }
}
