package be.kohub.webhooks;

import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.key;
import static be.kohub.RunningHub.sample;
import static be.kohub.webhooks.Subscribing.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import be.kohub.RunningHub;

/**
 * A receiver that fails for a while gets the same event again, with the same webhook-id and a
 * rising attempt number, until it takes it; one that fails longer than the attempts allow leaves
 * a dead letter, which its owner and beheer read and send again.
 */
class RetryAndDeadLetterTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aReceiverThatFailsForAWhileGetsTheSameEventUntilItTakesIt() {
        try (RunningHub hub = RunningHub.start(b -> b.webhooks(Subscribing.fast(10)));
             Receiver receiver = Receiver.start().answering(n -> n <= 3 ? 503 : 204)) {
            JsonNode subscription = subscribe(hub, "ko-stad-gent", receiver.url(), "locatie.*");
            String secret = subscription.get("geheim").asText();
            HttpResponse<String> posted = hub.postJsonLd("/locaties", key("ko-stad-gent"), sample("locaties/gent-kdv-de-knuffelboom.jsonld"));
            assertEquals(201, posted.statusCode(), posted.body());

            receiver.awaitAccepted(1, r -> true, WAIT);
            List<Receiver.Received> all = receiver.received();
            assertEquals(4, all.size(), all.toString());
            assertEquals(List.of(503, 503, 503, 204), all.stream().map(Receiver.Received::answered).toList());
            assertEquals(List.of(1, 2, 3, 4), all.stream().map(Receiver.Received::attempt).toList(), "the attempt number rises");
            assertEquals(1, all.stream().map(Receiver.Received::id).distinct().count(), "one webhook-id on every attempt");
            assertEquals(1, all.stream().map(Receiver.Received::body).distinct().count(), "the same body on every attempt");
            assertTrue(all.stream().allMatch(r -> r.signedWith(secret)), "each attempt is signed for its own timestamp");
            assertEquals("locatie.aangemaakt", all.get(0).json().get("type").asText());
            assertEquals(json(posted).get("id").asText(), all.get(0).json().get("data").get("document").asText());
            CancellationWebhookTest.awaitEmptyOutbox(hub);
            JsonNode after = json(hub.getAs("/abonnementen/" + subscription.get("id").asText(), key("ko-stad-gent"), "application/json"));
            assertEquals(0, after.get("wachtend").asInt());
            assertEquals(0, after.get("dodeBrieven").asInt());
        }
    }

    @Test
    void exhaustedRetriesLeaveADeadLetterThatOwnerAndBeheerReadAndReplay() {
        try (RunningHub hub = RunningHub.start(b -> b.webhooks(Subscribing.fast(3)));
             Receiver receiver = Receiver.start().answering(n -> 500)) {
            String id = subscribe(hub, "ko-stad-gent", receiver.url(), "locatie.aangemaakt", "locatie.gewijzigd").get("id").asText();
            String path = "/abonnementen/" + id;
            byte[] sheet = sample("locaties/gent-kdv-de-knuffelboom.jsonld");
            assertEquals(201, hub.postJsonLd("/locaties", key("ko-stad-gent"), sheet).statusCode());
            assertEquals(200, hub.postJsonLd("/locaties", key("ko-stad-gent"), new String(sheet, StandardCharsets.UTF_8)
                    .replace("\"capaciteit\": 42", "\"capaciteit\": 40").getBytes(StandardCharsets.UTF_8)).statusCode());

            JsonNode dead = awaitDeadLetters(hub, path, 2);
            assertEquals(6, receiver.received().size(), "three attempts each, then no more: " + receiver.received());
            Receiver.sleep(300);
            assertEquals(6, receiver.received().size(), "a dead letter is not tried again by itself");
            JsonNode letter = dead.get(0);
            assertEquals(3, letter.get("pogingen").asInt());
            assertEquals("HTTP 500", letter.get("laatsteFout").asText());
            assertEquals(letter.get("gebeurtenis").asText(), letter.get("inhoud").get("id").asText());
            assertEquals(Set.of("locatie.aangemaakt", "locatie.gewijzigd"),
                    Set.of(dead.get(0).get("type").asText(), dead.get(1).get("type").asText()));
            assertEquals(dead.toString(), json(hub.getAs(path + "/dode-brieven", key("opgroeien"), "application/json")).get("dodeBrieven").toString(),
                    "beheer reads the same list");
            assertEquals(2, json(hub.getAs(path, key("ko-stad-gent"), "application/json")).get("dodeBrieven").asInt());
            assertEquals(404, hub.getAs(path + "/dode-brieven", key("ko-wolkje"), "application/json").statusCode());

            receiver.answering(n -> 204);
            long before = hub.quadCountOutsideAudit();
            HttpResponse<String> unknown = hub.post(path + "/dode-brieven/opnieuw", key("ko-stad-gent"), "application/json",
                    "{\"id\": \"00000000-0000-0000-0000-000000000000\"}".getBytes(StandardCharsets.UTF_8));
            assertEquals(404, unknown.statusCode());
            assertEquals(before, hub.quadCountOutsideAudit());
            String first = letter.get("id").asText();
            HttpResponse<String> one = hub.post(path + "/dode-brieven/opnieuw", key("opgroeien"), "application/json",
                    ("{\"id\": \"" + first + "\"}").getBytes(StandardCharsets.UTF_8));
            assertEquals(200, one.statusCode(), one.body());
            assertEquals(1, json(one).get("opnieuw").asInt());
            Receiver.Received replayed = receiver.awaitAccepted(1, r -> true, WAIT).get(0);
            assertEquals(letter.get("gebeurtenis").asText(), replayed.id(), "a replay keeps the event's id");
            assertEquals(1, replayed.attempt(), "and counts its attempts afresh");
            assertEquals(1, json(hub.getAs(path + "/dode-brieven", key("ko-stad-gent"), "application/json")).get("dodeBrieven").size());

            HttpResponse<String> all = hub.post(path + "/dode-brieven/opnieuw", key("ko-stad-gent"), "application/json", new byte[0]);
            assertEquals(1, json(all).get("opnieuw").asInt());
            List<Receiver.Received> taken = receiver.awaitAccepted(2, r -> true, WAIT);
            assertEquals(dead.findValuesAsText("gebeurtenis").stream().collect(Collectors.toSet()),
                    taken.stream().map(Receiver.Received::id).collect(Collectors.toSet()), "both events arrived, each once");
            CancellationWebhookTest.awaitEmptyOutbox(hub);
            assertEquals(0, json(hub.getAs(path + "/dode-brieven", key("ko-stad-gent"), "application/json")).get("dodeBrieven").size());
        }
    }

    private static JsonNode awaitDeadLetters(RunningHub hub, String path, int count) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            JsonNode list = json(hub.getAs(path + "/dode-brieven", key("ko-stad-gent"), "application/json")).get("dodeBrieven");
            if (list.size() >= count)
                return list;
            if (System.nanoTime() > end)
                throw new AssertionError("expected " + count + " dead letters, got " + list);
            Receiver.sleep(20);
        }
    }
}
