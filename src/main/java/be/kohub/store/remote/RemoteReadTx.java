package be.kohub.store.remote;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;

import be.kohub.store.ReadTx;

/** Reads from a remote store: every query runs on the server, whole. */
final class RemoteReadTx implements ReadTx {
    private final RemoteEndpoint remote;

    RemoteReadTx(RemoteEndpoint remote) {
        this.remote = remote;
    }

    @Override
    public List<Binding> select(Query query) {
        return remote.select(query);
    }

    @Override
    public boolean ask(Query query) {
        return remote.ask(query);
    }

    @Override
    public Graph construct(Query query) {
        return remote.construct(query);
    }

    @Override
    public Graph graph(Node graphName) {
        return remote.graph(graphName);
    }
}
