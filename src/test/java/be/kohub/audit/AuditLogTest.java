package be.kohub.audit;

import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import be.kohub.RunningHub;
import be.kohub.requests.StoryFixtures;

/** The audit log through the API: who read or wrote whose personal data, when and why; only beheer reads it. */
class AuditLogTest {

    @Test
    void readsAndWritesOfPersonalDataAreRecordedWithWhoWhatWhenAndWhy() {
        try (RunningHub hub = RunningHub.start()) {
            StoryFixtures fixtures = new StoryFixtures(hub);
            String child = fixtures.child();
            String iri = fixtures.request("llko-gent", child, doc -> {}).get("id").asText();
            String path = StoryFixtures.path(iri);

            List<JsonNode> written = entries(hub, "?door=llko-gent&document=" + enc(iri));
            assertEquals(1, written.size(), "posting a request with people is one write of personal data");
            assertEquals("persoonsgegevens-geschreven", written.get(0).get("handeling").asText());
            assertEquals("POST /aanvragen", written.get(0).get("route").asText());

            HttpResponse<String> read = hub.get(path, "application/ld+json",
                    Map.of("Authorization", "Bearer " + key("ko-stad-gent"), "X-Doel", "plaats aanbieden"));
            assertTrue(read.body().contains("El Amrani"));
            List<JsonNode> reads = entries(hub, "?door=ko-stad-gent");
            assertEquals(1, reads.size());
            JsonNode entry = reads.get(0);
            assertEquals("ko", entry.get("rol").asText());
            assertEquals("persoonsgegevens-gelezen", entry.get("handeling").asText());
            assertEquals("plaats aanbieden", entry.get("doel").asText());
            assertEquals("GET /aanvragen/{id}", entry.get("route").asText());
            assertEquals(iri, entry.get("documenten").get(0).asText());
            assertTrue(entry.get("tijd").asText().endsWith("Z"));

            hub.getAs(path, key("llko-gent"), "application/ld+json");
            assertEquals("dossierbehandeling", entries(hub, "?door=llko-gent&document=" + enc(iri)).get(0).get("doel").asText(),
                    "without X-Doel the role's default purpose");
            hub.getAs("/kinderen/" + child + "/aanvragen", key("llko-gent"), "application/json");
            assertEquals("GET /kinderen/{code}/aanvragen", entries(hub, "?door=llko-gent").get(0).get("route").asText());

            int analyst = entries(hub, "?door=opgroeien-analist").size();
            hub.getAs(path, key("opgroeien-analist"), "application/ld+json");
            assertEquals(analyst, entries(hub, "?door=opgroeien-analist").size(), "a read without personal data is not personal data processing");

            long before = hub.quadCount();
            HttpResponse<String> badPurpose = hub.get(path, "application/ld+json",
                    Map.of("Authorization", "Bearer " + key("ko-stad-gent"), "X-Doel", "<script>alert(1)</script>"));
            assertEquals(400, badPurpose.statusCode());
            assertFalse(badPurpose.body().contains("El Amrani"), "no data without a valid purpose");
            assertEquals(before, hub.quadCount(), "and nothing recorded");
        }
    }

    @Test
    void theLogIsAppendOnlySurvivesARestartAndOnlyBeheerSeesIt() {
        RunningHub hub = RunningHub.start();
        try {
            StoryFixtures fixtures = new StoryFixtures(hub);
            String iri = fixtures.request("llko-gent", fixtures.child(), doc -> {}).get("id").asText();
            hub.getAs(StoryFixtures.path(iri), key("llko-gent"), "application/ld+json");
            int count = entries(hub, "?limit=1000").size();
            for (String method : List.of("DELETE", "PUT", "POST")) {
                HttpResponse<String> change = hub.send(method, "/audit", key("opgroeien"), "application/json", "{}".getBytes(), Map.of());
                assertTrue(change.statusCode() == 404 || change.statusCode() == 405, method + " /audit: " + change.statusCode());
            }
            for (String caller : List.of("llko-gent", "ko-stad-gent", "opgroeien-analist"))
                assertEquals(403, hub.getAs("/audit", key(caller), "application/json").statusCode(), caller);
            assertEquals(401, hub.get("/audit", "application/json").statusCode());
            String inAudit = "ASK { GRAPH <https://data.kohub.be/graph/audit> { ?s ?p ?o } }";
            assertFalse(json(hub.send("POST", "/sparql", null, "application/x-www-form-urlencoded",
                    ("query=" + enc(inAudit)).getBytes(), Map.of("Accept", "application/sparql-results+json"))).get("boolean").asBoolean());

            hub = hub.restart(b -> {});
            assertEquals(count, entries(hub, "?limit=1000").size(), "the entries survive a restart");
            assertEquals("auditlog-gelezen", entries(hub, "?limit=1").get(0).get("handeling").asText(), "reading the log is recorded too");
            assertEquals(400, hub.getAs("/audit?van=gisteren", key("opgroeien"), "application/json").statusCode());
        } finally {
            hub.close();
        }
    }

    private static List<JsonNode> entries(RunningHub hub, String query) {
        HttpResponse<String> answer = hub.getAs("/audit" + query, key("opgroeien"), "application/json");
        assertEquals(200, answer.statusCode(), answer.body());
        List<JsonNode> entries = new ArrayList<>();
        json(answer).get("regels").forEach(entry -> {
            if (!entry.get("handeling").asText().equals("auditlog-gelezen") || query.equals("?limit=1"))
                entries.add(entry);
        });
        return entries;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
