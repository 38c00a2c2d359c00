package be.kohub.sparql;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFilteredView;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;

/**
 * A read-only view of the store in which only some named graphs exist, and whose default
 * graph is the union of those graphs. The filter sits in {@code find}, so every way a query can
 * reach data (basic patterns, GRAPH, property paths) sees only the visible graphs. (TDB2's
 * solver-level filter does not cover property paths over the union graph.)
 */
final class VisibleDataset {
    private VisibleDataset() {}

    static DatasetGraph of(DatasetGraph base, GraphScope.Scope scope) {
        Predicate<Quad> visible = quad -> scope.visible().test(quad.getGraph());
        DatasetGraphFilteredView view = new DatasetGraphFilteredView(base, visible, scope.graphs());
        Graph union = new UnionOfVisible(view);
        // DatasetGraphWrapperView: the query engine must not unwrap this view down to the store.
        class UnionDefault extends DatasetGraphWrapper implements DatasetGraphWrapperView {
            UnionDefault() {
                super(view);
            }

            @Override
            public Graph getDefaultGraph() {
                return union;
            }

            @Override
            public Graph getUnionGraph() {
                return union;
            }
        }
        return new UnionDefault();
    }

    /** Triples of all visible named graphs, each once. */
    private static final class UnionOfVisible extends GraphBase {
        private final DatasetGraph view;

        UnionOfVisible(DatasetGraph view) {
            this.view = view;
        }

        @Override
        protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
            Set<Triple> seen = new HashSet<>();
            var quads = view.findNG(Node.ANY, pattern.getMatchSubject(), pattern.getMatchPredicate(), pattern.getMatchObject());
            return WrappedIterator.create(Iter.filter(Iter.map(quads, Quad::asTriple), seen::add));
        }
    }
}
