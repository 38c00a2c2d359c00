package be.kohub.store.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.update.UpdateRequest;

import be.kohub.store.DatasetTx;
import be.kohub.store.WriteTx;

/**
 * A write transaction on a remote store: updates are kept, and applied here too so that later
 * reads see them; until the first update, reads go to the server as they are. The kept updates
 * go to the server in one guarded request when the work is done ({@link RemoteStore#write}).
 */
final class RemoteWriteTx implements WriteTx {
    private final RemoteReadTx server;
    private final PendingWrites pending;
    private final DatasetTx local;
    private final List<UpdateRequest> updates = new ArrayList<>();

    RemoteWriteTx(RemoteEndpoint remote) {
        this.server = new RemoteReadTx(remote);
        this.pending = new PendingWrites(new RemoteQuads(remote));
        this.local = new DatasetTx(pending);
    }

    List<UpdateRequest> updates() {
        return updates;
    }

    @Override
    public void update(UpdateRequest request) {
        UpdateExec.dataset(pending).update(request).execute();
        updates.add(request);
    }

    @Override
    public List<Binding> select(Query query) {
        return updates.isEmpty() ? server.select(query) : local.select(query);
    }

    @Override
    public void forEach(Query query, Consumer<Binding> row) {
        if (updates.isEmpty())
            server.forEach(query, row);
        else
            local.forEach(query, row);
    }

    @Override
    public boolean ask(Query query) {
        return updates.isEmpty() ? server.ask(query) : local.ask(query);
    }

    @Override
    public Graph construct(Query query) {
        return updates.isEmpty() ? server.construct(query) : local.construct(query);
    }

    @Override
    public Graph graph(Node graphName) {
        return updates.isEmpty() ? server.graph(graphName) : local.graph(graphName);
    }
}
