package be.kohub.erasure;

import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;

import be.kohub.RunningHub;
import be.kohub.ingest.DocumentGraphs;
import be.kohub.report.MutableClock;
import be.kohub.requests.StoryFixtures;
import be.kohub.vocab.KO;

/**
 * The retention job, run on demand by beheer with the hub's clock moved on: before the period has
 * passed since a request closed nothing is removed; after it, the closed request's personal data is
 * gone (with a tombstone event) and an open request's is kept; a second run removes nothing more.
 */
class RetentionTest {
    private static final String BEHEER = key("opgroeien");
    private static final byte[] EMPTY = new byte[0];

    @Test
    void closedRequestsLoseTheirPersonalDataOnlyAfterThePeriod() {
        MutableClock clock = new MutableClock();
        Instant start = Instant.now();
        clock.set(start);
        try (RunningHub hub = RunningHub.start(b -> b.clock(clock).retentionAfterClosed(Duration.ofDays(365)))) {
            StoryFixtures fixtures = new StoryFixtures(hub);
            String closed = fixtures.request("llko-gent", fixtures.child(), d -> {}).get("id").asText();
            String open = fixtures.request("llko-gent", fixtures.child(), d -> {}).get("id").asText();
            Instant closedAt = start.plus(Duration.ofDays(10));
            clock.set(closedAt);
            HttpResponse<String> cancelled = hub.post(StoryFixtures.path(closed) + "/status", key("llko-gent"), "application/json",
                    "{\"status\": \"geannuleerd\", \"reden\": \"ingetrokken-door-ouder\"}".getBytes(StandardCharsets.UTF_8));
            assertEquals(200, cancelled.statusCode(), cancelled.body());
            long version = version(hub, closed);

            clock.set(closedAt.plus(Duration.ofDays(365)).minusSeconds(60));
            JsonNode early = purge(hub);
            assertEquals(0, early.get("verwijderd").size(), early.toString());
            assertEquals("P365D", early.get("bewaartermijn").asText());
            assertFalse(personal(hub, closed).isEmpty(), "within the period the personal data stays");

            clock.set(closedAt.plus(Duration.ofDays(365)).plusSeconds(60));
            JsonNode due = purge(hub);
            assertEquals(List.of(closed), texts(due.get("verwijderd")), due.toString());
            assertTrue(personal(hub, closed).isEmpty(), "after the period the closed request's personal data is gone");
            assertFalse(personal(hub, open).isEmpty(), "an open request keeps its personal data");
            assertEquals(version + 1, version(hub, closed));
            assertEquals(List.of("persoonsgegevens-verwijderd"), operations(hub, closed, version + 1));
            JsonNode shown = json(hub.getAs(StoryFixtures.path(closed), BEHEER, "application/ld+json"));
            assertFalse(shown.toString().contains("El Amrani"), shown.toString());
            assertEquals("geannuleerd", shown.get("status").asText());

            long quads = hub.quadCount();
            assertEquals(0, purge(hub).get("verwijderd").size(), "nothing left to remove");
            assertEquals(quads, hub.quadCount(), "a run with nothing to do writes nothing");
        }
    }

    @Test
    void withRetentionOffTheJobRefusesToRun() {
        try (RunningHub hub = RunningHub.start(b -> b.noRetention())) {
            HttpResponse<String> refused = hub.post("/beheer/bewaartermijn", BEHEER, "application/json", EMPTY);
            assertEquals(409, refused.statusCode(), refused.body());
        }
    }

    private static JsonNode purge(RunningHub hub) {
        HttpResponse<String> response = hub.post("/beheer/bewaartermijn", BEHEER, "application/json", EMPTY);
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    private static org.apache.jena.graph.Graph personal(RunningHub hub, String iri) {
        return hub.hub.store().read(tx -> tx.graph(DocumentGraphs.personal(NodeFactory.createURI(iri))));
    }

    private static long version(RunningHub hub, String iri) {
        String query = "SELECT ?v WHERE { GRAPH <" + KO.SYSTEM_GRAPH.getURI() + "> { <" + iri + "> <" + KO.versie.getURI() + "> ?v } }";
        return Long.parseLong(hub.hub.store().read(tx -> tx.select(QueryFactory.create(query))).get(0).get("v").getLiteralLexicalForm());
    }

    private static List<String> operations(RunningHub hub, String iri, long version) {
        String query = "PREFIX dct: <http://purl.org/dc/terms/> PREFIX kohub: <https://data.kohub.be/ns/kohub#> SELECT ?o WHERE { GRAPH <"
                + KO.EVENTS_GRAPH.getURI() + "> { ?e dct:subject <" + iri + "> ; kohub:bewerking ?o ; kohub:versie " + version + " } }";
        return hub.hub.store().read(tx -> tx.select(QueryFactory.create(query))).stream().map(b -> b.get("o").getLiteralLexicalForm()).toList();
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
