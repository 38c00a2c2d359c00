package be.kohub.store;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.update.UpdateRequest;

/**
 * Read and write access to a local {@link DatasetGraph} inside a transaction the caller holds
 * (or on a dataset that needs none, such as the generator's per-family scratch datasets).
 */
public final class DatasetTx implements WriteTx {
    private final DatasetGraph dsg;

    public DatasetTx(DatasetGraph dsg) {
        this.dsg = dsg;
    }

    @Override
    public List<Binding> select(Query query) {
        try (QueryExec exec = QueryExec.dataset(dsg).query(query).build()) {
            // Copied: TDB2's rows decode their terms lazily, which fails once the transaction has ended.
            return exec.select().materialize().stream().map(BindingFactory::copy).toList();
        }
    }

    @Override
    public void forEach(Query query, java.util.function.Consumer<Binding> row) {
        try (QueryExec exec = QueryExec.dataset(dsg).query(query).build()) {
            exec.select().forEachRemaining(row);
        }
    }

    @Override
    public boolean ask(Query query) {
        return QueryExec.dataset(dsg).query(query).ask();
    }

    @Override
    public Graph construct(Query query) {
        try (QueryExec exec = QueryExec.dataset(dsg).query(query).build()) {
            return exec.construct(GraphFactory.createDefaultGraph());
        }
    }

    @Override
    public Graph graph(Node graphName) {
        Graph copy = GraphFactory.createDefaultGraph();
        dsg.getGraph(graphName).find().forEachRemaining(copy::add);
        return copy;
    }

    @Override
    public void update(UpdateRequest request) {
        UpdateExec.dataset(dsg).update(request).execute();
    }
}
