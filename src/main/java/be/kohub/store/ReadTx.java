package be.kohub.store;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;

/** What may be done inside a read transaction: queries only. */
public interface ReadTx {
    /** Runs a SELECT query; the rows are materialised so they outlive the transaction. */
    List<Binding> select(Query query);

    /** Runs a SELECT query and hands each row to {@code row} as it comes, without keeping the rows. */
    default void forEach(Query query, java.util.function.Consumer<Binding> row) {
        select(query).forEach(row);
    }

    boolean ask(Query query);

    /** Runs a CONSTRUCT query into a new in-memory graph. */
    Graph construct(Query query);

    /** A copy of one named graph; empty if the graph does not exist. */
    Graph graph(Node graphName);
}
