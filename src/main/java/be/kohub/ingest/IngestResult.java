package be.kohub.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.graph.Node;

/**
 * What a successful write did: the document's IRI, its new version, whether it was new, and
 * what the document type reports beyond that (e.g. the requests an assignment changed; may be null).
 */
public record IngestResult(Node iri, long version, boolean created, ObjectNode details) {
    public IngestResult(Node iri, long version, boolean created) {
        this(iri, version, created, null);
    }

    public String etag() {
        return DocumentMeta.etag(version);
    }
}
