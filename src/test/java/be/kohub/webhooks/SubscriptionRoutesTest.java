package be.kohub.webhooks;

import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.key;
import static be.kohub.webhooks.Subscribing.register;
import static be.kohub.webhooks.Subscribing.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import be.kohub.RunningHub;

/**
 * {@code /abonnementen} on a hub with the default settings: what a registration must be (an
 * http(s) URL to a public address, known event types, a Standard Webhooks secret), that a
 * refusal changes nothing, that a subscription exists only for its owner and beheer, and that
 * its secret is shown once and reachable through no door afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubscriptionRoutesTest {
    /** A public address (TEST-NET-2) as an IP literal, so that no DNS is needed; nothing is ever sent to it here. */
    private static final String PUBLIC = "https://198.51.100.7/kohub";
    private RunningHub hub;

    @BeforeAll
    void start() {
        hub = RunningHub.start();
    }

    @AfterAll
    void stop() {
        hub.close();
    }

    @Test
    void aRegistrationMustBeACallbackToAPublicAddressWithKnownTypesAndAStandardSecret() {
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        for (String url : List.of("http://127.0.0.1:8080/hook", "http://localhost/hook", "http://10.1.2.3/", "http://192.168.1.10/",
                "http://172.16.5.4/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://[fe80::1]/", "http://[fd00::1]/",
                "http://0.0.0.0/", "http://100.64.0.1/", "http://[::ffff:127.0.0.1]/"))
            refused.put("private " + url, body(url, "[\"aanvraag.status\"]", null));
        refused.put("scheme", body("ftp://198.51.100.7/x", "[\"aanvraag.status\"]", null));
        refused.put("file", body("file:///etc/passwd", "[\"aanvraag.status\"]", null));
        refused.put("user info", body("https://user:pw@198.51.100.7/x", "[\"aanvraag.status\"]", null));
        refused.put("fragment", body("https://198.51.100.7/x#y", "[\"aanvraag.status\"]", null));
        refused.put("no url", body("not a url", "[\"aanvraag.status\"]", null));
        refused.put("unknown type", body(PUBLIC, "[\"aanvraag.verdwenen\"]", null));
        refused.put("children are not offered", body(PUBLIC, "[\"kind.aangemaakt\"]", null));
        refused.put("not a list", body(PUBLIC, "\"aanvraag.status\"", null));
        refused.put("empty list", body(PUBLIC, "[]", null));
        refused.put("type not text", body(PUBLIC, "[42]", null));
        refused.put("short secret", body(PUBLIC, "[\"*\"]", "whsec_" + Base64.getEncoder().encodeToString(new byte[8])));
        refused.put("secret without prefix", body(PUBLIC, "[\"*\"]", Base64.getEncoder().encodeToString(new byte[32])));
        refused.put("unknown field", "{\"callbackUrl\": \"" + PUBLIC + "\", \"gebeurtenistypes\": [\"*\"], \"actief\": true}");
        refused.put("empty", "{}");
        long before = hub.quadCountOutsideAudit();
        for (var c : refused.entrySet()) {
            HttpResponse<String> answer = register(hub, "llko-gent", c.getValue());
            assertEquals(422, answer.statusCode(), c.getKey() + ": " + answer.body());
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), c.getKey());
        }
        JsonNode unknownType = json(register(hub, "llko-gent", refused.get("unknown type")));
        String message = unknownType.get("problems").get(0).get("message").get("en").asText();
        assertTrue(message.contains("aanvraag.status") && message.contains("aanvraag.*") && message.contains("locatie.gewijzigd"),
                "the problem lists the allowed types: " + message);
        assertTrue(json(register(hub, "llko-gent", refused.get("private http://169.254.169.254/latest/meta-data/")))
                .toString().contains("169.254.169.254"));
        HttpResponse<String> large = register(hub, "llko-gent", body(PUBLIC, "[\"*\"]", null).replace("}", ", \"x\": \"" + "a".repeat(20_000) + "\"}"));
        assertEquals(413, large.statusCode());
        assertEquals(401, register(hub, null, body(PUBLIC, "[\"*\"]", null)).statusCode());
        assertEquals(403, register(hub, "opgroeien-analist", body(PUBLIC, "[\"*\"]", null)).statusCode());
        assertEquals(before, hub.quadCountOutsideAudit(), "no refusal changed the store");
    }

    @Test
    void aSubscriptionExistsOnlyForItsOwnerAndBeheer() {
        JsonNode created = subscribe(hub, "llko-gent", PUBLIC, "aanvraag.*", "locatie.gewijzigd");
        String id = created.get("id").asText();
        String secret = created.get("geheim").asText();
        assertTrue(secret.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
        assertEquals(List.of("aanvraag.*", "locatie.gewijzigd"), List.of(created.get("gebeurtenistypes").get(0).asText(),
                created.get("gebeurtenistypes").get(1).asText()));
        assertEquals("llko-gent", created.get("eigenaar").asText());
        String path = "/abonnementen/" + id;

        for (String reader : List.of("llko-gent", "opgroeien")) {
            HttpResponse<String> read = hub.getAs(path, key(reader), "application/json");
            assertEquals(200, read.statusCode(), reader);
            assertFalse(read.body().contains(secret), "the secret is never returned after registration");
            assertFalse(json(read).has("geheim"));
            assertTrue(hub.getAs("/abonnementen", key(reader), "application/json").body().contains(id), reader + " lists it");
        }
        long before = hub.quadCountOutsideAudit();
        for (String other : List.of("llko-hasselt", "ko-stad-gent", "ko-wolkje")) {
            assertEquals(404, hub.getAs(path, key(other), "application/json").statusCode(), other);
            assertFalse(hub.getAs("/abonnementen", key(other), "application/json").body().contains(id), other);
            assertEquals(404, hub.getAs(path + "/dode-brieven", key(other), "application/json").statusCode(), other);
            assertEquals(404, hub.post(path + "/dode-brieven/opnieuw", key(other), "application/json", new byte[0]).statusCode(), other);
            assertEquals(404, hub.delete(path, key(other), Map.of()).statusCode(), other);
        }
        assertEquals(404, hub.getAs("/abonnementen/niet-een-uuid", key("opgroeien"), "application/json").statusCode());
        assertEquals(before, hub.quadCountOutsideAudit(), "no refusal changed the store");
        assertEquals(1, hub.quadCountMatching(secret), "the secret is stored once, to sign with");

        HttpResponse<String> own = register(hub, "ko-wolkje", body(PUBLIC, "[\"toewijzing.status\"]", secret));
        assertEquals(201, own.statusCode(), "a secret of one's own: " + own.body());
        assertEquals(secret, json(own).get("geheim").asText());

        assertEquals(204, hub.delete(path, key("llko-gent"), Map.of()).statusCode());
        assertEquals(404, hub.getAs(path, key("llko-gent"), "application/json").statusCode());
        assertEquals(1, hub.quadCountMatching(secret), "only ko-wolkje's copy is left");
    }

    @Test
    void theSecretIsReachableThroughNoSparqlDoor() {
        String secret = subscribe(hub, "llko-gent", PUBLIC, "*").get("geheim").asText();
        subscribe(hub, "ko-stad-gent", PUBLIC, "locatie.*");
        Map<String, String> doors = Map.of("/sparql", "opgroeien", "/sparql/analyse", "opgroeien-analist", "/sparql/loket", "llko-gent",
                "/sparql/organisator", "ko-stad-gent");
        for (var door : doors.entrySet())
            for (String query : List.of("SELECT * WHERE { GRAPH ?g { ?s ?p ?o FILTER (CONTAINS(STR(?o), \"" + secret + "\")) } }",
                    "SELECT * WHERE { ?s ?p ?o FILTER (CONTAINS(STR(?o), \"" + secret + "\")) }",
                    "SELECT * WHERE { GRAPH <https://data.kohub.be/graph/abonnementen> { ?s ?p ?o } }",
                    "SELECT * WHERE { GRAPH <https://data.kohub.be/graph/bezorgingen> { ?s ?p ?o } }",
                    "SELECT * WHERE { ?s a <https://data.kohub.be/ns/kohub#Abonnement> }")) {
                HttpResponse<String> answer = hub.send("POST", door.getKey(), key(door.getValue()), "application/x-www-form-urlencoded",
                        ("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8),
                        Map.of("Accept", "application/sparql-results+json"));
                assertEquals(200, answer.statusCode(), door + " " + query);
                assertEquals(0, json(answer).get("results").get("bindings").size(), door + " " + query);
                assertFalse(answer.body().contains(secret));
            }
    }

    @Test
    void anOwnerHasAtMostTwentyFiveSubscriptions() {
        for (int i = 0; i < Subscriptions.MAX_PER_OWNER; i++)
            subscribe(hub, "ko-speelnest", PUBLIC + "/" + i, "locatie.ingetrokken");
        long before = hub.quadCountOutsideAudit();
        HttpResponse<String> oneMore = register(hub, "ko-speelnest", body(PUBLIC, "[\"locatie.ingetrokken\"]", null));
        assertEquals(409, oneMore.statusCode(), oneMore.body());
        assertEquals(before, hub.quadCountOutsideAudit());
        assertEquals(Subscriptions.MAX_PER_OWNER, json(hub.getAs("/abonnementen", key("ko-speelnest"), "application/json")).get("abonnementen").size());
    }

    private static String body(String url, String types, String secret) {
        return "{\"callbackUrl\": " + RunningHub.JSON.valueToTree(url) + ", \"gebeurtenistypes\": " + types
                + (secret == null ? "" : ", \"geheim\": \"" + secret + "\"") + "}";
    }
}
