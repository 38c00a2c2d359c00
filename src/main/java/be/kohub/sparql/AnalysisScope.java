package be.kohub.sparql;

import java.util.AbstractCollection;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;

import be.kohub.access.Client;
import be.kohub.store.ReadTx;
import be.kohub.vocab.KO;

/**
 * {@code /sparql/analyse}: what an analyst may see (DESIGN.md §6): every document the hub holds
 * (location sheets, children, requests, assignments) and its status history, and the model;
 * never a personal-data graph ({@code …/persoonsgegevens}), and none of the hub's own graphs
 * (bookkeeping, events, report facts, audit log, credentials, feeds). The test is on the graph's name:
 * documents live under {@code {base}/id/}, so the scope costs nothing per document.
 */
final class AnalysisScope implements GraphScope {
    private final String documents;
    private final DatasetGraph dataset;

    AnalysisScope(String base, DatasetGraph dataset) {
        this.documents = base + "/id/";
        this.dataset = dataset;
    }

    @Override
    public Scope of(ReadTx tx, Client client) {
        Predicate<Node> visible = graph -> graph.isURI() && (graph.equals(KO.MODEL_GRAPH)
                || graph.getURI().startsWith(documents) && !graph.getURI().endsWith("/persoonsgegevens"));
        return new Scope(visible, new Listed(visible), List.of());
    }

    /** The visible graphs, listed from the store only when a query asks for them. */
    private final class Listed extends AbstractCollection<Node> {
        private final Predicate<Node> visible;

        Listed(Predicate<Node> visible) {
            this.visible = visible;
        }

        @Override
        public boolean contains(Object o) {
            return o instanceof Node node && visible.test(node);
        }

        @Override
        public Iterator<Node> iterator() {
            return Iter.filter(dataset.listGraphNodes(), visible);
        }

        @Override
        public int size() {
            return (int) Iter.count(iterator());
        }
    }
}
