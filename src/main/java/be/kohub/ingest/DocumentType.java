package be.kohub.ingest;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

import be.kohub.access.Client;

/**
 * What the ingestion pipeline needs to know of one kind of document: its names, the class of
 * its root node, and its own rules. Everything else (reading, identity, validation, writing)
 * is the shared pipeline.
 */
public interface DocumentType {
    /** Singular name, as in {@code {base}/id/locatie/{uuid}} and in the hub's bookkeeping. */
    String name();

    /** The class of the document's root node. */
    Node rootClass();

    /** Refuses a write this client may not make (thrown as Rejected); called before the store is touched. */
    void authorizeWrite(Client client, Graph document, Node root);

    /** The document as it reads once withdrawn (DELETE keeps the resource and its history). */
    Graph withdrawn(Graph current, Node iri);
}
