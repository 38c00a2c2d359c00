package be.kohub.conformance;

import static be.kohub.RunningHub.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import be.kohub.RunningHub;

/**
 * The conformance pack (sample-data/conformiteit/) through POST /validatie on a real hub: every
 * valid example conforms as its document type, every invalid one yields exactly the problems its
 * manifest names and nothing else, every unreadable one the named problem+json; nothing is stored.
 */
class ConformanceSuiteTest {
    static final Path PACK = RunningHub.SAMPLES.resolve("conformiteit");
    static final List<String> FIELDS = List.of("focusNode", "path", "value", "constraint", "shape");
    static RunningHub hub;

    @BeforeAll
    static void start() {
        hub = RunningHub.start();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @TestFactory
    Stream<DynamicTest> everyExampleGetsExactlyTheAnswerItsManifestNames() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode type : RunningHub.JSON.readTree(PACK.resolve("manifest.json").toFile()).get("documenttypes")) {
            String name = type.get("documenttype").asText();
            Path dir = PACK.resolve(name);
            JsonNode manifest = RunningHub.JSON.readTree(PACK.resolve(type.get("manifest").asText()).toFile());
            assertEquals(name, manifest.get("documenttype").asText());
            assertTrue(manifest.get("geldig").size() >= 3 && manifest.get("ongeldig").size() >= 5, name + ": too few examples");
            for (JsonNode example : manifest.get("geldig"))
                tests.add(DynamicTest.dynamicTest(name + "/" + example.get("bestand").asText(), () -> {
                    JsonNode answer = validated(dir, example, 200);
                    assertTrue(answer.get("conforms").asBoolean(), answer.toPrettyString());
                    assertEquals(name, answer.get("documentType").asText());
                    assertEquals(0, answer.get("problems").size());
                }));
            for (JsonNode example : manifest.get("ongeldig"))
                tests.add(DynamicTest.dynamicTest(name + "/" + example.get("bestand").asText(), () -> {
                    JsonNode answer = validated(dir, example, 200);
                    assertEquals(false, answer.get("conforms").asBoolean());
                    JsonNode expected = example.get("verwacht");
                    assertTrue(expected.size() >= 1, "an invalid example names its violation");
                    assertEquals(expected.size(), answer.get("problems").size(), "exactly the expected problems: " + answer.get("problems").toPrettyString());
                    Set<List<String>> actual = new HashSet<>();
                    answer.get("problems").forEach(p -> actual.add(key(p)));
                    for (JsonNode e : expected) {
                        assertTrue(actual.contains(key(e)), "expected " + e + " in " + answer.get("problems").toPrettyString());
                        JsonNode problem = find(answer.get("problems"), key(e));
                        assertTrue(problem.path("message").path("nl").asText().length() > 5
                                && problem.path("message").path("en").asText().length() > 5, "a message in Dutch and English: " + problem);
                        if (e.hasNonNull("bericht"))
                            assertTrue(problem.path("message").path("nl").asText().contains(e.get("bericht").asText()), problem.toString());
                        else
                            assertTrue(e.hasNonNull("shape") && e.hasNonNull("constraint") && e.hasNonNull("focusNode"),
                                    "a shape's violation names focus node, shape and constraint: " + e);
                    }
                }));
            for (JsonNode example : manifest.path("onleesbaar"))
                tests.add(DynamicTest.dynamicTest(name + "/" + example.get("bestand").asText(), () -> {
                    JsonNode problem = validated(dir, example, example.get("status").asInt());
                    assertEquals(example.get("type").asText(), problem.get("type").asText());
                    assertTrue(problem.get("problems").get(0).path("message").path("en").asText().length() > 5, problem.toString());
                }));
        }
        return tests.stream();
    }

    @Test
    void everyFileOfThePackIsAnExampleOfAManifestOrAManifestOrTheReadme() throws IOException {
        Set<String> named = new TreeSet<>(List.of("README.md", "manifest.json"));
        for (JsonNode type : RunningHub.JSON.readTree(PACK.resolve("manifest.json").toFile()).get("documenttypes")) {
            String name = type.get("documenttype").asText();
            named.add(type.get("manifest").asText());
            JsonNode manifest = RunningHub.JSON.readTree(PACK.resolve(type.get("manifest").asText()).toFile());
            for (String kind : List.of("geldig", "ongeldig", "onleesbaar"))
                manifest.path(kind).forEach(e -> named.add(name + "/" + e.get("bestand").asText()));
        }
        Set<String> files = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(PACK)) {
            walk.filter(Files::isRegularFile).forEach(f -> files.add(PACK.relativize(f).toString().replace('\\', '/')));
        }
        assertEquals(files, named);
    }

    private static JsonNode validated(Path dir, JsonNode example, int status) throws IOException {
        long before = hub.quadCount();
        HttpResponse<String> response = hub.post("/validatie", null, example.get("mediatype").asText(),
                Files.readAllBytes(dir.resolve(example.get("bestand").asText())));
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(status == 200 ? "application/json" : "application/problem+json",
                response.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        assertEquals(before, hub.quadCount(), "validation stores nothing");
        return json(response);
    }

    private static List<String> key(JsonNode problem) {
        return FIELDS.stream().map(f -> problem.hasNonNull(f) ? problem.get(f).asText() : null).toList();
    }

    private static JsonNode find(JsonNode problems, List<String> key) {
        for (JsonNode p : problems)
            if (key(p).equals(key))
                return p;
        throw new AssertionError("no problem " + key);
    }
}
