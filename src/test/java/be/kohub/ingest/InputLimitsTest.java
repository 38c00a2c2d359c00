package be.kohub.ingest;

import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.key;
import static be.kohub.RunningHub.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import be.kohub.RunningHub;

/** Bad input gets a clear problem and changes nothing: media type, size, depth, contexts, batches. */
class InputLimitsTest {
    static RunningHub hub;
    static String beheer;

    @BeforeAll
    static void start() {
        hub = RunningHub.start(b -> b.limits(new InputLimits(64 * 1024, 256 * 1024, 5, 12)));
        beheer = key("opgroeien");
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void wrongMediaTypeIs415() {
        long before = hub.quadCount();
        HttpResponse<String> response = hub.post("/locaties", beheer, "text/plain", sample("locaties/gent-kdv-de-rups.jsonld"));
        assertEquals(415, response.statusCode());
        assertEquals("https://data.kohub.be/problemen/mediatype", json(response).get("type").asText());
        assertEquals(before, hub.quadCount());
    }

    @Test
    void documentOverTheSizeLimitIs413() {
        String big = new String(sample("locaties/gent-kdv-de-rups.jsonld"), StandardCharsets.UTF_8)
                .replaceFirst("\"naam\": \"", "\"naam\": \"" + "x".repeat(70 * 1024));
        long before = hub.quadCount();
        assertEquals(413, hub.postJsonLd("/locaties", beheer, big.getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals(before, hub.quadCount());
    }

    @Test
    void nestingDeeperThanTheLimitIs400() {
        String deep = "{\"@context\": \"https://data.kohub.be/context/v1.jsonld\", \"type\": \"Locatie\", \"naam\": "
                + "[".repeat(20) + "\"x\"" + "]".repeat(20) + "}";
        HttpResponse<String> response = hub.postJsonLd("/locaties", beheer, deep.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, response.statusCode());
        assertEquals("https://data.kohub.be/problemen/te-diep", json(response).get("type").asText());
    }

    @Test
    void remoteContextIsNeverFetched() throws Exception {
        // A listener on loopback records whether the hub tries to fetch the context it is given.
        try (var server = new java.net.ServerSocket(0)) {
            server.setSoTimeout(300);
            String doc = new String(sample("locaties/gent-kdv-de-rups.jsonld"), StandardCharsets.UTF_8)
                    .replace("https://data.kohub.be/context/v1.jsonld", "http://localhost:" + server.getLocalPort() + "/ctx.jsonld");
            HttpResponse<String> response = hub.postJsonLd("/locaties", beheer, doc.getBytes(StandardCharsets.UTF_8));
            assertEquals(400, response.statusCode());
            assertEquals("https://data.kohub.be/problemen/onbekende-context", json(response).get("type").asText());
            boolean contacted;
            try (var ignored = server.accept()) {
                contacted = true;
            } catch (java.net.SocketTimeoutException e) {
                contacted = false;
            }
            assertEquals(false, contacted, "the hub must not fetch remote contexts");
        }
    }

    @Test
    void batchStoresTheValidSheetsAndReportsTheInvalidOne() {
        String valid1 = new String(sample("locaties/gent-kdv-de-rups.jsonld"), StandardCharsets.UTF_8);
        String valid2 = new String(sample("locaties/brugge-kdv-de-reiger.jsonld"), StandardCharsets.UTF_8);
        String invalid = new String(sample("conformiteit/locatie/ongeldig/postcode-drie-cijfers.jsonld"), StandardCharsets.UTF_8);
        HttpResponse<String> response = hub.postJsonLd("/locaties", beheer,
                ("[" + valid1 + "," + invalid + "," + valid2 + "]").getBytes(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        var answer = json(response);
        assertEquals(2, answer.get("stored").asInt());
        assertEquals(1, answer.get("rejected").asInt());
        assertEquals(422, answer.get("results").get(1).get("status").asInt());
        assertTrue(answer.get("results").get(1).get("problem").get("problems").toString().contains("postCode"));
        String id = answer.get("results").get(0).get("id").asText();
        assertEquals(200, hub.get("/locaties/" + id.substring(id.lastIndexOf('/') + 1), null).statusCode());

        // The same as newline-delimited JSON-LD: a retry, so both stored sheets are updated, not duplicated.
        String ndjson = String.join("\n", compact(valid1), compact(invalid), compact(valid2));
        var again = json(hub.post("/locaties", beheer, "application/x-ndjson", ndjson.getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, again.get("stored").asInt());
        assertEquals(200, again.get("results").get(0).get("status").asInt());
        assertEquals(id, again.get("results").get(0).get("id").asText());
    }

    @Test
    void batchOverTheCountLimitIs413AndStoresNothing() {
        String one = new String(sample("locaties/gent-kdv-de-rups.jsonld"), StandardCharsets.UTF_8);
        String six = "[" + String.join(",", java.util.Collections.nCopies(6, one)) + "]";
        long before = hub.quadCount();
        assertEquals(413, hub.postJsonLd("/locaties", beheer, six.getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals(before, hub.quadCount());
    }

    @Test
    void validationEndpointDryRunsAndStoresNothing() {
        long before = hub.quadCount();
        HttpResponse<String> invalid = hub.postJsonLd("/validatie", null, sample("conformiteit/locatie/ongeldig/onbekende-nis-code.jsonld"));
        assertEquals(200, invalid.statusCode(), invalid.body());
        assertEquals(false, json(invalid).get("conforms").asBoolean());
        assertEquals("https://data.kohub.be/ns/kohub#gemeente", json(invalid).get("problems").get(0).path("path").asText());
        HttpResponse<String> valid = hub.postJsonLd("/validatie", null, sample("locaties/gent-kdv-de-rups.jsonld"));
        assertEquals(true, json(valid).get("conforms").asBoolean(), valid.body());
        assertEquals(before, hub.quadCount());
    }

    private static String compact(String json) {
        try {
            return RunningHub.JSON.readTree(json).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
