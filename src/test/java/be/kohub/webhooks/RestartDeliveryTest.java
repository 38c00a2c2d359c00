package be.kohub.webhooks;

import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.key;
import static be.kohub.RunningHub.sample;
import static be.kohub.webhooks.Subscribing.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;

import be.kohub.Hub;
import be.kohub.RunningHub;

/**
 * At least once across a restart: with the receiver down, changes are made and their deliveries
 * fail; the hub stops with them pending and starts again on the same store; the receiver comes
 * up. Every event arrives, and an event that arrives more than once does so with the same id and
 * the same body.
 */
class RestartDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int CHANGES = 5;

    @Test
    void nothingPendingIsLostOverARestartAndRepeatsKeepTheirId() {
        // many attempts, so that none becomes a dead letter while the receiver is down
        Consumer<Hub.Builder> settings = b -> b.webhooks(Subscribing.fast(100).withBackoff(Duration.ofMillis(50), Duration.ofMillis(400)));
        RunningHub first = RunningHub.start(settings);
        RunningHub hub = null;
        Receiver down = Receiver.start();
        int port = down.port();
        try {
            subscribe(first, "ko-stad-gent", down.url(), "locatie.*");
            down.close();
            String sheet = new String(sample("locaties/gent-kdv-de-knuffelboom.jsonld"), StandardCharsets.UTF_8);
            String location = null;
            for (int i = 0; i < CHANGES; i++) {
                var posted = first.postJsonLd("/locaties", key("ko-stad-gent"),
                        sheet.replace("\"capaciteit\": 42", "\"capaciteit\": " + (30 + i)).getBytes(StandardCharsets.UTF_8));
                assertEquals(i == 0 ? 201 : 200, posted.statusCode(), posted.body());
                location = json(posted).get("id").asText();
            }
            awaitFailedAttempts(first);
            assertEquals(CHANGES, Subscribing.outboxRows(first), "every change has its delivery pending");

            hub = first.restart(settings);
            try (Receiver up = Receiver.on(port)) {
                up.awaitAccepted(CHANGES, r -> true, WAIT);
                CancellationWebhookTest.awaitEmptyOutbox(hub);
                Map<String, Set<String>> bodies = new HashMap<>();
                up.received().forEach(r -> bodies.computeIfAbsent(r.id(), k -> new TreeSet<>()).add(r.body()));
                assertEquals(events(hub, location), bodies.keySet(), "every event arrived: one delivery per event of the event log");
                bodies.forEach((id, distinct) -> assertEquals(1, distinct.size(), "a repeat of " + id + " carries the same body"));
                assertTrue(up.received().stream().allMatch(r -> r.attempt() > 1), "each was tried before the restart, and counted on");
            }
        } finally {
            (hub != null ? hub : first).close();
        }
    }

    /** Waits until every pending delivery failed at least once (the receiver is down). */
    private static void awaitFailedAttempts(RunningHub hub) {
        long end = System.nanoTime() + WAIT.toNanos();
        String untried = "SELECT (COUNT(?d) AS ?n) WHERE { GRAPH <https://data.kohub.be/graph/bezorgingen> { ?d <https://data.kohub.be/ns/kohub#pogingen> 0 } }";
        while (Long.parseLong(hub.hub.store().read(tx -> tx.select(QueryFactory.create(untried))).get(0).get("n").getLiteralLexicalForm()) > 0) {
            if (System.nanoTime() > end)
                throw new AssertionError("deliveries not tried");
            Receiver.sleep(20);
        }
    }

    private static Set<String> events(RunningHub hub, String document) {
        List<String> ids = hub.hub.store().read(tx -> tx.select(QueryFactory.create(
                "SELECT ?e WHERE { GRAPH <https://data.kohub.be/graph/gebeurtenissen> { ?e <http://purl.org/dc/terms/subject> <" + document + "> } }")))
                .stream().map(row -> row.get("e").getURI().substring("urn:uuid:".length())).toList();
        assertEquals(CHANGES, ids.size());
        return new TreeSet<>(ids);
    }
}
