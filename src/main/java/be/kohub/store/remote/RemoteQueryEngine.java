package be.kohub.store.remote;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.engine.main.QueryEngineMainQuad;
import org.apache.jena.sparql.engine.main.solver.OpExecutorQuads;
import org.apache.jena.sparql.util.Context;

/**
 * How ARQ evaluates a query here over remote quads ({@link RemoteQuads}, {@link PendingWrites},
 * or a view of them such as a SPARQL door's): in quad form, each quad pattern one {@code find}
 * across graphs. ARQ's default engine would walk {@code GRAPH ?g} graph by graph, one request
 * per graph of the store.
 */
final class RemoteQueryEngine implements QueryEngineFactory {
    private static final RemoteQueryEngine INSTANCE = new RemoteQueryEngine();
    private static volatile boolean registered;

    private RemoteQueryEngine() {}

    static synchronized void register() {
        if (!registered) {
            QueryEngineRegistry.addFactory(INSTANCE);
            registered = true;
        }
    }

    @Override
    public boolean accept(Query query, DatasetGraph dataset, Context context) {
        return overRemote(dataset);
    }

    @Override
    public Plan create(Query query, DatasetGraph dataset, Binding input, Context context) {
        return new QueryEngineMainQuad(query, dataset, input, quads(context)).getPlan();
    }

    @Override
    public boolean accept(Op op, DatasetGraph dataset, Context context) {
        return overRemote(dataset);
    }

    @Override
    public Plan create(Op op, DatasetGraph dataset, Binding input, Context context) {
        return new QueryEngineMainQuad(op, dataset, input, quads(context)).getPlan();
    }

    private static Context quads(Context context) {
        Context copy = context == null ? new Context() : context.copy();
        QC.setFactory(copy, OpExecutorQuads::new);
        return copy;
    }

    private static boolean overRemote(DatasetGraph dataset) {
        for (DatasetGraph d = dataset; d != null; d = d instanceof DatasetGraphWrapper w ? w.getWrapped() : null)
            if (d instanceof RemoteQuads || d instanceof PendingWrites)
                return true;
        return false;
    }
}
