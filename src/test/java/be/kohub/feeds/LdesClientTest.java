package be.kohub.feeds;

import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import be.kohub.RunningHub;

/**
 * Proof with a client nobody here wrote: the npm {@code ldes-client} replicates the whole public
 * location feed from a running hub, and, following the feed, sees a later change and a
 * withdrawal. What it received is compared with what the store holds.
 */
class LdesClientTest {
    @BeforeAll
    static void install() {
        NpmLdesClient.install();
    }

    @Test
    void theNpmClientReplicatesEveryLocationSheetAndThenSeesChanges() throws Exception {
        try (RunningHub hub = RunningHub.startAtItsOwnUrl(b -> b.feedPageSize(4).feedMaxAge(java.time.Duration.ZERO))) {
            Map<String, String> locations = hub.loadSampleLocations();
            try (NpmLdesClient.Run client = NpmLdesClient.replicate(hub.hub.base() + "/ldes/locaties", true, 300)) {
                Map<String, JsonNode> received = new HashMap<>();
                JsonNode line;
                while ((line = client.next(60)) != null && !line.has("poll"))
                    received.put(line.get("member").asText(), line);
                assertNotNull(line, "the client did not finish its first run: " + client.errors());
                assertEquals(locations.size(), received.size(), "one member per sheet: " + received.keySet() + client.errors());
                for (JsonNode member : received.values())
                    assertSameAsStored(hub, member, 1);
                assertTrue(received.values().stream().allMatch(m -> m.get("type").asText().endsWith("#Create")));

                // A later change: the sheet posted again with another name (same local id: a new version).
                String file = "gent-kdv-de-knuffelboom";
                ObjectNode changed = (ObjectNode) RunningHub.JSON.readTree(Files.readString(RunningHub.SAMPLES.resolve("locaties/" + file + ".jsonld")));
                changed.put("naam", "Kinderdagverblijf De Knuffelboom (vernieuwd)");
                HttpResponse<String> update = hub.postJsonLd("/locaties", key("opgroeien"), changed.toString().getBytes());
                assertEquals(200, update.statusCode(), update.body());
                assertEquals(2, json(update).get("versie").asInt());
                JsonNode second = nextMember(client);
                assertEquals(locations.get(file) + "/versie/2", second.get("member").asText());
                assertEquals(locations.get(file), second.get("versionOf").asText());
                assertTrue(second.get("type").asText().endsWith("#Update"));
                assertSameAsStored(hub, second, 2);
                assertTrue(second.get("nquads").asText().contains("(vernieuwd)"));

                // A withdrawal: a tombstone, without content.
                String withdrawn = locations.get("brugge-kdv-de-reiger");
                HttpResponse<String> delete = hub.delete(withdrawn.substring(withdrawn.indexOf("/id/")).replace("/id/locatie/", "/locaties/"),
                        key("opgroeien"), Map.of("If-Match", "\"v1\""));
                assertEquals(204, delete.statusCode(), delete.body());
                JsonNode tombstone = nextMember(client);
                assertEquals(withdrawn + "/versie/2", tombstone.get("member").asText());
                assertTrue(tombstone.get("type").asText().endsWith("#Delete"));
                assertEquals(0, org.apache.jena.atlas.iterator.Iter.count(named(tombstone).listGraphNodes()), "a tombstone carries no sheet");
            }
        }
    }

    private static JsonNode nextMember(NpmLdesClient.Run client) throws InterruptedException {
        JsonNode line;
        while ((line = client.next(30)) != null && !line.has("member")) {
            // poll markers
        }
        assertNotNull(line, "the client did not see the change: " + client.errors());
        return line;
    }

    /** The member's version graph as the client received it equals the sheet the store holds. */
    private static void assertSameAsStored(RunningHub hub, JsonNode member, long version) {
        Node iri = NodeFactory.createURI(member.get("member").asText());
        Node document = NodeFactory.createURI(member.get("versionOf").asText());
        assertEquals(document.getURI() + "/versie/" + version, iri.getURI());
        Graph received = named(member).getGraph(iri);
        Graph stored = hub.hub.store().read(tx -> tx.graph(document));
        assertTrue(stored.size() > 5);
        assertTrue(received.isIsomorphicWith(stored), "received version of " + document + " differs from the store");
        Graph metadata = named(member).getDefaultGraph();
        assertTrue(metadata.contains(iri, NodeFactory.createURI("http://purl.org/dc/terms/isVersionOf"), document));
        assertTrue(metadata.contains(iri, NodeFactory.createURI("http://www.w3.org/ns/prov#generatedAtTime"), Node.ANY));
    }

    private static DatasetGraph named(JsonNode member) {
        DatasetGraph data = DatasetGraphFactory.createGeneral();
        RDFParser.fromString(member.get("nquads").asText()).lang(Lang.NQUADS).parse(data);
        return data;
    }
}
