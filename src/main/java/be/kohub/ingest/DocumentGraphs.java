package be.kohub.ingest;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The named graphs of one resource (DESIGN.md §3): the document itself at its IRI, the
 * personal data of the people in it, and the hub-managed status with its history.
 */
public final class DocumentGraphs {
    private DocumentGraphs() {}

    public static Node personal(Node iri) {
        return NodeFactory.createURI(iri.getURI() + "/persoonsgegevens");
    }

    public static Node status(Node iri) {
        return NodeFactory.createURI(iri.getURI() + "/status");
    }
}
