package be.kohub.store.remote;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.TransactionalNotSupportedMixin;

/**
 * A write transaction's changes on top of the remote store, as ARQ sees them here: the remote
 * quads less those deleted, plus those added. Only for reading one's own writes; what is sent to
 * the server is the transaction's update requests themselves ({@link GuardedUpdate}).
 */
final class PendingWrites extends QuadView implements TransactionalNotSupportedMixin {
    private final RemoteQuads base;
    private final Set<Quad> added = new LinkedHashSet<>();
    private final Set<Quad> deleted = new LinkedHashSet<>();

    PendingWrites(RemoteQuads base) {
        this.base = base;
    }

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        if (g != null && Quad.isUnionGraph(g)) {
            Set<Triple> seen = new LinkedHashSet<>();
            findNG(Node.ANY, s, p, o).forEachRemaining(q -> seen.add(q.asTriple()));
            return Iter.map(seen.iterator(), t -> new Quad(Quad.unionGraph, t));
        }
        return merged(base.find(g, s, p, o), g == null || g.equals(Node.ANY) ? Node.ANY : g, s, p, o, true);
    }

    @Override
    public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) {
        if (g != null && Quad.isUnionGraph(g))
            return find(g, s, p, o);
        return merged(base.findNG(g, s, p, o), g, s, p, o, false);
    }

    private Iterator<Quad> merged(Iterator<Quad> fromBase, Node g, Node s, Node p, Node o, boolean withDefault) {
        g = any(g);
        s = any(s);
        p = any(p);
        o = any(o);
        Set<Quad> result = new LinkedHashSet<>();
        fromBase.forEachRemaining(q -> {
            if (!deleted.contains(q))
                result.add(q);
        });
        for (Quad q : added)
            if (q.matches(g, s, p, o) && (withDefault || !q.isDefaultGraph()))
                result.add(q);
        return result.iterator();
    }

    /** The server's graphs and those this write adds to (a graph it emptied may still be listed). */
    @Override
    public java.util.Iterator<Node> listGraphNodes() {
        Set<Node> names = new LinkedHashSet<>();
        base.listGraphNodes().forEachRemaining(names::add);
        added.forEach(q -> {
            if (!q.isDefaultGraph())
                names.add(q.getGraph());
        });
        return names.iterator();
    }

    private static Node any(Node n) {
        return n == null ? Node.ANY : n;
    }

    @Override
    public void add(Quad quad) {
        deleted.remove(quad);
        added.add(quad);
    }

    @Override
    public void delete(Quad quad) {
        added.remove(quad);
        deleted.add(quad);
    }

    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        List<Quad> matching = new ArrayList<>();
        find(g, s, p, o).forEachRemaining(matching::add);
        matching.forEach(this::delete);
    }

    @Override
    public void removeGraph(Node graphName) {
        deleteAny(graphName, Node.ANY, Node.ANY, Node.ANY);
    }

    @Override
    public boolean supportsTransactions() {
        return false;
    }

    @Override
    public boolean supportsTransactionAbort() {
        return false;
    }
}
