package be.kohub.store;

import org.apache.jena.update.UpdateRequest;

/** A write transaction: reads see the writes made earlier in the same transaction. */
public interface WriteTx extends ReadTx {
    void update(UpdateRequest request);
}
