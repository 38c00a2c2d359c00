package be.kohub.store;

import java.util.function.Function;

import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The hub's storage seam: an embedded TDB2 database now, a remote SPARQL 1.1 store later.
 * {@code write} is the only way to get a {@link WriteTx}; all of a document's effects go
 * through one call, so they commit together or not at all.
 */
public interface Store extends AutoCloseable {
    <T> T read(Function<ReadTx, T> work);

    <T> T write(Function<WriteTx, T> work);

    /** Whether other hub instances may write to this store too (a remote store); the embedded one is this process's alone. */
    default boolean shared() {
        return false;
    }

    /** The dataset for in-process SPARQL (Fuseki's query machinery); always read in a transaction. */
    DatasetGraph dataset();

    @Override
    void close();
}
