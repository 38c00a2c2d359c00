package be.kohub.sparql;

import static be.kohub.RunningHub.key;
import static be.kohub.RunningHub.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import be.kohub.RunningHub;

/** The public SPARQL endpoint: location sheets and the model only, with a result limit. */
class PublicSparqlTest {
    static RunningHub hub;
    static String iri;

    @BeforeAll
    static void start() {
        hub = RunningHub.start(b -> b.sparqlResultLimit(50));
        HttpResponse<String> created = hub.postJsonLd("/locaties", key("ko-stad-gent"), sample("locaties/gent-kdv-de-notelaar.jsonld"));
        iri = RunningHub.json(created).get("id").asText();
        hub.postJsonLd("/locaties", key("opgroeien"), sample("locaties/brugge-kdv-de-reiger.jsonld"));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void findsAPostedSheetByName() {
        JsonNode rows = select("PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX org: <http://www.w3.org/ns/org#> "
                + "SELECT ?loc WHERE { ?loc a org:Site ; skos:prefLabel ?name FILTER(STR(?name) = \"Kinderdagverblijf De Notelaar\") }");
        assertEquals(1, rows.size());
        assertEquals(iri, rows.get(0).get("loc").get("value").asText());
    }

    @Test
    void postWithFormEncodingAndCsvResults() {
        String body = "query=" + URLEncoder.encode("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a <http://www.w3.org/ns/org#Site> }", StandardCharsets.UTF_8);
        HttpResponse<String> response = hub.post("/sparql", null, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode());
        HttpResponse<String> csv = hub.get("/sparql?query=" + URLEncoder.encode("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a <http://www.w3.org/ns/org#Site> }", StandardCharsets.UTF_8), "text/csv");
        assertEquals("n\r\n2\r\n", csv.body());
    }

    @Test
    void constructAnswersRdf() {
        HttpResponse<String> turtle = hub.get("/sparql?query=" + URLEncoder.encode(
                "CONSTRUCT { ?s a ?t } WHERE { GRAPH ?g { ?s a <http://www.w3.org/ns/org#Site> ; a ?t } }", StandardCharsets.UTF_8), "text/turtle");
        assertEquals(200, turtle.statusCode());
        assertTrue(turtle.headers().firstValue("Content-Type").orElseThrow().startsWith("text/turtle"));
        assertTrue(turtle.body().contains(iri));
    }

    // Embedded only: its property paths over a remote store, evaluated here pattern by pattern, exceed the query timeout.
    @Tag("embedded-only")
    @Test
    void systemAndEventGraphsAreInvisibleWhateverTheQuery() {
        String[] probes = {
            "SELECT * WHERE { GRAPH <https://data.kohub.be/graph/systeem> { ?s ?p ?o } }",
            "SELECT * WHERE { GRAPH <https://data.kohub.be/graph/gebeurtenissen> { ?s ?p ?o } }",
            "SELECT * WHERE { GRAPH ?g { ?s <https://data.kohub.be/ns/kohub#versie> ?o } }",
            "SELECT * WHERE { ?s <https://data.kohub.be/ns/kohub#bronsysteem>|<https://data.kohub.be/ns/kohub#lokaleId> ?o }",
            "SELECT * WHERE { ?s (<https://data.kohub.be/ns/kohub#versie>|^<http://purl.org/dc/terms/subject>)+ ?o }",
        };
        for (String probe : probes)
            assertEquals(0, select(probe).size(), probe);
        HttpResponse<String> from = hub.get("/sparql?query=" + URLEncoder.encode(
                "SELECT * FROM <https://data.kohub.be/graph/systeem> WHERE { ?s ?p ?o }", StandardCharsets.UTF_8), null);
        assertEquals(400, from.statusCode());
        HttpResponse<String> service = hub.get("/sparql?query=" + URLEncoder.encode(
                "SELECT * WHERE { SERVICE <http://localhost:" + hub.hub.port() + "/sparql> { ?s ?p ?o } }", StandardCharsets.UTF_8), null);
        assertTrue(service.statusCode() >= 400, "remote SERVICE calls are refused: " + service.statusCode());
    }

    @Test
    void resultsAreCappedAtTheLimit() {
        assertEquals(50, select("SELECT * WHERE { ?s ?p ?o }").size());
        assertEquals(50, select("SELECT * WHERE { ?s ?p ?o } LIMIT 100000").size());
        assertEquals(3, select("SELECT * WHERE { ?s ?p ?o } LIMIT 3").size());
    }

    @Test
    void updatesAreNotAccepted() {
        long before = hub.quadCount();
        String body = "update=" + URLEncoder.encode("DROP ALL", StandardCharsets.UTF_8);
        HttpResponse<String> response = hub.post("/sparql", key("opgroeien"), "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
        assertTrue(response.statusCode() >= 400, "status " + response.statusCode());
        HttpResponse<String> direct = hub.post("/sparql", key("opgroeien"), "application/sparql-update", "DROP ALL".getBytes(StandardCharsets.UTF_8));
        assertTrue(direct.statusCode() >= 400, "status " + direct.statusCode());
        assertEquals(before, hub.quadCount());
    }

    @Test
    void longQueriesAreStoppedByTheTimeout() {
        try (RunningHub quick = RunningHub.start(b -> b.sparqlTimeout(java.time.Duration.ofMillis(300)))) {
            String huge = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
            HttpResponse<String> response = quick.get("/sparql?query=" + URLEncoder.encode(huge, StandardCharsets.UTF_8), null);
            assertEquals(503, response.statusCode(), "Fuseki answers a timed-out query with 503");
        }
    }

    private static JsonNode select(String query) {
        HttpResponse<String> response = hub.get("/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
                "application/sparql-results+json", Map.of());
        assertEquals(200, response.statusCode(), query + " -> " + response.body());
        return RunningHub.json(response).get("results").get("bindings");
    }
}
