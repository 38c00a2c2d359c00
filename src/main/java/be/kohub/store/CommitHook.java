package be.kohub.store;

/**
 * Derived data kept in step with the documents: {@link WriteQueue} calls it in every write
 * transaction, after the group's own work, with the events the group wrote (and so the documents
 * it gave a new version).
 * What it writes commits with the documents or not at all.
 */
public interface CommitHook {
    /**
     * @param changes the events written in this transaction, in order, and their documents
     * @return what to do once the transaction has committed (it does not run if it aborts)
     */
    Runnable inTransaction(WriteTx tx, Changes changes);
}
