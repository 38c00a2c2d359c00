package be.kohub.store;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;

/** What one write transaction changed: its events in the order they were written, and their documents. */
public record Changes(List<LoggedEvent> events) {
    public Changes {
        events = List.copyOf(events);
    }

    /** The documents versioned in this transaction (the subjects of its events). */
    public Set<Node> documents() {
        Set<Node> documents = new LinkedHashSet<>();
        events.forEach(e -> documents.add(e.document()));
        return documents;
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }
}
