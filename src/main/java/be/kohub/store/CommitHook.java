package be.kohub.store;

import java.util.Set;

import org.apache.jena.graph.Node;

/**
 * Derived data kept in step with the documents: {@link WriteQueue} calls it in every write
 * transaction, after the group's own work, with the documents the group gave a new version.
 * What it writes commits with the documents or not at all.
 */
public interface CommitHook {
    /**
     * @param documents the documents versioned in this transaction (the subjects of its events)
     * @return what to do once the transaction has committed (it does not run if it aborts)
     */
    Runnable inTransaction(WriteTx tx, Set<Node> documents);
}
