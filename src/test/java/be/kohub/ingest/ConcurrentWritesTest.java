package be.kohub.ingest;

import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.key;
import static be.kohub.RunningHub.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;

import be.kohub.RunningHub;

/**
 * Real parallel HTTP writes, committed in groups by one writer: every request gets its own
 * answer, retries of one sheet never duplicate it, and a refused write does not spoil the others
 * committed with it.
 */
class ConcurrentWritesTest {

    @Test
    void parallelPostsAndAStalePutEndInOneConsistentState() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (RunningHub hub = RunningHub.start()) {
            String beheer = key("opgroeien");
            HttpResponse<String> first = hub.postJsonLd("/locaties", beheer, sample("locaties/gent-kdv-de-rups.jsonld"));
            String rups = first.headers().firstValue("Location").orElseThrow();

            List<Path> sheets;
            try (Stream<Path> files = Files.list(RunningHub.SAMPLES.resolve("locaties"))) {
                sheets = files.sorted().limit(16).toList();
            }
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (Path sheet : sheets)
                calls.add(() -> hub.postJsonLd("/locaties", beheer, Files.readAllBytes(sheet)));
            for (int i = 0; i < 6; i++)
                calls.add(() -> hub.postJsonLd("/locaties", beheer, sample("locaties/gent-kdv-de-rups.jsonld")));
            calls.add(() -> hub.put(rups, beheer, sample("locaties/gent-kdv-de-rups.jsonld"), Map.of("If-Match", "\"v0\"")));

            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> f : pool.invokeAll(calls))
                answers.add(f.get());

            HttpResponse<String> stale = answers.get(answers.size() - 1);
            assertEquals(412, stale.statusCode(), stale.body());
            Set<Long> rupsVersions = new HashSet<>();
            for (HttpResponse<String> answer : answers.subList(0, answers.size() - 1)) {
                assertTrue(List.of(200, 201).contains(answer.statusCode()), answer.body());
                if (json(answer).get("id").asText().endsWith(rups.substring(rups.lastIndexOf('/') + 1)))
                    rupsVersions.add(json(answer).get("versie").asLong());
            }
            boolean rupsInSheets = sheets.stream().anyMatch(p -> p.getFileName().toString().equals("gent-kdv-de-rups.jsonld"));
            assertEquals(6 + (rupsInSheets ? 1 : 0), rupsVersions.size(), "every retry is its own version: " + rupsVersions);

            long documents = hub.hub.store().read(tx -> (long) tx.select(QueryFactory.create(
                    "SELECT ?d WHERE { GRAPH <https://data.kohub.be/graph/systeem> { ?d <https://data.kohub.be/ns/kohub#documenttype> \"locatie\" } }")).size());
            long expected = sheets.stream().filter(p -> !p.getFileName().toString().equals("gent-kdv-de-rups.jsonld")).count() + 1;
            assertEquals(expected, documents, "no sheet stored twice");
        } finally {
            pool.shutdownNow();
        }
    }
}
