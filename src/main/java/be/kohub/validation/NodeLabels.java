package be.kohub.validation;

import org.apache.jena.graph.Node;

/** Names a node of a document for people, e.g. {@code locatie.contactinfo.adres} for a blank node. */
@FunctionalInterface
public interface NodeLabels {
    String label(Node node);
}
