package be.kohub.assignments;

import static be.kohub.RunningHub.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import be.kohub.RunningHub;
import be.kohub.requests.StoryFixtures;

/**
 * Two organisers assign the same child a place at the same moment, each against its own
 * request (real parallel HTTP calls, released together). Whatever the order, the hub ends in
 * one consistent state: one assignment wins, the other is refused because its request was
 * closed by the first, and each request changed exactly once.
 */
class ConcurrentAssignmentsTest {
    static RunningHub hub;
    static StoryFixtures fixtures;

    @BeforeAll
    static void start() {
        hub = RunningHub.start();
        fixtures = new StoryFixtures(hub);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void twoSimultaneousAssignmentsForOneChildEndInOneConsistentState() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long before = count("toewijzing");
        try {
            for (int round = 0; round < 6; round++) {
                String child = fixtures.child();
                String gent = requestAt(child, "llko-gent", "gent-kdv-de-knuffelboom");
                String hasselt = requestAt(child, "llko-hasselt", "hasselt-kinderkorf-kuringen");
                CountDownLatch go = new CountDownLatch(1);
                Future<HttpResponse<String>> a = pool.submit(() -> {
                    go.await();
                    return fixtures.assignment("ko-stad-gent", child, doc -> doc
                            .put("vestiging", fixtures.location("gent-kdv-de-knuffelboom")).put("aanvraag", gent));
                });
                Future<HttpResponse<String>> b = pool.submit(() -> {
                    go.await();
                    return fixtures.assignment("ko-kinderkorf-limburg", child, doc -> doc
                            .put("vestiging", fixtures.location("hasselt-kinderkorf-kuringen")).put("aanvraag", hasselt));
                });
                go.countDown();
                List<HttpResponse<String>> answers = List.of(a.get(), b.get());
                List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).sorted().toList();
                assertEquals(List.of(201, 409), statuses, "one wins, one finds its request closed: " + answers.stream().map(HttpResponse::body).toList());

                boolean gentWon = a.get().statusCode() == 201;
                String winner = gentWon ? gent : hasselt;
                String loser = gentWon ? hasselt : gent;
                String assignment = json(gentWon ? a.get() : b.get()).get("id").asText();
                assertEquals("toegewezen", fixtures.status(winner));
                assertEquals("geannuleerd", fixtures.status(loser));
                assertEquals(2, fixtures.historySize(winner), "each request changed exactly once");
                assertEquals(2, fixtures.historySize(loser));
                JsonNode cancelled = json(hub.getAs(StoryFixtures.path(loser), RunningHub.key("opgroeien"), "application/ld+json"));
                assertTrue(cancelled.toString().contains(assignment), "the cancellation names the winning assignment");
                assertTrue(json(gentWon ? b.get() : a.get()).get("type").asText().endsWith("/conflict"));
            }
            assertEquals(before + 6, count("toewijzing"), "only the winners are stored");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoSimultaneousDirectAssignmentsCancelEachRequestOnce() throws Exception {
        String child = fixtures.child();
        List<String> requests = List.of(requestAt(child, "llko-gent", "gent-kdv-de-knuffelboom"),
                requestAt(child, "llko-hasselt", "hasselt-kinderkorf-kuringen"));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (Supplier<HttpResponse<String>> post : List.<Supplier<HttpResponse<String>>>of(
                    () -> fixtures.assignment("ko-stad-gent", child, doc -> doc.put("vestiging", fixtures.location("gent-kdv-de-vlindertuin"))),
                    () -> fixtures.assignment("ko-kinderkorf-limburg", child, doc -> doc.put("vestiging", fixtures.location("genk-kinderkorf-hoevenzavel")))))
                answers.add(pool.submit(() -> {
                    go.await();
                    return post.get();
                }));
            go.countDown();
            int changed = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                assertEquals(201, answer.get().statusCode(), answer.get().body());
                changed += json(answer.get()).get("gewijzigdeAanvragen").size();
            }
            assertEquals(2, changed, "the two requests are cancelled by whichever came first, once");
            for (String request : requests) {
                assertEquals("geannuleerd", fixtures.status(request));
                assertEquals(2, fixtures.historySize(request));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String requestAt(String child, String counter, String location) {
        return fixtures.request(counter, child, doc -> doc.withArray("voorkeuren").removeAll().addObject()
                .put("type", "Voorkeur").put("rang", 1).put("vestiging", fixtures.location(location))).get("id").asText();
    }

    private static long count(String type) {
        return hub.hub.store().read(tx -> Long.parseLong(tx.select(org.apache.jena.query.QueryFactory.create(
                "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://data.kohub.be/graph/systeem> { ?d <https://data.kohub.be/ns/kohub#documenttype> \""
                        + type + "\" } }")).get(0).get("n").getLiteralLexicalForm()));
    }
}
