package be.kohub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import be.kohub.Hub;
import be.kohub.store.Tdb2Store;

/** The command line as an operator uses it: exit codes and words. */
class CliTest {
    static final String VALID = "sample-data/locaties/gent-kdv-de-rups.jsonld";
    static final String INVALID = "sample-data/conformiteit/locatie/ongeldig/postcode-drie-cijfers.jsonld";
    static final String UNREADABLE = "sample-data/conformiteit/locatie/onleesbaar/ongeldige-json.json";

    @Test
    void validateSaysValidInvalidOrUnreadableByExitCode() {
        assertEquals(0, run("validate", VALID).exit);
        Run invalid = run("validate", VALID, INVALID);
        assertEquals(1, invalid.exit);
        assertTrue(invalid.out.contains("postcode"), invalid.out);
        assertTrue(invalid.out.contains("Een adres heeft precies één Belgische postcode"), invalid.out);
        assertEquals(2, run("validate", INVALID, UNREADABLE).exit);
        assertEquals(2, run("validate", "does-not-exist.jsonld").exit);
    }

    /** Every field of every problem, as the conformance pack's manifest names them, in words and as --json. */
    @Test
    void validatePrintsEveryFieldOfEveryProblem() throws Exception {
        String file = "sample-data/conformiteit/locatie/ongeldig/twee-fouten.jsonld";
        com.fasterxml.jackson.databind.JsonNode expected = null;
        for (var entry : be.kohub.RunningHub.JSON.readTree(Path.of("sample-data/conformiteit/locatie/manifest.json").toFile()).get("ongeldig"))
            if (file.endsWith(entry.get("bestand").asText()))
                expected = entry.get("verwacht");
        assertEquals(2, expected.size());
        Run words = run("validate", file);
        assertEquals(1, words.exit);
        assertTrue(words.out.contains("invalid locatie, 2 problems"), words.out);
        for (var problem : expected) {
            String constraint = problem.get("constraint").asText();
            for (String shown : List.of("focus node  " + problem.get("focusNode").asText(), "<" + problem.get("path").asText() + ">",
                    "value       \"" + problem.get("value").asText() + "\"", "shape       " + problem.get("shape").asText(),
                    "constraint  sh:" + constraint.substring(constraint.indexOf('#') + 1)))
                assertTrue(words.out.contains(shown), shown + " in\n" + words.out);
        }
        Run json = run("validate", "--json", file);
        assertEquals(1, json.exit);
        var answer = be.kohub.RunningHub.JSON.readTree(json.out).get(0);
        assertEquals(file, answer.get("file").asText());
        assertEquals("locatie", answer.get("documentType").asText());
        assertEquals(expected.size(), answer.get("problems").size());
        for (int i = 0; i < expected.size(); i++)
            for (String field : List.of("focusNode", "path", "value", "shape", "constraint"))
                assertEquals(expected.get(i).get(field), answer.get("problems").get(i).get(field), field);
        for (var problem : answer.get("problems"))
            assertTrue(words.out.contains(problem.at("/message/nl").asText()) && words.out.contains(problem.at("/message/en").asText()), words.out);
    }

    @Test
    void loadStoresValidSheetsWithTheSameValidation(@TempDir Path data) {
        Run load = run("load", "--data", data.toString(), VALID, INVALID);
        assertEquals(1, load.exit, load.out);
        assertTrue(load.out.contains("created"), load.out);
        try (Hub hub = Hub.builder().store(Tdb2Store.at(data)).port(0).build()) {
            long sheets = hub.store().read(tx -> tx.select(QueryFactory.create(
                    "SELECT ?d WHERE { GRAPH <https://data.kohub.be/graph/systeem> { ?d <https://data.kohub.be/ns/kohub#documenttype> \"locatie\" } }")).size()).longValue();
            assertEquals(1, sheets);
        }
        assertEquals(0, run("load", "--data", data.toString(), VALID).exit, "loading again updates");
    }

    @Test
    void demoLoadsTheSamplesOnFirstStartOnly(@TempDir Path data) throws Exception {
        try (Hub hub = Hub.builder().store(Tdb2Store.at(data)).port(0)
                .clients(be.kohub.access.ApiKeys.fromFile(Path.of("sample-data/demo-clients.json"))).build()) {
            DemoData demo = new DemoData(hub, Path.of("sample-data"));
            DemoData.Result first = demo.loadIfEmpty();
            long files;
            try (var list = Files.list(Path.of("sample-data/locaties"))) {
                files = list.count();
            }
            assertEquals(files, first.loaded());
            assertEquals(0, first.skipped());
            assertEquals(false, demo.loadIfEmpty().wasEmpty());
        }
    }

    record Run(int exit, String out) {}

    private static Run run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new Main()).execute(args);
            return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
