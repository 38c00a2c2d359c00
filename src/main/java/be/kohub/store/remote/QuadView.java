package be.kohub.store.remote;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.core.DatasetGraphQuads;
import org.apache.jena.sparql.core.GraphView;

/**
 * What the two quad views of the remote store share ({@link RemoteQuads}, {@link PendingWrites}):
 * graphs are views over {@code find}, and there are no prefixes (queries and updates carry their own).
 */
abstract class QuadView extends DatasetGraphQuads {
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
}
