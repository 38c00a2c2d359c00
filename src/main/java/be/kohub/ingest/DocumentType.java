package be.kohub.ingest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.update.UpdateRequest;

import be.kohub.access.Client;
import be.kohub.store.WriteTx;

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
    default Graph withdrawn(Graph current, Node iri) {
        throw new UnsupportedOperationException(name() + " cannot be withdrawn");
    }

    /**
     * The type's rules that need the store. Runs inside the write transaction, after identity
     * is resolved and before anything is written; it may refuse (Rejected) but must not write:
     * it returns what to write instead.
     */
    default Prepared prepare(WriteTx tx, Write write) {
        return new Prepared(write.document(), null, null, List.of(), null);
    }

    /** A validated document on its way into the store, with its hub IRI and the version it replaces (null: new). */
    record Write(Client client, Node iri, Graph document, DocumentMeta previous, Instant now) {}

    /**
     * What to store for a document.
     *
     * @param document the document graph
     * @param personal the personal-data graph ({@code {iri}/persoonsgegevens}); null if the type has none
     * @param status   the status graph of a new document ({@code {iri}/status}); null to leave it as it is
     * @param effects  changes to other resources, applied in the same transaction after the document
     * @param details  what the answer reports beyond id and version (changes made, notices); may be null
     */
    record Prepared(Graph document, Graph personal, Graph status, List<UpdateRequest> effects, ObjectNode details) {}
}
