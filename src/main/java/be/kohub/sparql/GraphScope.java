package be.kohub.sparql;

import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

import org.apache.jena.graph.Node;

import be.kohub.access.Client;
import be.kohub.store.ReadTx;

/** Which named graphs a caller's SPARQL queries may see; decided per query, from the store as it is then. */
public interface GraphScope {
    Scope of(ReadTx tx, Client client);

    /**
     * The visible graphs: a test on a graph's name, the graphs themselves (for listing), and the
     * personal-data graphs among them (what the audit log records).
     */
    record Scope(Predicate<Node> visible, Collection<Node> graphs, List<Node> personal) {
        public static Scope of(Collection<Node> graphs, List<Node> personal) {
            java.util.Set<Node> set = java.util.Set.copyOf(graphs);
            return new Scope(set::contains, set, personal);
        }
    }
}
