package be.kohub.access;

import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.key;
import static be.kohub.RunningHub.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;

import be.kohub.RunningHub;
import be.kohub.report.MutableClock;

/** API keys managed by beheer through /beheer/clients: created, rotated with a grace period, revoked, stored only as hashes. */
class ClientKeysTest {
    static final String BEHEER = key("opgroeien");
    static final String JSON = "application/json";

    @Test
    void aCreatedKeyWorksARotatedOneOnlyDuringItsGraceAndARevokedOneNotAtAll() {
        MutableClock clock = new MutableClock();
        try (RunningHub hub = RunningHub.start(b -> b.clock(clock))) {
            HttpResponse<String> created = hub.post("/beheer/clients", BEHEER, JSON,
                    "{\"name\": \"ko-nieuw\", \"role\": \"ko\", \"organisator\": \"0299541641\"}".getBytes(StandardCharsets.UTF_8));
            assertEquals(201, created.statusCode(), created.body());
            assertEquals("/beheer/clients/ko-nieuw", created.headers().firstValue("Location").orElseThrow());
            String first = json(created).get("key").asText();
            assertTrue(first.startsWith("kohub_") && first.length() >= 6 + 43, first);

            HttpResponse<String> written = hub.postJsonLd("/locaties", first, sample("locaties/gent-kdv-de-notelaar.jsonld"));
            assertEquals(201, written.statusCode(), written.body());
            String location = written.headers().firstValue("Location").orElseThrow();
            JsonNode history = json(hub.get(location + "/geschiedenis", null)).get("gebeurtenissen");
            assertTrue(history.toString().contains("ko-nieuw"), "the new client is the document's source system: " + history);

            HttpResponse<String> rotated = hub.post("/beheer/clients/ko-nieuw/sleutels", BEHEER, JSON,
                    "{\"grace\": \"PT2H\"}".getBytes(StandardCharsets.UTF_8));
            assertEquals(201, rotated.statusCode(), rotated.body());
            String second = json(rotated).get("key").asText();
            assertFalse(second.equals(first));
            assertEquals(2, json(rotated).get("keys").size());
            assertEquals(200, rateRead(hub, first), "the old key works during the grace period");
            assertEquals(200, rateRead(hub, second));

            clock.set(clock.instant().plus(Duration.ofHours(2)));
            assertEquals(401, rateRead(hub, first), "the old key stops when its grace period ends");
            assertEquals(200, rateRead(hub, second));

            // A rotation without body keeps the replaced key for the default 24 hours.
            String third = json(hub.post("/beheer/clients/ko-nieuw/sleutels", BEHEER, JSON, new byte[0])).get("key").asText();
            clock.set(clock.instant().plus(Duration.ofHours(23)));
            assertEquals(200, rateRead(hub, second));
            clock.set(clock.instant().plus(Duration.ofHours(1)));
            assertEquals(401, rateRead(hub, second));
            assertEquals(200, rateRead(hub, third));

            assertTrue(quadsContaining(hub, ApiKeys.sha256(third)) > 0, "the hash of a key is stored");
            assertEquals(0, quadsContaining(hub, ApiKeys.sha256(first)), "an expired key is removed at the next rotation");
            HttpResponse<String> revoked = hub.delete("/beheer/clients/ko-nieuw", BEHEER, Map.of());
            assertEquals(204, revoked.statusCode(), revoked.body());
            HttpResponse<String> refused = hub.postJsonLd("/locaties", third, sample("locaties/gent-kdv-de-knuffelboom.jsonld"));
            assertEquals(401, refused.statusCode());
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());

            JsonNode listed = json(hub.getAs("/beheer/clients/ko-nieuw", BEHEER, JSON));
            assertTrue(listed.has("revoked"));
            assertEquals(0, listed.get("keys").size());
            assertEquals(409, hub.post("/beheer/clients/ko-nieuw/sleutels", BEHEER, JSON, new byte[0]).statusCode(),
                    "a revoked client gets no new key");
            assertEquals(409, hub.post("/beheer/clients", BEHEER, JSON,
                    "{\"name\": \"ko-nieuw\", \"role\": \"analist\"}".getBytes(StandardCharsets.UTF_8)).statusCode(),
                    "a revoked name is not given out again");

            assertEquals(0, quadsContaining(hub, ApiKeys.sha256(third)), "revocation removes the hashes");
            for (String plain : new String[] {first, second, third})
                assertEquals(0, quadsContaining(hub, plain), "the key itself is nowhere in the store");
        }
    }

    @Test
    void managementIsForBeheerOnly() {
        try (RunningHub hub = RunningHub.start()) {
            byte[] body = "{\"name\": \"ander\", \"role\": \"analist\"}".getBytes(StandardCharsets.UTF_8);
            long before = hub.quadCount();
            for (String other : new String[] {"opgroeien-analist", "llko-gent", "ko-stad-gent"}) {
                assertEquals(403, hub.getAs("/beheer/clients", key(other), JSON).statusCode(), other);
                assertEquals(403, hub.post("/beheer/clients", key(other), JSON, body).statusCode(), other);
            }
            HttpResponse<String> anonymous = hub.post("/beheer/clients", null, JSON, body);
            assertEquals(401, anonymous.statusCode());
            assertEquals(401, hub.get("/beheer/clients", JSON).statusCode());
            assertEquals(before, hub.quadCount());
        }
    }

    @Test
    void theListShowsNoKeysOrHashesAndFileClientsAreReadOnly() {
        try (RunningHub hub = RunningHub.start()) {
            String created = json(hub.post("/beheer/clients", BEHEER, JSON,
                    "{\"name\": \"llko-nieuw\", \"role\": \"llko\", \"loket\": \"44021\", \"werkingsgebied\": [\"44021\", \"44019\"]}"
                            .getBytes(StandardCharsets.UTF_8))).get("key").asText();
            HttpResponse<String> list = hub.getAs("/beheer/clients", BEHEER, JSON);
            assertEquals(200, list.statusCode());
            assertFalse(list.body().contains(created));
            assertFalse(list.body().contains(ApiKeys.sha256(created)));
            assertFalse(list.body().contains(key("opgroeien")));
            assertFalse(list.body().contains(ApiKeys.sha256(key("opgroeien"))));
            JsonNode clients = json(list);
            assertEquals(9, clients.size(), "eight from the file, one from the API");
            JsonNode nieuw = find(clients, "llko-nieuw");
            assertEquals("api", nieuw.get("source").asText());
            assertEquals("[\"44019\",\"44021\"]", nieuw.get("werkingsgebied").toString());
            assertEquals("file", find(clients, "ko-wolkje").get("source").asText());

            long before = hub.quadCount();
            for (HttpResponse<String> fileClient : new HttpResponse[] {
                    hub.post("/beheer/clients/ko-wolkje/sleutels", BEHEER, JSON, new byte[0]),
                    hub.delete("/beheer/clients/ko-wolkje", BEHEER, Map.of()),
                    hub.post("/beheer/clients", BEHEER, JSON, "{\"name\": \"ko-wolkje\", \"role\": \"analist\"}".getBytes(StandardCharsets.UTF_8))}) {
                assertEquals(409, fileClient.statusCode(), fileClient.body());
                assertTrue(json(fileClient).get("detail").asText().contains("clientbestand"));
            }
            assertEquals(200, hub.getAs("/locaties", key("ko-wolkje"), "application/ld+json").statusCode());
            assertEquals(404, hub.delete("/beheer/clients/onbekend", BEHEER, Map.of()).statusCode());
            assertEquals(before, hub.quadCount());
        }
    }

    @Test
    void badInputIsRefusedWithEveryProblemAndStoresNothing() {
        try (RunningHub hub = RunningHub.start()) {
            long before = hub.quadCount();
            HttpResponse<String> bad = hub.post("/beheer/clients", BEHEER, JSON,
                    "{\"name\": \"Niet Goed\", \"role\": \"ko\", \"loket\": \"99999\", \"kleur\": \"blauw\"}".getBytes(StandardCharsets.UTF_8));
            assertEquals(422, bad.statusCode(), bad.body());
            String fields = json(bad).get("problems").findValuesAsText("path").toString();
            for (String field : new String[] {"name", "organisator", "loket", "kleur"})
                assertTrue(fields.contains(field), field + " in " + fields);
            assertEquals(400, hub.post("/beheer/clients", BEHEER, JSON, "{niet json".getBytes(StandardCharsets.UTF_8)).statusCode());
            assertEquals(422, hub.post("/beheer/clients", BEHEER, JSON,
                    "{\"name\": \"x-y\", \"role\": \"publiek\"}".getBytes(StandardCharsets.UTF_8)).statusCode());
            assertEquals(before, hub.quadCount());

            hub.post("/beheer/clients", BEHEER, JSON, "{\"name\": \"analist-2\", \"role\": \"analist\"}".getBytes(StandardCharsets.UTF_8));
            long withClient = hub.quadCount();
            for (String grace : new String[] {"\"PT-1H\"", "\"P31D\"", "\"morgen\"", "12"}) {
                HttpResponse<String> rotation = hub.post("/beheer/clients/analist-2/sleutels", BEHEER, JSON,
                        ("{\"grace\": " + grace + "}").getBytes(StandardCharsets.UTF_8));
                assertEquals(422, rotation.statusCode(), grace + ": " + rotation.body());
            }
            assertEquals(withClient, hub.quadCount());
        }
    }

    @Test
    void managedClientsSurviveARestartAndStayOutOfPublicSparql() {
        RunningHub hub = RunningHub.start();
        try {
            String created = json(hub.post("/beheer/clients", BEHEER, JSON,
                    "{\"name\": \"analist-extern\", \"role\": \"analist\"}".getBytes(StandardCharsets.UTF_8))).get("key").asText();
            assertEquals(200, rateRead(hub, created));
            for (String probe : new String[] {
                    "SELECT * WHERE { GRAPH <https://data.kohub.be/graph/toegang> { ?s ?p ?o } }",
                    "SELECT * WHERE { ?s <https://data.kohub.be/ns/kohub#sleutelhash> ?o }",
                    "SELECT * WHERE { GRAPH ?g { ?s a <https://data.kohub.be/ns/kohub#Systeemclient> } }"}) {
                HttpResponse<String> rows = hub.get("/sparql?query=" + URLEncoder.encode(probe, StandardCharsets.UTF_8),
                        "application/sparql-results+json");
                assertEquals(200, rows.statusCode());
                assertEquals(0, json(rows).get("results").get("bindings").size(), probe);
            }
            hub = hub.restart(b -> {});
            assertEquals(200, rateRead(hub, created), "the key works after a restart");
            assertEquals("api", json(hub.getAs("/beheer/clients/analist-extern", BEHEER, JSON)).get("source").asText());
        } finally {
            hub.close();
        }
    }

    /** A read that needs a key of any role but publiek. */
    private static int rateRead(RunningHub hub, String key) {
        return hub.getAs("/kindcodes/KC123456789022", key, "application/ld+json").statusCode() == 401 ? 401 : 200;
    }

    private static long quadsContaining(RunningHub hub, String text) {
        return hub.hub.store().read(tx -> tx.select(QueryFactory.create("SELECT ?g ?s ?p ?o WHERE { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o } }"))
                .stream().filter(row -> row.toString().contains(text)).count());
    }

    private static JsonNode find(JsonNode clients, String name) {
        for (JsonNode c : clients)
            if (c.get("name").asText().equals(name))
                return c;
        throw new AssertionError("no client " + name + " in " + clients);
    }

}
