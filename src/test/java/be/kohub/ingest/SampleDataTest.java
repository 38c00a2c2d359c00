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
 * Every file of sample-data/ through the HTTP API: each valid sheet is stored; each invalid
 * example produces exactly the problem its .expected.json names, and changes nothing.
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

    @TestFactory
    Stream<DynamicTest> everyInvalidExampleGivesItsExpectedProblemAndChangesNothing() throws IOException {
        Path dir = RunningHub.SAMPLES.resolve("invalid/locaties");
        List<Path> documents = files(dir, "").stream().filter(f -> !f.toString().endsWith(".expected.json")).toList();
        assertTrue(documents.size() >= 10);
        return documents.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String name = file.getFileName().toString().replaceFirst("\\.[a-z]+$", "");
            JsonNode expected = RunningHub.JSON.readTree(dir.resolve(name + ".expected.json").toFile());
            long before = hub.quadCount();
            HttpResponse<String> response = hub.postJsonLd("/locaties", key("opgroeien"), Files.readAllBytes(file));
            JsonNode problem = json(response);
            assertEquals(expected.get("status").asInt(), response.statusCode(), response.body());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("https://data.kohub.be/problemen/" + expected.get("type").asText(), problem.get("type").asText());
            assertEquals(before, hub.quadCount(), "a rejected document stores nothing");
            JsonNode problems = problem.get("problems");
            assertTrue(problems.size() >= 1);
            problems.forEach(p -> {
                assertTrue(p.path("message").path("nl").asText().length() > 5, "Dutch message: " + p);
                assertTrue(p.path("message").path("en").asText().length() > 5, "English message: " + p);
            });
            if (!expected.get("path").isNull()) {
                assertEquals(1, problems.size(), "exactly one problem: " + problems);
                JsonNode only = problems.get(0);
                assertEquals(expected.get("path").asText(), only.get("path").asText());
                assertTrue(only.path("message").path("nl").asText().toLowerCase().contains(expected.get("bericht").asText().toLowerCase()),
                        only.toString());
                assertTrue(only.has("focusNode") && only.has("shape"), only.toString());
                JsonNode report = problem.get("validationReport");
                assertTrue(report.toString().contains("ValidationReport"), "W3C report as JSON-LD: " + report);
            }
        }));
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
