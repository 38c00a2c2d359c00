package be.kohub.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataDelete;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.update.UpdateRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import be.kohub.Hub;
import be.kohub.RunningHub;
import be.kohub.store.Store;
import be.kohub.store.Tdb2Store;
import be.kohub.vocab.KO;

/**
 * The report facts the hub keeps per request (report/FactsKeeper): after every kind of write that
 * changes them they equal a full recomputation from the documents, they survive a restart and are
 * then read from their graph, they are recomputed when their form is not the hub's, and public
 * SPARQL never sees them.
 */
// Embedded only: it alters the TDB2 database directly while the hub is down.
@Tag("embedded-only")
class StoredReportFactsTest {
    private static final String ANALYST = RunningHub.key("opgroeien-analist");
    private static final String AS_OF = "&peildatum=" + HandBuiltDataset.AS_OF;
    private final MutableClock clock = new MutableClock();
    private RunningHub hub;
    private HandBuiltDataset data;

    @BeforeEach
    void play() {
        hub = RunningHub.start(this::settings);
        data = HandBuiltDataset.play(hub, clock);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private void settings(Hub.Builder b) {
        b.clock(clock);
    }

    @Test
    void afterTheWholeStoryTheStoredFactsAreAFullRecomputation() {
        Map<String, String> stored = stored(hub.hub.store());
        assertEquals(expectedRequests(), stored.size(), "one fact per request of handwerk.json");
        assertEquals(recomputed(hub.hub.store()), stored);
        assertEquals(stored, inMemory(hub.hub.reports()), "the engine holds what is stored");
    }

    @Test
    void aLocationMovingChangesTheFactsOfTheRequestsThatPreferItOrWereAnsweredThere() {
        String location = data.location("gent-kdv-de-vlindertuin");
        String path = "/locaties/" + location.substring(location.lastIndexOf('/') + 1);
        String etag = hub.get(path, "application/ld+json").headers().firstValue("ETag").orElseThrow();
        byte[] moved = new String(RunningHub.sample("locaties/gent-kdv-de-vlindertuin.jsonld"), StandardCharsets.UTF_8)
                .replace("\"gemeente\": \"44021\"", "\"gemeente\": \"11002\"").replace("\"gemeentenaam\": \"Gent\"", "\"gemeentenaam\": \"Antwerpen\"")
                .replace("\"postcode\": \"9040\"", "\"postcode\": \"2000\"").getBytes(StandardCharsets.UTF_8);
        clock.set(Instant.parse("2026-01-10T10:00:00Z"));
        HttpResponse<String> put = hub.put(path, RunningHub.key("opgroeien"), moved, Map.of("If-Match", etag));
        assertEquals(200, put.statusCode(), put.body());

        RequestFact a1 = fact("A1"), g2 = fact("G2");
        assertEquals(Set.of("44021", "11002"), a1.locationMunicipalities, "A1 prefers De Knuffelboom (Gent) and De Vlindertuin");
        assertEquals(Set.of("11002"), g2.locationMunicipalities);
        assertEquals("11002", g2.answeredIn, "G2 was answered by TG, at De Vlindertuin");
        assertEquals(recomputed(hub.hub.store()), stored(hub.hub.store()));

        JsonNode rows = RunningHub.json(hub.getAs("/rapporten/locatiegemeente?periode=2025" + AS_OF, ANALYST, "application/json")).get("rijen");
        assertTrue(rowFor(rows, "locatiegemeente", "11002").path("uniekeAanvragen").asLong() >= 2, rows.toString());
    }

    @Test
    void aBirthChangesTheFactsOfTheChildsRequests() {
        assertEquals(java.time.LocalDate.parse("2025-04-10"), fact("C1").birth, "expected birth date of child C");
        clock.set(Instant.parse("2025-04-03T10:00:00Z"));
        HttpResponse<String> born = hub.post("/kindcodes/" + data.childCode("C") + "/geboorte", RunningHub.key("llko-hasselt"), "application/json",
                "{\"geboortedatum\": \"2025-04-02\", \"woonplaats\": \"71072\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, born.statusCode(), born.body());
        assertEquals(java.time.LocalDate.parse("2025-04-02"), fact("C1").birth);
        assertEquals(java.time.LocalDate.parse("2025-04-02"), fact("C2").birth, "C2 was registered by another counter");
        assertEquals(recomputed(hub.hub.store()), stored(hub.hub.store()));
    }

    @Test
    void afterARestartTheFactsAreReadFromTheirGraphAndRecomputedWhenTheirFormChanged() {
        Map<String, String> before = inMemory(hub.hub.reports());
        String overview = overview();
        hub = hub.restart(this::settings);
        assertEquals(before, inMemory(hub.hub.reports()));
        assertEquals(overview, overview());

        // Alter one stored fact while the hub is down: the restarted hub reports what is stored.
        String g1 = data.id("G1");
        String original = before.get(g1);
        String altered = original.replace("\"residence\":\"44021\"", "\"residence\":\"11002\"");
        assertNotEquals(original, altered);
        hub.hub.close();
        try (Tdb2Store store = Tdb2Store.at(hub.directory())) {
            replace(store, KO.rapportfeit, g1, original, altered);
        }
        hub = RunningHub.on(hub.directory(), this::settings);
        JsonNode rows = RunningHub.json(hub.getAs("/rapporten/woongemeente?periode=2024" + AS_OF, ANALYST, "application/json")).get("rijen");
        assertEquals(1, rowFor(rows, "woongemeente", "11002").path("uniekeAanvragen").asLong(), "read from the facts graph, not recomputed: " + rows);

        // A stored form other than the hub's: everything is recomputed from the documents at start.
        hub.hub.close();
        try (Tdb2Store store = Tdb2Store.at(hub.directory())) {
            replace(store, KO.rapportfeitenVersie, KO.FACTS_GRAPH.getURI(), Integer.toString(StoredFact.VERSION), "0");
        }
        hub = RunningHub.on(hub.directory(), this::settings);
        assertEquals(before, inMemory(hub.hub.reports()));
        assertEquals(before, stored(hub.hub.store()));
        assertEquals(overview, overview());
    }

    @Test
    void publicSparqlNeverSeesTheFacts() {
        assertFalse(stored(hub.hub.store()).isEmpty());
        for (String probe : new String[] {
                "SELECT * WHERE { GRAPH <https://data.kohub.be/graph/rapportfeiten> { ?s ?p ?o } }",
                "SELECT * WHERE { GRAPH ?g { ?s <https://data.kohub.be/ns/kohub#rapportfeit> ?o } }",
                "SELECT * WHERE { ?s <https://data.kohub.be/ns/kohub#rapportfeit>|<https://data.kohub.be/ns/kohub#rapportfeitenVersie> ?o }"}) {
            HttpResponse<String> response = hub.get("/sparql?query=" + URLEncoder.encode(probe, StandardCharsets.UTF_8), "application/sparql-results+json");
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(0, RunningHub.json(response).get("results").get("bindings").size(), probe);
        }
    }

    private String overview() {
        return RunningHub.json(hub.getAs("/rapporten/overzicht?periode=2025" + AS_OF, ANALYST, "application/json")).get("rijen").toString();
    }

    private RequestFact fact(String name) {
        String iri = data.id(name);
        return hub.hub.reports().facts().stream().filter(f -> f.iri.equals(iri)).findFirst().orElseThrow();
    }

    private static JsonNode rowFor(JsonNode rows, String dimension, String value) {
        for (JsonNode row : rows)
            if (row.path(dimension).asText().equals(value))
                return row;
        return RunningHub.JSON.createObjectNode();
    }

    private static long expectedRequests() {
        long n = 0;
        for (JsonNode step : HandBuiltDataset.resource("handwerk.json").get("stappen"))
            if (step.has("aanvraag") && !step.has("toewijzing"))
                n++;
        return n;
    }

    private static Map<String, String> stored(Store store) {
        return store.read(FactsKeeper::stored).stream().collect(Collectors.toMap(f -> f.iri, StoredFact::write, (a, b) -> a, TreeMap::new));
    }

    private static Map<String, String> recomputed(Store store) {
        return store.read(FactsReader::read).stream().collect(Collectors.toMap(f -> f.iri, StoredFact::write, (a, b) -> a, TreeMap::new));
    }

    private static Map<String, String> inMemory(ReportEngine engine) {
        return engine.facts().stream().collect(Collectors.toMap(f -> f.iri, StoredFact::write, (a, b) -> a, TreeMap::new));
    }

    /** Replaces one literal in the facts graph, as a broken or older hub might have left it. */
    private static void replace(Store store, org.apache.jena.graph.Node predicate, String subject, String from, String to) {
        org.apache.jena.graph.Node s = NodeFactory.createURI(subject);
        boolean integer = predicate.equals(KO.rapportfeitenVersie);
        QuadDataAcc old = new QuadDataAcc(), replacement = new QuadDataAcc();
        old.addQuad(Quad.create(KO.FACTS_GRAPH, s, predicate, literal(from, integer)));
        replacement.addQuad(Quad.create(KO.FACTS_GRAPH, s, predicate, literal(to, integer)));
        UpdateRequest update = new UpdateRequest(new UpdateDataDelete(old)).add(new UpdateDataInsert(replacement));
        store.write(tx -> {
            tx.update(update);
            return null;
        });
    }

    private static org.apache.jena.graph.Node literal(String value, boolean integer) {
        return integer ? NodeFactory.createLiteralDT(value, org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger) : NodeFactory.createLiteralString(value);
    }
}
