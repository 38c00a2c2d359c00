package be.kohub.access;

import java.time.Instant;
import java.util.List;

import org.apache.jena.graph.Node;

/**
 * A system client managed through the API, as the hub stores it: the client, when it was
 * created and revoked, and its keys (the SHA-256 of each, never the key).
 */
public record ManagedClient(Client client, Instant created, Instant revoked, List<Key> keys) {

    /** The IRI of the client in the access graph: its system identity. */
    public Node iri() {
        return client.system();
    }

    public boolean isRevoked() {
        return revoked != null;
    }

    /**
     * One key of a client.
     *
     * @param validUntil null while the key is current; set when a newer key replaced it
     */
    public record Key(Node iri, String sha256, Instant created, Instant validUntil) {
        public boolean validAt(Instant now) {
            return validUntil == null || now.isBefore(validUntil);
        }

        /** The key's id as shown to the administrator: the last segment of its IRI (not its hash). */
        public String id() {
            return iri.getURI().substring(iri.getURI().lastIndexOf('/') + 1);
        }
    }
}
