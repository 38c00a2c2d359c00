package be.kohub.store.remote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.core.DatasetGraphQuads;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Transactional;
import org.apache.jena.sparql.core.TransactionalNull;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.graph.GraphFactory;

import be.kohub.store.Queries;

/**
 * The remote store seen as quads, read-only, for query evaluation here (ARQ) when a query must
 * see what the server does not hold yet (a write transaction's pending changes) or be confined to
 * some graphs (the SPARQL doors). Each {@code find} is one query to the server.
 *
 * <p>Blank nodes have no name that a second request could use, so a graph in which a blank node
 * turns up is fetched whole, once, and answered from that copy from then on: a join through a
 * blank node then stays inside one copy. The copies live until {@link #forget()} (the end of a
 * transaction or query); the hub's blank nodes are all inside documents, whose graphs are small.
 */
final class RemoteQuads extends DatasetGraphQuads {
    private static final Var G = Var.alloc("g"), S = Var.alloc("s"), P = Var.alloc("p"), O = Var.alloc("o");
    private final RemoteEndpoint remote;
    private final Map<Node, Graph> copies = new HashMap<>();
    private final Transactional txn = TransactionalNull.create();

    RemoteQuads(RemoteEndpoint remote) {
        this.remote = remote;
    }

    /** Drops the graph copies: later finds see the server as it is then. */
    void forget() {
        copies.clear();
    }

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        if (g == null || g.equals(Node.ANY))
            return findNG(Node.ANY, s, p, o);
        if (Quad.isUnionGraph(g))
            return unionOf(findNG(Node.ANY, s, p, o));
        return inGraph(Quad.isDefaultGraph(g) ? Quad.defaultGraphIRI : g, s, p, o).iterator();
    }

    @Override
    public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) {
        if (g != null && !g.equals(Node.ANY)) {
            if (Quad.isUnionGraph(g))
                return unionOf(findNG(Node.ANY, s, p, o));
            return inGraph(g, s, p, o).iterator();
        }
        if (isBlank(s) || isBlank(o)) {
            // A blank node came from a copy: only the copies can hold it.
            List<Quad> found = new ArrayList<>();
            copies.forEach((name, copy) -> {
                if (!Quad.isDefaultGraph(name))
                    copy.find(s, p, o).forEachRemaining(t -> found.add(new Quad(name, t)));
            });
            return found.iterator();
        }
        List<Binding> rows = remote.select(Queries.bind("store/quads-in-named-graphs.rq", bindings(s, p, o)));
        Set<Node> withBlank = new LinkedHashSet<>();
        for (Binding row : rows)
            if (row.get(S).isBlank() || row.get(O).isBlank())
                withBlank.add(row.get(G));
        withBlank.forEach(this::copy);
        List<Quad> found = new ArrayList<>();
        for (Binding row : rows) {
            Node graph = row.get(G);
            if (!copies.containsKey(graph))
                found.add(new Quad(graph, pick(s, row, S), pick(p, row, P), pick(o, row, O)));
        }
        copies.forEach((name, copy) -> {
            if (!Quad.isDefaultGraph(name))
                copy.find(s, p, o).forEachRemaining(t -> found.add(new Quad(name, t)));
        });
        return found.iterator();
    }

    private List<Quad> inGraph(Node g, Node s, Node p, Node o) {
        List<Quad> found = new ArrayList<>();
        Graph copy = copies.get(g);
        if (copy == null && (isBlank(s) || isBlank(o)))
            return found;
        if (copy == null) {
            Map<String, Node> values = bindings(s, p, o);
            boolean named = !Quad.isDefaultGraph(g);
            if (named)
                values.put("g", g);
            List<Binding> rows = remote.select(Queries.bind(named ? "store/quads-in-named-graphs.rq" : "store/triples-in-default-graph.rq", values));
            if (rows.stream().noneMatch(row -> row.get(S) != null && row.get(S).isBlank() || row.get(O) != null && row.get(O).isBlank())) {
                rows.forEach(row -> found.add(new Quad(g, pick(s, row, S), pick(p, row, P), pick(o, row, O))));
                return found;
            }
            copy = copy(g);
        }
        copy.find(s, p, o).forEachRemaining(t -> found.add(new Quad(g, t)));
        return found;
    }

    private Graph copy(Node g) {
        return copies.computeIfAbsent(g, name -> Quad.isDefaultGraph(name)
                ? remote.construct(Queries.load("store/default-graph.rq"))
                : remote.construct(Queries.bind("store/named-graph.rq", Map.of("g", name))));
    }

    private static Iterator<Quad> unionOf(Iterator<Quad> quads) {
        Set<Triple> seen = new LinkedHashSet<>();
        quads.forEachRemaining(q -> seen.add(q.asTriple()));
        return seen.stream().map(t -> new Quad(Quad.unionGraph, t)).iterator();
    }

    private static Map<String, Node> bindings(Node s, Node p, Node o) {
        Map<String, Node> values = new HashMap<>();
        if (concrete(s))
            values.put("s", s);
        if (concrete(p))
            values.put("p", p);
        if (concrete(o))
            values.put("o", o);
        return values;
    }

    private static Node pick(Node given, Binding row, Var var) {
        return concrete(given) ? given : row.get(var);
    }

    private static boolean concrete(Node n) {
        return n != null && !n.equals(Node.ANY);
    }

    private static boolean isBlank(Node n) {
        return n != null && n.isBlank();
    }

    @Override
    public Iterator<Node> listGraphNodes() {
        return remote.select(Queries.load("store/graph-names.rq")).stream().map(row -> row.get(G)).iterator();
    }

    @Override
    public void add(Quad quad) {
        throw new UnsupportedOperationException("read-only view of the remote store");
    }

    @Override
    public void delete(Quad quad) {
        throw new UnsupportedOperationException("read-only view of the remote store");
    }

    @Override
    public Graph getDefaultGraph() {
        return GraphView.createDefaultGraph(this);
    }

    @Override
    public Graph getGraph(Node graphNode) {
        return GraphView.createNamedGraph(this, graphNode);
    }

    @Override
    public PrefixMap prefixes() {
        return PrefixMapFactory.emptyPrefixMap();
    }

    @Override
    public boolean supportsTransactions() {
        return true;
    }

    // A query run here is one "transaction": its copies are dropped when it ends.
    @Override public void begin(TxnType type) { txn.begin(type); }
    @Override public void begin(ReadWrite mode) { txn.begin(mode); }
    @Override public boolean promote(Promote mode) { return txn.promote(mode); }
    @Override public void commit() { txn.commit(); }
    @Override public void abort() { txn.abort(); }
    @Override public void end() { forget(); txn.end(); }
    @Override public ReadWrite transactionMode() { return txn.transactionMode(); }
    @Override public TxnType transactionType() { return txn.transactionType(); }
    @Override public boolean isInTransaction() { return txn.isInTransaction(); }

    static Graph emptyGraph() {
        return GraphFactory.createDefaultGraph();
    }
}
