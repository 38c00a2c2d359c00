package be.kohub.sparql;

import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import be.kohub.RunningHub;
import be.kohub.requests.StoryFixtures;

/**
 * SPARQL per role: each endpoint shows exactly the requests its role reads through REST, with
 * personal data only where REST shows it, and no query (GRAPH, GRAPH ?g, FROM NAMED, SERVICE,
 * property paths) reaches a graph outside the caller's scope.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopedSparqlTest {
    private static final String KOHUB = "PREFIX kohub: <https://data.kohub.be/ns/kohub#> ";
    private static final Map<String, String> ENDPOINT = Map.of("llko-gent", "/sparql/loket", "llko-hasselt", "/sparql/loket",
            "ko-stad-gent", "/sparql/organisator", "ko-kinderkorf-limburg", "/sparql/organisator", "ko-wolkje", "/sparql/organisator",
            "opgroeien-analist", "/sparql/analyse", "opgroeien", "/sparql/analyse");
    private RunningHub hub;
    private StoryFixtures fixtures;
    private List<String> requests;
    private String gentRequest;

    @BeforeAll
    void story() {
        hub = RunningHub.start();
        fixtures = new StoryFixtures(hub);
        gentRequest = fixtures.request("llko-gent", fixtures.child(), doc -> {}).get("id").asText();
        String hasselt = fixtures.request("llko-hasselt", fixtures.child(), doc -> fixtures.atKuringen(doc, "71072", false, "Vermeulen")).get("id").asText();
        String livesInGent = fixtures.request("llko-hasselt", fixtures.child(), doc -> fixtures.atKuringen(doc, "44021", true, "Janssens")).get("id").asText();
        String noConsent = fixtures.request("llko-hasselt", fixtures.child(), doc -> fixtures.atKuringen(doc, "44021", false, "Claes")).get("id").asText();
        requests = List.of(gentRequest, hasselt, livesInGent, noConsent);
    }


    @AfterAll
    void close() {
        hub.close();
    }

    @Test
    void eachEndpointShowsWhatItsRoleReadsThroughRest() {
        List<String> names = List.of("El Amrani", "Vermeulen", "Janssens", "Claes");
        for (var caller : ENDPOINT.entrySet()) {
            Set<String> rest = new TreeSet<>();
            for (int i = 0; i < requests.size(); i++) {
                HttpResponse<String> answer = hub.getAs(StoryFixtures.path(requests.get(i)), key(caller.getKey()), "application/ld+json");
                if (answer.statusCode() == 200)
                    rest.add(requests.get(i));
                boolean namesThroughSparql = ask(caller.getKey(), caller.getValue(),
                        "ASK { GRAPH ?g { ?s ?p ?o FILTER (CONTAINS(STR(?o), \"" + names.get(i) + "\")) } }");
                // beheer reads people through REST only; its SPARQL door is the analysts' one, without personal data
                boolean throughRest = answer.body().contains(names.get(i)) && !caller.getKey().equals("opgroeien");
                assertEquals(throughRest, namesThroughSparql,
                        caller + ": the people of " + names.get(i) + "'s request through SPARQL exactly when through REST");
            }
            Set<String> sparql = values(select(caller.getKey(), caller.getValue(), KOHUB + "SELECT DISTINCT ?x WHERE { ?x a kohub:Aanvraag }"));
            assertEquals(rest, sparql, caller + ": the same requests through REST and SPARQL");
        }
        assertEquals(Set.of(requests.get(0), requests.get(2)),
                values(select("llko-gent", "/sparql/loket", KOHUB + "SELECT ?x WHERE { ?x a kohub:Aanvraag }")),
                "Gent's counter: its own request, and the consented one of a family living in Gent");
    }

    @Test
    void theAnalystSeesEveryRequestAndNoPersonalData() {
        Set<String> all = values(select("opgroeien-analist", "/sparql/analyse", KOHUB + "SELECT DISTINCT ?x WHERE { ?x a kohub:Aanvraag }"));
        assertEquals(new TreeSet<>(requests), all);
        for (String name : List.of("El Amrani", "Vermeulen", "Janssens", "Claes", "sara.elamrani"))
            assertEquals(0, select("opgroeien-analist", "/sparql/analyse",
                    "SELECT * WHERE { GRAPH ?g { ?s ?p ?o FILTER (CONTAINS(STR(?o), \"" + name + "\")) } }").size(), name);
        assertEquals(0, select("opgroeien-analist", "/sparql/analyse",
                "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER (!STRSTARTS(STR(?g), \"" + hub.hub.base() + "/id/\") "
                        + "&& ?g != <https://data.kohub.be/graph/model> || STRENDS(STR(?g), \"/persoonsgegevens\")) }").size(),
                "only document, status and model graphs");
    }

    @Test
    void forbiddenGraphsAreUnreachableThroughAnyDoor() {
        String personal = gentRequest + "/persoonsgegevens";
        List<String> hidden = List.of(personal, "https://data.kohub.be/graph/systeem", "https://data.kohub.be/graph/gebeurtenissen",
                "https://data.kohub.be/graph/rapportfeiten", "https://data.kohub.be/graph/audit", "https://data.kohub.be/graph/toegang",
                "https://data.kohub.be/graph/abonnementen", "https://data.kohub.be/graph/bezorgingen");
        // llko-hasselt, the organisers Kinderkorf and Wolkje and the analyst may not read the Gent request's people
        for (String caller : List.of("llko-hasselt", "ko-kinderkorf-limburg", "ko-wolkje", "opgroeien-analist")) {
            String endpoint = ENDPOINT.get(caller);
            for (String graph : hidden) {
                assertEquals(0, select(caller, endpoint, "SELECT * WHERE { GRAPH <" + graph + "> { ?s ?p ?o } }").size(), caller + " " + graph);
                assertFalse(ask(caller, endpoint, "ASK { GRAPH <" + graph + "> { ?s ?p ?o } }"), caller + " ASK " + graph);
            }
            assertEquals(0, select(caller, endpoint, "SELECT ?o WHERE { ?s ?p ?o FILTER (CONTAINS(STR(?o), \"El Amrani\")) }").size(), caller);
            assertEquals(0, select(caller, endpoint, "SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o FILTER (CONTAINS(STR(?o), \"El Amrani\")) } }").size(), caller);
            assertEquals(0, select(caller, endpoint, "SELECT ?o WHERE { <" + gentRequest + "> (<>|!<>)+ ?o FILTER (CONTAINS(STR(?o), \"El Amrani\")) }").size(),
                    caller + ": property paths");
            assertEquals(0, select(caller, endpoint, "SELECT ?o WHERE { GRAPH ?g { <" + gentRequest + "> (<>|!<>)+ ?o FILTER (CONTAINS(STR(?o), \"El Amrani\")) } }").size(),
                    caller + ": property paths in GRAPH ?g");
            HttpResponse<String> fromNamed = query(caller, endpoint, "SELECT * FROM NAMED <" + personal + "> WHERE { GRAPH ?g { ?s ?p ?o } }");
            assertEquals(400, fromNamed.statusCode(), caller + " FROM NAMED");
            HttpResponse<String> service = query(caller, endpoint, "SELECT * WHERE { SERVICE <" + hub.url("/sparql/analyse") + "> { ?s ?p ?o } }");
            assertTrue(service.statusCode() >= 400, caller + " SERVICE: " + service.statusCode());
            HttpResponse<String> defaultGraph = query(caller, endpoint + "?default-graph-uri=" + URLEncoder.encode(personal, StandardCharsets.UTF_8),
                    "SELECT * WHERE { ?s ?p ?o }");
            assertEquals(400, defaultGraph.statusCode(), caller + " default-graph-uri");
        }
        // the registering counter does see them, through its own endpoint only
        assertTrue(select("llko-gent", "/sparql/loket", "SELECT ?o WHERE { GRAPH <" + personal + "> { ?s ?p ?o } }").size() > 0);
        assertEquals(0, select("llko-gent", "/sparql", "SELECT ?o WHERE { GRAPH <" + personal + "> { ?s ?p ?o } }").size());
    }

    @Test
    void aScopedQueryOverPersonalDataIsAudited() {
        select("llko-gent", "/sparql/loket", "SELECT * WHERE { ?s ?p ?o } LIMIT 1");
        JsonNode log = json(hub.getAs("/audit?door=llko-gent&limit=1000", key("opgroeien"), "application/json"));
        long sparqlEntries = 0;
        for (JsonNode entry : log.get("regels"))
            if (entry.get("route").asText().endsWith("/sparql/loket") && entry.get("documenten").toString().contains(gentRequest + "/persoonsgegevens"))
                sparqlEntries++;
        assertTrue(sparqlEntries >= 1, log.toPrettyString());
        int analystEntries = json(hub.getAs("/audit?door=opgroeien-analist", key("opgroeien"), "application/json")).get("regels").size();
        select("opgroeien-analist", "/sparql/analyse", "SELECT * WHERE { ?s ?p ?o } LIMIT 1");
        assertEquals(analystEntries, json(hub.getAs("/audit?door=opgroeien-analist", key("opgroeien"), "application/json")).get("regels").size(),
                "no personal data, nothing to record");
    }

    private HttpResponse<String> query(String caller, String endpoint, String query) {
        return hub.send("POST", endpoint, key(caller), "application/x-www-form-urlencoded",
                ("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8),
                Map.of("Accept", "application/sparql-results+json"));
    }

    private List<JsonNode> select(String caller, String endpoint, String query) {
        HttpResponse<String> answer = query(caller, endpoint, query);
        assertEquals(200, answer.statusCode(), caller + " " + endpoint + " " + query + " -> " + answer.body());
        JsonNode json = json(answer);
        if (json.has("boolean"))
            return json.get("boolean").asBoolean() ? List.of(json) : List.of();
        List<JsonNode> rows = new java.util.ArrayList<>();
        json.get("results").get("bindings").forEach(rows::add);
        return rows;
    }

    private boolean ask(String caller, String endpoint, String query) {
        return json(query(caller, endpoint, query)).get("boolean").asBoolean();
    }

    private static Set<String> values(List<JsonNode> rows) {
        Set<String> values = new TreeSet<>();
        rows.forEach(row -> values.add(row.get("x").get("value").asText()));
        return values;
    }
}
