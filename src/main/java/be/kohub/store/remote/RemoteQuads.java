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
final class RemoteQuads extends QuadView {
    private static final Var G = Var.alloc("g"), S = Var.alloc("s"), P = Var.alloc("p"), O = Var.alloc("o");
    private final RemoteEndpoint remote;
    /** The hub's own shared graphs (system, events, feeds…): large, so asked pattern by pattern, never copied whole. */
    private static final String SHARED_GRAPHS = "https://data.kohub.be/graph/";
    // Per thread: a write transaction runs on the writer thread, each SPARQL query on its own.
    private final ThreadLocal<Map<Node, Graph>> copiesOfThread = ThreadLocal.withInitial(HashMap::new);
    private final ThreadLocal<Map<List<Node>, List<Quad>>> answersOfThread = ThreadLocal.withInitial(HashMap::new);
    private final Transactional txn = TransactionalNull.create();

    RemoteQuads(RemoteEndpoint remote) {
        this.remote = remote;
    }

    /** Drops the graph copies and remembered answers: later finds see the server as it is then. */
    void forget() {
        copiesOfThread.remove();
        answersOfThread.remove();
    }

    /**
     * Within one transaction or query the server is taken as it was when it began (a write that
     * read a changed server does not commit; see RemoteStore), so an answer can be remembered.
     */
    private List<Quad> remembered(List<Node> key, java.util.function.Supplier<List<Quad>> ask) {
        Map<List<Node>, List<Quad>> answers = answersOfThread.get();
        List<Quad> known = answers.get(key);
        if (known == null) {
            known = ask.get();
            answers.put(key, known);
        }
        return known;
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
        Map<Node, Graph> copies = copiesOfThread.get();
        if (isBlank(s) || isBlank(o)) {
            // A blank node came from a copy: only the copies can hold it.
            List<Quad> found = new ArrayList<>();
            copies.forEach((name, copy) -> {
                if (!Quad.isDefaultGraph(name))
                    copy.find(s, p, o).forEachRemaining(t -> found.add(new Quad(name, t)));
            });
            return found.iterator();
        }
        return remembered(java.util.Arrays.asList(Node.ANY, s, p, o), () -> acrossGraphs(s, p, o)).iterator();
    }

    private List<Quad> acrossGraphs(Node s, Node p, Node o) {
        Map<Node, Graph> copies = copiesOfThread.get();
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
        return found;
    }

    private List<Quad> inGraph(Node g, Node s, Node p, Node o) {
        List<Quad> found = new ArrayList<>();
        Graph copy = copiesOfThread.get().get(g);
        if (copy == null && (isBlank(s) || isBlank(o)))
            return found;
        if (copy == null && g.isURI() && g.getURI().startsWith(SHARED_GRAPHS))
            return remembered(java.util.Arrays.asList(g, s, p, o), () -> patternInGraph(g, s, p, o));
        if (copy == null)
            copy = copy(g); // a document's graph: small, copied whole once
        copy.find(s, p, o).forEachRemaining(t -> found.add(new Quad(g, t)));
        return found;
    }

    /** One pattern in a shared graph, asked of the server; a blank node in the answer makes it a copy after all. */
    private List<Quad> patternInGraph(Node g, Node s, Node p, Node o) {
        Map<String, Node> values = bindings(s, p, o);
        values.put("g", g);
        List<Binding> rows = remote.select(Queries.bind("store/quads-in-named-graphs.rq", values));
        List<Quad> found = new ArrayList<>();
        if (rows.stream().anyMatch(row -> isBlank(row.get(S)) || isBlank(row.get(O)))) {
            copy(g).find(s, p, o).forEachRemaining(t -> found.add(new Quad(g, t)));
            return found;
        }
        rows.forEach(row -> found.add(new Quad(g, pick(s, row, S), pick(p, row, P), pick(o, row, O))));
        return found;
    }

    private Graph copy(Node g) {
        return copiesOfThread.get().computeIfAbsent(g, remote::graph);
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
