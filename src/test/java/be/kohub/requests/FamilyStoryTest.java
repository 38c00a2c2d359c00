package be.kohub.requests;

import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import be.kohub.RunningHub;
import be.kohub.cli.StoryPlayer;

/**
 * The family story of sample-data/familieverhaal/, played over HTTP exactly as the two counter
 * systems and the organiser system would: one child code for the unborn child (asked twice, by
 * two counters), requests in three municipalities, a birth, then a direct assignment in a fourth
 * municipality that cancels the covered requests and marks the partly covered one.
 */
class FamilyStoryTest {
    static RunningHub hub;
    static Map<String, String> kept;
    static List<StoryPlayer.Step> steps;

    @BeforeAll
    static void play() {
        hub = RunningHub.start();
        Map<String, String> keys = new HashMap<>();
        for (String client : List.of("opgroeien", "opgroeien-analist", "llko-gent", "llko-hasselt", "ko-stad-gent", "ko-kinderkorf-limburg", "ko-wolkje"))
            keys.put(client, key(client));
        StoryPlayer player = new StoryPlayer(hub.url(""), keys, hub.loadSampleLocations());
        steps = player.play(RunningHub.SAMPLES.resolve("familieverhaal"));
        kept = player.kept();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void everyStepGetsTheAnswerTheStoryExpects() {
        for (StoryPlayer.Step step : steps)
            assertTrue(step.asExpected(), step.description() + ": " + step.status() + " " + step.answer());
        assertEquals(kept.get("kindcode"), kept.get("kindcode-hasselt"), "the same pregnancy gets the same code at another counter");
        assertTrue(kept.get("kindcode").matches("KC[0-9]{12}"));
    }

    @Test
    void aRequestNamingALocationWithARequestStopIsAcceptedAndSaysSo() {
        JsonNode answer = steps.get(3).answer();
        JsonNode notice = answer.get("meldingen").get(0);
        assertTrue(notice.get("vestiging").asText().contains("/id/locatie/"));
        assertTrue(notice.get("aanvraagstopTot").asText().matches("\\d{4}-\\d{2}-\\d{2}"));
        JsonNode stored = json(hub.getAs(path(kept.get("aanvraag-merelbeke-melle")), key("llko-gent"), "application/ld+json"));
        long withStop = StreamSupport.stream(stored.get("voorkeuren").spliterator(), false).filter(v -> v.has("aanvraagstopTot")).count();
        assertEquals(1, withStop, stored.toPrettyString());
    }

    @Test
    void beforeTheAssignmentASecondCounterSeesOnlyWhereTheChildHasOpenRequests() {
        JsonNode view = steps.get(5).answer();
        assertEquals(1, view.get("eigenAanvragen").size(), view.toPrettyString());
        assertEquals("ingediend", view.get("eigenAanvragen").get(0).get("status").asText());
        JsonNode elsewhere = view.get("elders");
        assertEquals(2, elsewhere.size(), view.toPrettyString());
        List<String> municipalities = StreamSupport.stream(elsewhere.spliterator(), false).map(e -> e.get("gemeenten").get(0).asText()).sorted().toList();
        assertEquals(List.of("44021", "44088"), municipalities);
        for (JsonNode other : elsewhere) {
            assertEquals(List.of("gemeenten", "status"), fieldNames(other), "no ids, people or other counters' details");
        }
        assertFalse(view.toString().contains("El Amrani"));
    }

    @Test
    void theAssignmentCancelsTheCoveredRequestsAndMarksThePartlyCoveredOne() {
        JsonNode changes = steps.get(7).answer().get("gewijzigdeAanvragen");
        Map<String, JsonNode> byRequest = new HashMap<>();
        changes.forEach(c -> byRequest.put(c.get("aanvraag").asText(), c));
        assertEquals(3, changes.size(), changes.toPrettyString());
        assertEquals("geannuleerd", byRequest.get(kept.get("aanvraag-gent")).get("naar").asText());
        assertEquals("toegewezen-elders", byRequest.get(kept.get("aanvraag-gent")).get("reden").asText());
        assertEquals("geannuleerd", byRequest.get(kept.get("aanvraag-merelbeke-melle")).get("naar").asText());
        assertEquals("gedeeltelijk-toegewezen", byRequest.get(kept.get("aanvraag-hasselt")).get("naar").asText());

        JsonNode gent = json(hub.getAs(path(kept.get("aanvraag-gent")), key("llko-gent"), "application/ld+json"));
        assertEquals("geannuleerd", gent.get("status").asText(), gent.toPrettyString());
        assertEquals("toegewezen-elders", gent.get("reden").asText());
        JsonNode history = gent.get("statusgeschiedenis");
        assertEquals(2, history.size());
        JsonNode last = StreamSupport.stream(history.spliterator(), false).filter(h -> h.get("volgnummer").asInt() == 2).findFirst().orElseThrow();
        assertEquals(kept.get("toewijzing-genk"), last.get("veroorzaaktDoor").asText());
        assertEquals("ko-kinderkorf-limburg", last.get("actor").asText());

        JsonNode after = steps.get(8).answer();
        assertEquals("gedeeltelijk-toegewezen", after.get("eigenAanvragen").get(0).get("status").asText());
        assertEquals(0, after.get("elders").size(), "cancelled requests are no longer open anywhere");
    }

    @Test
    void eachRoleSeesWhatItMay() {
        String gent = path(kept.get("aanvraag-gent"));
        HttpResponse<String> registrant = hub.getAs(gent, key("llko-gent"), "application/ld+json");
        assertTrue(registrant.body().contains("El Amrani"), "the registering counter sees the applicants");
        assertEquals(404, hub.getAs(gent, key("llko-hasselt"), "application/ld+json").statusCode(), "a counter outside the area does not learn the request exists");
        HttpResponse<String> analyst = hub.getAs(gent, key("opgroeien-analist"), "application/ld+json");
        assertEquals(200, analyst.statusCode());
        assertFalse(analyst.body().contains("El Amrani"), "no personal data for analysts");
        assertFalse(analyst.body().contains("sara.elamrani"));
        HttpResponse<String> organiser = hub.getAs(gent, key("ko-stad-gent"), "application/ld+json");
        assertEquals(200, organiser.statusCode(), "the organiser of a chosen location sees the request");
        assertTrue(organiser.body().contains("El Amrani"), "the parent consented to sharing");
        assertEquals(404, hub.getAs(gent, key("ko-wolkje"), "application/ld+json").statusCode());
        HttpResponse<String> publicView = hub.get(gent, "application/ld+json");
        assertEquals(401, publicView.statusCode());
        for (String query : List.of("SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://data.kohub.be/ns/kohub#Aanvraag> }",
                "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p \"El Amrani\" }",
                "SELECT (COUNT(*) AS ?n) WHERE { ?s a <http://www.w3.org/ns/person#Person> }")) {
            HttpResponse<String> sparql = hub.get("/sparql?query=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8), "text/csv");
            assertEquals(200, sparql.statusCode(), sparql.body());
            assertEquals("n\r\n0", sparql.body().strip(), "public SPARQL sees no requests, people or children: " + query);
        }
    }

    @Test
    void theChildRecordHoldsTheBirthButNoParent() {
        JsonNode child = json(hub.getAs("/kindcodes/" + kept.get("kindcode"), key("llko-hasselt"), "application/ld+json"));
        assertTrue(child.has("geboortedatum"), child.toPrettyString());
        assertEquals("44021", child.get("woonplaats").asText());
        assertFalse(child.toString().contains("urn:kohub:persoon"), "the parent's pseudonym stays in the personal-data graph");
        assertFalse(child.toString().contains("90022512361"), "the national register number is never stored");
        assertEquals(0, hub.quadCountMatching("90022512361"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }

    private static String path(String iri) {
        return iri.substring(iri.indexOf("/id/")).replace("/id/aanvraag/", "/aanvragen/");
    }

}
