package be.kohub.ingest;

import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import be.kohub.RunningHub;

/**
 * Every location sheet of sample-data/ through the HTTP API: each valid sheet is stored; each
 * invalid one of the conformance pack is refused with exactly the problems its manifest names,
 * and changes nothing.
 */
class SampleDataTest {
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
    void everyValidSampleIsStoredAndListed() throws IOException {
        List<Path> files = files(RunningHub.SAMPLES.resolve("locaties"), ".jsonld");
        assertTrue(files.size() >= 30, "at least 30 sample sheets");
        for (Path file : files) {
            HttpResponse<String> response = hub.postJsonLd("/locaties", key("opgroeien"), Files.readAllBytes(file));
            assertEquals(201, response.statusCode(), file + ": " + response.body());
        }
        int listed = 0;
        String next = "/locaties?limit=100&status=";
        for (String status : List.of("actief", "gesloten")) {
            HttpResponse<String> page = hub.get(next + status, null);
            listed += json(page).get("@graph").size();
        }
        assertEquals(files.size(), listed);
    }

    /**
     * The conformance pack's location sheets (sample-data/conformiteit/locatie/manifest.json) posted
     * for real: each invalid one is refused with exactly the problems its manifest names (a shape's:
     * 422 shacl-schending with the W3C report; the hub's own: a refusal that says so), each
     * unreadable one with the manifest's status and type, and none changes anything.
     */
    @TestFactory
    Stream<DynamicTest> everyInvalidExampleOfThePackIsRefusedWithItsExpectedProblemsAndChangesNothing() throws IOException {
        Path dir = RunningHub.SAMPLES.resolve("conformiteit/locatie");
        JsonNode manifest = RunningHub.JSON.readTree(dir.resolve("manifest.json").toFile());
        assertEquals("POST /locaties", manifest.get("insturen").asText());
        List<DynamicTest> tests = new java.util.ArrayList<>();
        for (JsonNode example : manifest.get("ongeldig"))
            tests.add(DynamicTest.dynamicTest(example.get("bestand").asText(), () -> {
                JsonNode refusal = refused(dir, example);
                JsonNode expected = example.get("verwacht");
                JsonNode problems = refusal.get("problems");
                assertEquals(expected.size(), problems.size(), "exactly the expected problems: " + problems.toPrettyString());
                if (expected.findValues("shape").stream().anyMatch(JsonNode::isNull)) {
                    // the hub's own check (no node of the endpoint's type): posted, it is a structure refusal
                    assertEquals("https://data.kohub.be/problemen/documentstructuur", refusal.get("type").asText(), refusal.toString());
                    return;
                }
                assertEquals("https://data.kohub.be/problemen/shacl-schending", refusal.get("type").asText(), refusal.toString());
                assertTrue(refusal.get("validationReport").toString().contains("ValidationReport"), "W3C report as JSON-LD");
                for (JsonNode e : expected) {
                    boolean named = false;
                    for (JsonNode p : problems)
                        named |= List.of("focusNode", "path", "value", "constraint", "shape").stream()
                                .allMatch(f -> e.path(f).asText(null) == null ? !p.hasNonNull(f) : e.get(f).asText().equals(p.path(f).asText()));
                    assertTrue(named, "expected " + e + " in " + problems.toPrettyString());
                }
            }));
        for (JsonNode example : manifest.get("onleesbaar"))
            tests.add(DynamicTest.dynamicTest(example.get("bestand").asText(), () -> {
                JsonNode refusal = refused(dir, example);
                assertEquals(example.get("status").asInt(), refusal.get("status").asInt());
                assertEquals(example.get("type").asText(), refusal.get("type").asText());
            }));
        assertTrue(tests.size() >= 15);
        return tests.stream();
    }

    /** Posts one example of the pack as its manifest says; asserts a problem+json refusal in two languages that stored nothing. */
    private static JsonNode refused(Path dir, JsonNode example) throws IOException {
        long before = hub.quadCount();
        HttpResponse<String> response = hub.post("/locaties", key("opgroeien"), example.get("mediatype").asText(),
                Files.readAllBytes(dir.resolve(example.get("bestand").asText())));
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, response.statusCode() + " " + response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(before, hub.quadCount(), "a rejected document stores nothing");
        JsonNode refusal = json(response);
        assertEquals(response.statusCode(), refusal.get("status").asInt());
        refusal.get("problems").forEach(p -> {
            assertTrue(p.path("message").path("nl").asText().length() > 5, "Dutch message: " + p);
            assertTrue(p.path("message").path("en").asText().length() > 5, "English message: " + p);
        });
        return refusal;
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
