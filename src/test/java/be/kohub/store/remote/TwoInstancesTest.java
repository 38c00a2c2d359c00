package be.kohub.store.remote;

import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import be.kohub.RunningHub;
import be.kohub.TestStores;
import be.kohub.requests.StoryFixtures;

/**
 * Two hub instances in this JVM, each with its own write queue and no lock in common, on one real
 * Fuseki server: competing writes sent to the two at the same moment end in one consistent
 * state, as on one hub. What decides is the revision check inside each update request.
 */
class TwoInstancesTest {
    static FusekiServer fuseki;
    static RunningHub east, west;
    static StoryFixtures viaEast, viaWest;

    @BeforeAll
    static void start() throws Exception {
        fuseki = TestStores.fuseki(Files.createTempDirectory("kohub-fuseki"));
        String url = "http://localhost:" + fuseki.getPort() + "/ds";
        east = RunningHub.onStore(RemoteStore.at(url, null, null), b -> {});
        west = RunningHub.onStore(RemoteStore.at(url, null, null), b -> {});
        viaEast = new StoryFixtures(east);
        viaWest = viaEast.through(west);
    }

    @AfterAll
    static void stop() {
        east.close();
        west.close();
        fuseki.stop();
    }

    @Test
    void twoAssignmentsForOneChildOnTwoInstancesEndInOneConsistentState() throws Exception {
        long before = count("toewijzing");
        for (int round = 0; round < 4; round++) {
            String child = viaEast.child();
            String gent = requestAt(child, "llko-gent", "gent-kdv-de-knuffelboom");
            String hasselt = requestAt(child, "llko-hasselt", "hasselt-kinderkorf-kuringen");
            List<HttpResponse<String>> answers = together(
                    () -> viaEast.assignment("ko-stad-gent", child, doc -> doc
                            .put("vestiging", viaEast.location("gent-kdv-de-knuffelboom")).put("aanvraag", gent)),
                    () -> viaWest.assignment("ko-kinderkorf-limburg", child, doc -> doc
                            .put("vestiging", viaEast.location("hasselt-kinderkorf-kuringen")).put("aanvraag", hasselt)));
            assertEquals(List.of(201, 409), answers.stream().map(HttpResponse::statusCode).sorted().toList(),
                    "one wins, the other finds its request closed: " + answers.stream().map(HttpResponse::body).toList());
            boolean gentWon = answers.get(0).statusCode() == 201;
            String winner = gentWon ? gent : hasselt, loser = gentWon ? hasselt : gent;
            for (StoryFixtures via : List.of(viaEast, viaWest)) {
                assertEquals("toegewezen", via.status(winner), "both instances read the same state");
                assertEquals("geannuleerd", via.status(loser));
                assertEquals(2, via.historySize(winner), "each request changed exactly once");
                assertEquals(2, via.historySize(loser));
            }
        }
        assertEquals(before + 4, count("toewijzing"), "only the winners are stored");
    }

    @Test
    void twoUpdatesWithTheSameIfMatchOnTwoInstancesOneWinsOneIsRefused() throws Exception {
        ObjectNode sheet = (ObjectNode) RunningHub.JSON.readTree(RunningHub.sample("locaties/gent-kdv-de-knuffelboom.jsonld"));
        sheet.withArray("identificator").removeAll().addObject().put("type", "Identificator").put("notatie", "TWEE-" + System.nanoTime());
        HttpResponse<String> created = east.postJsonLd("/locaties", key("opgroeien"), sheet.toString().getBytes());
        assertEquals(201, created.statusCode(), created.body());
        String path = "/locaties/" + json(created).get("id").asText().replaceAll(".*/", "");
        String etag = json(created).get("etag").asText();
        List<HttpResponse<String>> answers = together(
                () -> east.put(path, key("opgroeien"), renamed(sheet, "Oost"), Map.of("If-Match", etag)),
                () -> west.put(path, key("opgroeien"), renamed(sheet, "West"), Map.of("If-Match", etag)));
        assertEquals(List.of(200, 412), answers.stream().map(HttpResponse::statusCode).sorted().toList(),
                answers.stream().map(HttpResponse::body).toList().toString());
        String winner = answers.get(0).statusCode() == 200 ? "Oost" : "West";
        for (RunningHub hub : List.of(east, west)) {
            HttpResponse<String> now = hub.get(path, "application/ld+json");
            assertEquals("\"v2\"", now.headers().firstValue("ETag").orElseThrow(), "one new version, not two");
            assertTrue(now.body().contains(winner), "the winner's content is stored");
        }
    }

    @Test
    void theSameNewDocumentPostedToBothInstancesAtOnceIsStoredOnce() throws Exception {
        ObjectNode sheet = (ObjectNode) RunningHub.JSON.readTree(RunningHub.sample("locaties/gent-kdv-de-knuffelboom.jsonld"));
        String localId = "RETRY-" + System.nanoTime();
        sheet.withArray("identificator").removeAll().addObject().put("type", "Identificator").put("notatie", localId);
        byte[] body = sheet.toString().getBytes();
        List<HttpResponse<String>> answers = together(
                () -> east.postJsonLd("/locaties", key("opgroeien"), body),
                () -> west.postJsonLd("/locaties", key("opgroeien"), body));
        assertEquals(List.of(200, 201), answers.stream().map(HttpResponse::statusCode).sorted().toList(),
                "a retry on another instance updates what the first created");
        assertEquals(json(answers.get(0)).get("id"), json(answers.get(1)).get("id"));
        assertEquals(1, (int) east.hub.store().<Integer>read(tx -> tx.select(QueryFactory.create(
                "SELECT ?d WHERE { GRAPH <https://data.kohub.be/graph/systeem> { ?d <https://data.kohub.be/ns/kohub#lokaleId> \"" + localId + "\" } }")).size()));
    }

    private static byte[] renamed(ObjectNode sheet, String name) {
        ObjectNode copy = sheet.deepCopy();
        copy.put("naam", "Kinderdagverblijf " + name);
        return copy.toString().getBytes();
    }

    @SafeVarargs
    private static List<HttpResponse<String>> together(Supplier<HttpResponse<String>>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = java.util.Arrays.stream(calls).map(call -> pool.submit(() -> {
                go.await();
                return call.get();
            })).toList();
            go.countDown();
            List<HttpResponse<String>> done = new java.util.ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers)
                done.add(answer.get());
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String requestAt(String child, String counter, String location) {
        return viaEast.request(counter, child, doc -> doc.withArray("voorkeuren").removeAll().addObject()
                .put("type", "Voorkeur").put("rang", 1).put("vestiging", viaEast.location(location))).get("id").asText();
    }

    private static long count(String type) {
        return east.hub.store().read(tx -> Long.parseLong(tx.select(QueryFactory.create(
                "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://data.kohub.be/graph/systeem> { ?d <https://data.kohub.be/ns/kohub#documenttype> \""
                        + type + "\" } }")).get(0).get("n").getLiteralLexicalForm()));
    }
}
