package be.kohub.sparql;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;

import be.kohub.access.Client;
import be.kohub.store.Queries;
import be.kohub.store.ReadTx;

/** {@code /sparql}: location info sheets and the model (queries/sparql/public-graphs.rq). */
final class PublicScope implements GraphScope {
    static List<Node> graphs(ReadTx tx) {
        return tx.select(Queries.load("sparql/public-graphs.rq")).stream().map(row -> row.get(Var.alloc("graph"))).toList();
    }

    @Override
    public Scope of(ReadTx tx, Client client) {
        return Scope.of(graphs(tx), List.of());
    }
}
