package be.kohub.requests;

import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import be.kohub.RunningHub;
import be.kohub.cli.StoryPlayer;

/**
 * Every invalid example under sample-data/invalid/{aanvragen,toewijzingen,kindcodes} gets the
 * problem its .expected.json names, in Dutch and English, and changes nothing in the store.
 */
class InvalidRequestSamplesTest {
    static RunningHub hub;
    static Map<String, String> locations;
    static Map<String, String> values;

    @BeforeAll
    static void start() {
        hub = RunningHub.start();
        locations = hub.loadSampleLocations();
        String code = issue("90022512361");
        String other = issue("88061420702");
        String request = StoryPlayer.fill(text(RunningHub.SAMPLES.resolve("familieverhaal/03-aanvraag-gent.jsonld")),
                Map.of("kindcode", other), locations);
        String otherRequest = json(hub.postJsonLd("/aanvragen", key("llko-gent"), request.getBytes())).get("id").asText();
        char last = code.charAt(11);
        String typo = code.substring(0, 11) + (char) (last == '9' ? '0' : last + 1) + code.substring(12);
        values = Map.of("kindcode", code, "kindcode-tikfout", typo, "aanvraag-ander-kind", otherRequest);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @TestFactory
    Stream<DynamicTest> invalidRequests() throws IOException {
        return cases("aanvragen", "/aanvragen", "llko-gent");
    }

    @TestFactory
    Stream<DynamicTest> invalidAssignments() throws IOException {
        return cases("toewijzingen", "/toewijzingen", "ko-kinderkorf-limburg");
    }

    @TestFactory
    Stream<DynamicTest> invalidChildCodeRequests() throws IOException {
        return cases("kindcodes", "/kindcodes", "llko-gent");
    }

    private Stream<DynamicTest> cases(String kind, String path, String client) throws IOException {
        Path dir = RunningHub.SAMPLES.resolve("invalid/" + kind);
        List<Path> documents;
        try (Stream<Path> files = Files.list(dir)) {
            documents = files.filter(f -> !f.toString().endsWith(".expected.json")).sorted().toList();
        }
        assertTrue(documents.size() >= 4);
        return documents.stream().map(file -> DynamicTest.dynamicTest(kind + "/" + file.getFileName(), () -> {
            String name = file.getFileName().toString().replaceFirst("\\.[a-z]+$", "");
            JsonNode expected = RunningHub.JSON.readTree(dir.resolve(name + ".expected.json").toFile());
            String body = StoryPlayer.fill(text(file), values, locations);
            long before = hub.quadCount();
            String type = file.toString().endsWith(".jsonld") ? "application/ld+json" : "application/json";
            HttpResponse<String> response = hub.post(path, key(client), type, body.getBytes());
            JsonNode problem = json(response);
            assertEquals(expected.get("status").asInt(), response.statusCode(), response.body());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("https://data.kohub.be/problemen/" + expected.get("type").asText(), problem.get("type").asText(), response.body());
            assertEquals(before, hub.quadCount(), "a rejected document stores nothing");
            JsonNode problems = problem.get("problems");
            problems.forEach(p -> {
                assertTrue(p.path("message").path("nl").asText().length() > 5, "Dutch message: " + p);
                assertTrue(p.path("message").path("en").asText().length() > 5, "English message: " + p);
            });
            String bericht = expected.get("bericht").asText().toLowerCase();
            boolean named = StreamSupport.stream(problems.spliterator(), false)
                    .anyMatch(p -> p.path("message").path("nl").asText().toLowerCase().contains(bericht)
                            && (expected.get("path").isNull() || expected.get("path").asText().equals(p.path("path").asText())));
            assertTrue(named, "a problem about '" + bericht + "' at " + expected.get("path") + ": " + problems.toPrettyString());
        }));
    }

    private static String issue(String insz) {
        String body = "{\"ouder\": {\"insz\": \"" + insz + "\"}, \"bewijs\": \"verklaring-op-eer\", \"verwachteGeboortedatum\": \""
                + java.time.LocalDate.now().plusDays(40) + "\"}";
        return json(hub.post("/kindcodes", key("llko-gent"), "application/json", body.getBytes())).get("kindcode").asText();
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
