package be.kohub.webhooks;

import java.net.URI;
import java.time.Instant;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * One row of the outbox: an event for a subscription, with what the worker needs to send it
 * (the payload, the subscription's callback and secret) and where it stands.
 *
 * @param eventId the event's UUID: the {@code webhook-id} header, the same on every attempt
 * @param attempts attempts made so far
 * @param state {@link #PENDING} or {@link #DEAD}; a delivered row is removed
 */
record Delivery(String id, String subscriptionId, String eventId, String type, String document, String payload,
                int attempts, Instant nextAttempt, String state, Instant created, Instant lastAttempt, String lastError,
                URI callback, String secret) {
    static final String PENDING = "wachtend";
    static final String DEAD = "dood";

    Node iri() {
        return iri(id);
    }

    static Node iri(String id) {
        return NodeFactory.createURI("urn:uuid:" + id);
    }
}
