package be.kohub.store.remote;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import be.kohub.store.Queries;
import be.kohub.store.ReadTx;
import be.kohub.store.Store;
import be.kohub.store.Updates;
import be.kohub.store.WriteTx;

/**
 * The hub on any SPARQL 1.1 server (e.g. Fuseki), over HTTP. A write runs its work against the
 * server plus its own pending updates, then sends all of them as one request guarded by the
 * store's revision ({@link GuardedUpdate}): atomic on the server, and applied only if no other
 * writer (another hub instance) wrote since the work began; otherwise the work runs again on the
 * new state. Nothing the hub needs is kept in this process: ids, versions, ETags, the outbox and
 * the event log are all in the store.
 */
public final class RemoteStore implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteStore.class);
    private static final int ATTEMPTS = 50;
    private final RemoteEndpoint remote;
    private final RemoteQuads quads;
    private final AtomicLong conflicts = new AtomicLong();

    static {
        RemoteQueryEngine.register();
    }

    public RemoteStore(RemoteEndpoint.Settings settings) {
        this.remote = new RemoteEndpoint(settings);
        this.quads = new RemoteQuads(remote);
        remote.update(Updates.load("store/init-revision.ru"));
    }

    /** A Fuseki-style dataset URL ({@code http://host:3030/ds}) that answers queries and updates. */
    public static RemoteStore at(String url, String user, String password) {
        return new RemoteStore(RemoteEndpoint.Settings.dataset(url, user, password));
    }

    @Override
    public <T> T read(Function<ReadTx, T> work) {
        return work.apply(new RemoteReadTx(remote));
    }

    @Override
    public <T> T write(Function<WriteTx, T> work) {
        for (int attempt = 1; ; attempt++) {
            long revision = revision();
            RemoteWriteTx tx = new RemoteWriteTx(remote);
            T result = work.apply(tx);
            if (tx.updates().isEmpty())
                return result;
            Node mark = NodeFactory.createURI("urn:uuid:" + UUID.randomUUID());
            remote.update(GuardedUpdate.of(tx.updates(), revision, mark));
            if (remote.ask(Queries.bind("store/write-applied.rq", Map.of("write", mark))))
                return result;
            conflicts.incrementAndGet();
            if (attempt == ATTEMPTS)
                throw new IllegalStateException("the remote store kept changing under this write (" + ATTEMPTS + " attempts)");
            LOG.debug("another writer moved the store past revision {}; running the write again", revision);
        }
    }

    @Override
    public boolean shared() {
        return true;
    }

    /** Writes that found another writer first and ran again. */
    public long conflicts() {
        return conflicts.get();
    }

    private long revision() {
        return remote.select(Queries.load("store/revision.rq")).stream()
                .map(row -> Long.parseLong(row.get(Var.alloc("revision")).getLiteralLexicalForm()))
                .findFirst().orElseThrow(() -> new IllegalStateException("the remote store has no revision"));
    }

    /** The store as quads for in-process query evaluation (the SPARQL doors); each query sees the server as it is then. */
    @Override
    public DatasetGraph dataset() {
        return quads;
    }

    @Override
    public void close() {
        // Nothing held: the server keeps the data.
    }
}
