package be.kohub.validation;

import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import be.kohub.RunningHub;

/**
 * POST /validatie as the validation page and a vendor's script use it: every field of a problem,
 * the document's type, Turtle as well as JSON-LD, and bad input as problem+json that changes
 * nothing; GET /validatie serves the page and its assets from the jar.
 */
class ValidationRoutesTest {
    static RunningHub hub;

    @BeforeAll
    static void start() {
        hub = RunningHub.start();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void anInvalidDocumentGetsEveryFieldOfItsProblemAndTheW3cReport() {
        HttpResponse<String> response = hub.postJsonLd("/validatie", null, sample("conformiteit/locatie/ongeldig/postcode-drie-cijfers.jsonld"));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = json(response);
        assertFalse(answer.get("conforms").asBoolean());
        assertEquals("locatie", answer.get("documentType").asText());
        JsonNode problem = answer.get("problems").get(0);
        assertEquals("locatie.contactinfo.adres", problem.get("focusNode").asText());
        assertEquals("http://www.w3.org/ns/locn#postCode", problem.get("path").asText());
        assertEquals("postcode", problem.get("field").asText());
        assertEquals("900", problem.get("value").asText());
        assertEquals("Een adres heeft precies één Belgische postcode van vier cijfers.", problem.get("message").get("nl").asText());
        assertEquals("An address has exactly one four-digit Belgian postcode.", problem.get("message").get("en").asText());
        assertEquals("https://data.kohub.be/shapes/locatie/1.0#AdresShape/postcode", problem.get("shape").asText());
        assertEquals("http://www.w3.org/ns/shacl#PatternConstraintComponent", problem.get("constraint").asText());
        assertEquals("Violation", problem.get("severity").asText());
        String report = answer.get("validationReport").toString();
        assertTrue(report.contains("ValidationReport") && report.contains("PatternConstraintComponent"), report);
    }

    @Test
    void turtleIsReadAsTurtleAndLabelledLikeJsonLd() {
        HttpResponse<String> response = hub.post("/validatie", null, "text/turtle; charset=utf-8",
                sample("conformiteit/locatie/ongeldig/email-zonder-apenstaart.ttl"));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode problem = json(response).get("problems").get(0);
        assertEquals("locatie.contactinfo", problem.get("focusNode").asText());
        assertEquals("email", problem.get("field").asText());
        HttpResponse<String> valid = hub.post("/validatie", null, "text/turtle", sample("conformiteit/locatie/geldig/gent-kdv-de-knuffelboom.ttl"));
        assertTrue(json(valid).get("conforms").asBoolean(), valid.body());
    }

    @Test
    void aDocumentOfNoKnownTypeDoesNotConform() {
        HttpResponse<String> response = hub.postJsonLd("/validatie", null,
                "{\"@context\": \"https://data.kohub.be/context/v1.jsonld\", \"type\": \"Locaties\", \"naam\": \"De Rups\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = json(response);
        assertFalse(answer.get("conforms").asBoolean());
        assertTrue(answer.get("documentType").isNull());
        assertTrue(answer.get("problems").get(0).get("message").get("en").asText().startsWith("No known document type"), answer.toString());
    }

    @Test
    void badInputIsProblemJsonAndStoresNothing() {
        long before = hub.quadCount();
        assertProblem(hub.postJsonLd("/validatie", null, sample("conformiteit/locatie/onleesbaar/ongeldige-json.json")), 400, "ongeldige-json", "line 49");
        assertProblem(hub.post("/validatie", null, "text/turtle", sample("conformiteit/locatie/onleesbaar/turtle-puntkomma-vergeten.ttl")), 400, "ongeldige-rdf", "line: 8");
        assertProblem(hub.post("/validatie", null, "application/xml", "<locatie/>".getBytes(StandardCharsets.UTF_8)), 415, "mediatype", "application/xml");
        assertProblem(hub.send("POST", "/validatie", null, null, "{}".getBytes(StandardCharsets.UTF_8), Map.of()), 415, "mediatype", "not accepted");
        assertProblem(hub.postJsonLd("/validatie", null, new byte[0]), 400, "ongeldige-json", "empty");
        byte[] big = ("{\"naam\": \"" + "x".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertProblem(hub.postJsonLd("/validatie", null, big), 413, "te-groot", "limit");
        byte[] huge = new byte[17 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertProblem(hub.postJsonLd("/validatie", null, huge), 413, "te-groot", "limit");
        assertEquals(before, hub.quadCount());
    }

    @Test
    void thePageAndItsAssetsComeFromTheJarWithAStrictContentSecurityPolicy() {
        HttpResponse<String> page = hub.get("/validatie", "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.body().contains("<label for=\"tekst\">") && page.body().contains("/validatie/validatie.js"), page.body());
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("default-src 'self'") && !csp.contains("unsafe-inline"), csp);
        assertEquals(200, hub.get("/validatie/validatie.js", null).statusCode());
        assertTrue(hub.get("/validatie/validatie.css", null).headers().firstValue("Content-Type").orElseThrow().startsWith("text/css"));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type, String words) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode problem = json(response);
        assertEquals("https://data.kohub.be/problemen/" + type, problem.get("type").asText(), problem.toString());
        assertTrue(problem.get("problems").get(0).get("message").get("en").asText().contains(words), problem.toString());
    }
}
