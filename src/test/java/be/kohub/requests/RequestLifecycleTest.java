package be.kohub.requests;

import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import be.kohub.RunningHub;

/** Child codes, request status changes and the offer → refusal → acceptance → end of an assignment, through the HTTP API. */
class RequestLifecycleTest {
    static RunningHub hub;
    static StoryFixtures fixtures;

    @BeforeAll
    static void start() {
        hub = RunningHub.start();
        fixtures = new StoryFixtures(hub);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    HttpResponse<String> command(String path, String client, String body) {
        return hub.post(path, key(client), "application/json", body.getBytes());
    }

    @Test
    void childCodesAreIdempotentPerParentAndPregnancyAndTellTwinsApart() {
        String body = "{\"ouder\": {\"insz\": \"91010131026\"}, \"bewijs\": \"zwangerschapsattest\", \"verwachteGeboortedatum\": \"" + LocalDate.now().plusDays(100) + "\"";
        HttpResponse<String> first = command("/kindcodes", "llko-gent", body + "}");
        assertEquals(201, first.statusCode(), first.body());
        String code = json(first).get("kindcode").asText();
        HttpResponse<String> again = command("/kindcodes", "ko-stad-gent", body.replace("zwangerschapsattest", "verklaring-op-eer") + "}");
        assertEquals(200, again.statusCode());
        assertEquals(code, json(again).get("kindcode").asText(), "the same mother and pregnancy, another system");
        HttpResponse<String> twin = command("/kindcodes", "llko-gent", body + ", \"volgnummer\": 2}");
        assertEquals(201, twin.statusCode());
        assertNotEquals(code, json(twin).get("kindcode").asText(), "the second child of twins has a code of its own");
        String later = "{\"ouder\": {\"insz\": \"91010131026\"}, \"geboortedatum\": \"" + LocalDate.now().minusYears(2) + "\", \"woonplaats\": \"44021\"}";
        HttpResponse<String> sibling = command("/kindcodes", "llko-gent", later);
        assertEquals(201, sibling.statusCode(), "an older sibling is another child");
        assertNotEquals(code, json(sibling).get("kindcode").asText());

        String birth = "{\"geboortedatum\": \"" + LocalDate.now().minusDays(2) + "\", \"woonplaats\": \"44021\", \"kindcodeOpgroeien\": \""
                + LocalDate.now().minusDays(2).format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd")) + "123\"}";
        assertEquals(200, command("/kindcodes/" + code + "/geboorte", "llko-gent", birth).statusCode());
        assertEquals(200, command("/kindcodes/" + code + "/geboorte", "llko-gent", birth).statusCode(), "the same birth again changes nothing");
        long before = hub.quadCount();
        HttpResponse<String> other = command("/kindcodes/" + code + "/geboorte", "llko-gent",
                "{\"geboortedatum\": \"" + LocalDate.now().minusDays(5) + "\", \"woonplaats\": \"44021\"}");
        assertEquals(409, other.statusCode(), other.body());
        HttpResponse<String> typo = command("/kindcodes/" + code.substring(0, 13) + (code.charAt(13) == '0' ? '1' : '0') + "/geboorte", "llko-gent", birth);
        assertEquals(422, typo.statusCode());
        assertTrue(typo.body().contains("ongeldige-kindcode"));
        assertEquals(before, hub.quadCount());
        JsonNode child = json(hub.getAs("/kindcodes/" + code, key("opgroeien-analist"), "application/ld+json"));
        assertTrue(child.toString().contains("opgroeien"), "Opgroeien's kindcode is a second identifier: " + child);
    }

    @Test
    void statusChangesKeepTheirHistoryAndAClosedRequestStaysClosed() {
        String child = fixtures.child();
        JsonNode created = fixtures.request("llko-gent", child, doc -> {});
        String iri = created.get("id").asText();
        String status = StoryFixtures.path(iri) + "/status";
        HttpResponse<String> working = command(status, "llko-gent", "{\"status\": \"in-behandeling\", \"toelichting\": \"Gebeld met de ouder.\"}");
        assertEquals(200, working.statusCode(), working.body());
        assertEquals(2, json(working).get("versie").asInt());
        assertEquals(200, command(status, "llko-gent", "{\"status\": \"in-behandeling\"}").statusCode());
        assertEquals(2, fixtures.historySize(iri), "repeating the current status adds nothing");

        long before = hub.quadCount();
        assertEquals(422, command(status, "llko-gent", "{\"status\": \"geannuleerd\"}").statusCode(), "a cancellation needs a reason");
        assertEquals(422, command(status, "llko-gent", "{\"status\": \"toegewezen\"}").statusCode(), "assigned only through an assignment");
        assertEquals(422, command(status, "llko-gent", "{\"status\": \"verdwenen\"}").statusCode());
        assertEquals(404, command(status, "llko-hasselt", "{\"status\": \"in-behandeling\"}").statusCode(), "another counter: the request does not exist for it");
        assertEquals(before, hub.quadCount());

        assertEquals(200, command(status, "llko-gent", "{\"status\": \"geannuleerd\", \"reden\": \"ingetrokken-door-ouder\"}").statusCode());
        assertEquals(409, command(status, "llko-gent", "{\"status\": \"in-behandeling\"}").statusCode(), "closed stays closed");
        JsonNode request = json(hub.getAs(StoryFixtures.path(iri), key("llko-gent"), "application/ld+json"));
        assertEquals("geannuleerd", request.get("status").asText());
        assertEquals("ingetrokken-door-ouder", request.get("reden").asText());
        assertEquals(3, request.get("statusgeschiedenis").size());
        assertTrue(request.toString().contains("Gebeld met de ouder."), "the comment is kept in the history");

        JsonNode resent = fixtures.request("llko-gent", child, doc -> doc.set("identificator", created.isEmpty() ? null
                : RunningHub.JSON.createArrayNode()));
        assertEquals(422, resent.path("status").asInt(), "an identifier is required: " + resent);
    }

    @Test
    void anOfferIsRefusedThenAnotherAcceptedAndTheCareEnds() {
        String child = fixtures.child();
        String linked = fixtures.request("llko-gent", child, doc -> {}).get("id").asText();
        String other = fixtures.request("llko-hasselt", child, doc -> {
            doc.withArray("voorkeuren").removeAll().addObject()
                    .put("type", "Voorkeur").put("rang", 1).put("vestiging", fixtures.location("hasselt-kinderkorf-kuringen"));
            doc.with("opvangplan").withArray("dagdelen").add("vrijdag-voormiddag");
        }).get("id").asText();

        HttpResponse<String> offer = fixtures.assignment("ko-stad-gent", child, doc -> doc
                .put("vestiging", fixtures.location("gent-kdv-de-knuffelboom")).put("aanvraag", linked).put("voorstel", true));
        assertEquals(201, offer.statusCode(), offer.body());
        String offered = json(offer).get("id").asText();
        assertEquals("voorstel-gedaan", fixtures.status(linked));
        assertEquals("ingediend", fixtures.status(other), "an offer cancels nothing yet");

        assertEquals(422, command(StoryFixtures.path(offered) + "/weigering", "ko-stad-gent", "{\"reden\": \"geen-zin\"}").statusCode());
        HttpResponse<String> refused = command(StoryFixtures.path(offered) + "/weigering", "ko-stad-gent", "{\"reden\": \"te-ver\"}");
        assertEquals(200, refused.statusCode(), refused.body());
        assertEquals("geweigerd", fixtures.status(offered));
        assertEquals("in-behandeling", fixtures.status(linked), "the request goes on after a refusal");
        assertEquals(409, command(StoryFixtures.path(offered) + "/aanvaarding", "ko-stad-gent", "{}").statusCode());

        String second = json(fixtures.assignment("ko-stad-gent", child, doc -> doc
                .put("vestiging", fixtures.location("gent-kdv-de-vlindertuin")).put("aanvraag", linked).put("voorstel", true))).get("id").asText();
        assertEquals(404, command(StoryFixtures.path(second) + "/aanvaarding", "ko-kinderkorf-limburg", "{}").statusCode(), "not its location: it does not see the assignment");
        HttpResponse<String> accepted = command(StoryFixtures.path(second) + "/aanvaarding", "ko-stad-gent", "{}");
        assertEquals(200, accepted.statusCode(), accepted.body());
        assertEquals(2, json(accepted).get("gewijzigdeAanvragen").size(), accepted.body());
        assertEquals("toegewezen", fixtures.status(second));
        assertEquals("toegewezen", fixtures.status(linked));
        assertEquals("gedeeltelijk-toegewezen", fixtures.status(other), "Mon–Thu covers only part of Mon–Thu plus Friday morning");

        HttpResponse<String> early = command(StoryFixtures.path(second) + "/beeindiging", "ko-stad-gent",
                "{\"datum\": \"" + LocalDate.now() + "\", \"reden\": \"verhuis\"}");
        assertEquals(422, early.statusCode(), "the end lies before the start: " + early.body());
        HttpResponse<String> ended = command(StoryFixtures.path(second) + "/beeindiging", "ko-stad-gent",
                "{\"datum\": \"" + LocalDate.now().plusDays(700) + "\", \"reden\": \"naar-school\"}");
        assertEquals(200, ended.statusCode(), ended.body());
        JsonNode assignment = json(hub.getAs(StoryFixtures.path(second), key("ko-stad-gent"), "application/ld+json"));
        assertEquals("beeindigd", assignment.get("status").asText(), assignment.toPrettyString());
        assertEquals("naar-school", assignment.path("beeindiging").path("reden").asText(), assignment.toPrettyString());
        assertEquals(409, command(StoryFixtures.path(second) + "/beeindiging", "ko-stad-gent",
                "{\"datum\": \"" + LocalDate.now().plusDays(700) + "\", \"reden\": \"naar-school\"}").statusCode());
    }

    @Test
    void anOrganiserListsTheRequestsForItsLocationPageByPage() {
        String child = fixtures.child();
        String location = fixtures.location("gent-kdv-de-knuffelboom");
        for (int i = 0; i < 3; i++)
            fixtures.request("llko-gent", child, doc -> doc.put("toestemmingDelen", false));
        String query = "/aanvragen?locatie=" + java.net.URLEncoder.encode(location, java.nio.charset.StandardCharsets.UTF_8) + "&limit=2";
        HttpResponse<String> first = hub.getAs(query, key("ko-stad-gent"), "application/ld+json");
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(2, json(first).get("@graph").size());
        String next = first.headers().firstValue("Link").orElseThrow().replaceAll("^<([^>]+)>.*$", "$1");
        HttpResponse<String> second = hub.getAs(next, key("ko-stad-gent"), "application/ld+json");
        assertTrue(json(second).get("@graph").size() >= 1);
        assertTrue(!first.body().contains("El Amrani"), "no consent: no people");
        assertEquals(403, hub.getAs(query, key("ko-wolkje"), "application/ld+json").statusCode());
    }
}
