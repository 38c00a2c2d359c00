package be.kohub.webhooks;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

import be.kohub.access.Client;
import be.kohub.access.Role;
import be.kohub.assignments.AssignmentAccess;
import be.kohub.ingest.DocumentMeta;
import be.kohub.locations.LocationState;
import be.kohub.requests.RequestAccess;
import be.kohub.store.ReadTx;
import be.kohub.vocab.KO;

/**
 * Whether a subscription's owner may hear of a change to a document: exactly when it may read
 * the document through the REST API as it stands after the change ({@link RequestAccess},
 * {@link AssignmentAccess}; location sheets are public). A request that does not exist for a
 * client (404) sends it no event either, so a webhook never tells what a read would hide.
 */
final class EventAccess {
    private EventAccess() {}

    static boolean mayRead(ReadTx tx, Client client, DocumentMeta meta) {
        if (client.role() == Role.BEHEER)
            return true;
        Node iri = meta.iri();
        return switch (meta.type()) {
            case "locatie" -> true;
            case "aanvraag" -> RequestAccess.find(tx, client, iri, meta, tx.graph(iri)).isPresent();
            case "toewijzing" -> {
                Graph document = tx.graph(iri);
                Node location = document.find(iri, KO.vestiging, Node.ANY).nextOptional().map(Triple::getObject).orElse(iri);
                LocationState state = LocationState.find(tx, location).orElse(new LocationState(location, null, null, null));
                yield AssignmentAccess.allowed(tx, client, iri, meta, document, state);
            }
            default -> false;
        };
    }
}
