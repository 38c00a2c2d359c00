package be.kohub.ingest;

import org.apache.jena.graph.Node;

/** What a successful write did: the document's IRI, its new version, and whether it was new. */
public record IngestResult(Node iri, long version, boolean created) {
    public String etag() {
        return DocumentMeta.etag(version);
    }
}
