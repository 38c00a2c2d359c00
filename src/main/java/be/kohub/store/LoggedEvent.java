package be.kohub.store;

import java.time.Instant;

import org.apache.jena.graph.Node;

/**
 * One entry of the event log as a write transaction inserted it (ingest/DocumentWrites): which
 * document got which version, by what operation, when and by whom.
 */
public record LoggedEvent(Node iri, Node document, long version, String operation, Instant time, Node agent) {
    /** The event's UUID (its IRI is {@code urn:uuid:…}): the id receivers deduplicate on. */
    public String id() {
        return iri.getURI().startsWith("urn:uuid:") ? iri.getURI().substring("urn:uuid:".length()) : iri.getURI();
    }
}
