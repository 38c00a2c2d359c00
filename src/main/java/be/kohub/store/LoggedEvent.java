package be.kohub.store;

import java.time.Instant;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

/**
 * One entry of the event log as a write transaction inserted it (ingest/DocumentWrites): which
 * document got which version, by what operation, when and by whom; and, when the same update
 * wrote the document's graph, that graph as written ({@code null} otherwise), so that what is
 * derived from this version sees this version even if a later write in the same transaction
 * changes the document again. The document's type is that the event names ({@code null} for events
 * logged before events named it).
 */
public record LoggedEvent(Node iri, Node document, String type, long version, String operation, Instant time, Node agent, Graph written) {
    /** The event's UUID (its IRI is {@code urn:uuid:…}): the id receivers deduplicate on. */
    public String id() {
        return iri.getURI().startsWith("urn:uuid:") ? iri.getURI().substring("urn:uuid:".length()) : iri.getURI();
    }
}
