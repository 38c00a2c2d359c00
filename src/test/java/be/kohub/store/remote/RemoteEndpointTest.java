package be.kohub.store.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.update.UpdateFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import be.kohub.TestStores;
import be.kohub.store.Queries;

/**
 * Whole graphs from a real Fuseki by the Graph Store Protocol, blank nodes and all; an absent
 * graph is empty; a server without the protocol at the given URL is read with queries instead,
 * with the same result through the store's quad view.
 */
class RemoteEndpointTest {
    private static final Node DOCUMENT = NodeFactory.createURI("urn:test:document");
    static FusekiServer fuseki;
    static String dataset;

    @BeforeAll
    static void start() throws Exception {
        fuseki = TestStores.fuseki(Files.createTempDirectory("kohub-fuseki"));
        dataset = "http://localhost:" + fuseki.getPort() + "/ds";
        new RemoteEndpoint(RemoteEndpoint.Settings.dataset(dataset, null, null)).update(UpdateFactory.create("""
                INSERT DATA { GRAPH <urn:test:document> {
                  <urn:test:sheet> <urn:test:adres> [ <urn:test:straat> "Ferdinand Lousbergskaai" ; <urn:test:postcode> "9000" ] ;
                                   <urn:test:naam> "De Rups" } }"""));
    }

    @AfterAll
    static void stop() {
        fuseki.stop();
    }

    @Test
    void aGraphComesWholeByTheGraphStoreProtocolAndAnAbsentOneIsEmpty() {
        RemoteEndpoint endpoint = new RemoteEndpoint(RemoteEndpoint.Settings.dataset(dataset, null, null));
        Graph byQuery = endpoint.construct(Queries.bind("store/named-graph.rq", Map.of("g", DOCUMENT)));
        assertEquals(4, byQuery.size());
        Graph byProtocol = endpoint.graphByProtocol(DOCUMENT).orElseThrow(() -> new AssertionError("Fuseki offers the Graph Store Protocol"));
        assertTrue(IsoMatcher.isomorphic(byQuery, byProtocol), "the same triples, the blank node included");
        assertTrue(endpoint.graphByProtocol(NodeFactory.createURI("urn:test:nothing")).orElseThrow().isEmpty());
        assertTrue(endpoint.graphByProtocol(Quad.defaultGraphIRI).isPresent());
    }

    @Test
    void withoutTheProtocolTheStoreReadsWholeGraphsWithAQueryAndGetsTheSame() {
        // The query-only service answers a Graph Store Protocol GET with a refusal.
        RemoteEndpoint noGsp = new RemoteEndpoint(new RemoteEndpoint.Settings(dataset, dataset, dataset + "/query", null, null, Duration.ofSeconds(30)));
        assertTrue(noGsp.graphByProtocol(DOCUMENT).isEmpty(), "no graph store here");
        assertTrue(noGsp.graphByProtocol(DOCUMENT).isEmpty(), "and it is not asked again");
        RemoteEndpoint withGsp = new RemoteEndpoint(RemoteEndpoint.Settings.dataset(dataset, null, null));
        assertTrue(IsoMatcher.isomorphic(graphThrough(withGsp), graphThrough(noGsp)));
        assertEquals(4, graphThrough(noGsp).size());
    }

    /** The document's graph as the store's quad view finds it (copied whole, once, for the blank node). */
    private static Graph graphThrough(RemoteEndpoint endpoint) {
        RemoteQuads quads = new RemoteQuads(endpoint);
        Graph graph = GraphFactory.createDefaultGraph();
        List<Quad> found = new ArrayList<>();
        quads.find(DOCUMENT, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(found::add);
        found.forEach(q -> graph.add(q.asTriple()));
        quads.forget();
        return graph;
    }
}
