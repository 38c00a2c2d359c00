package be.kohub.webhooks;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

import be.kohub.access.Client;
import be.kohub.vocab.KO;

/**
 * One webhook subscription: who owns it (and the owner's profile at registration), where its
 * deliveries go, which event types it asked for, and the secret they are signed with.
 */
record Subscription(String id, Client owner, URI callback, List<String> eventTypes, String secret, Instant created) {
    Subscription {
        eventTypes = List.copyOf(eventTypes);
    }

    Node iri() {
        return iri(id);
    }

    static Node iri(String id) {
        return NodeFactory.createURI(KO.SUBSCRIPTION_PREFIX + id);
    }

    /** The node of the owner's profile (a kohub:Systeemclient) in the subscriptions graph. */
    Node profile() {
        return NodeFactory.createURI(KO.SUBSCRIPTION_PREFIX + id + "#eigenaar");
    }

    boolean ownedBy(Client client) {
        return owner.name().equals(client.name());
    }

    boolean wants(String type) {
        return EventTypes.matchesAny(eventTypes, type);
    }
}
