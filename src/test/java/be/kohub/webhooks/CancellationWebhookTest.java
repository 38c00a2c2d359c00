package be.kohub.webhooks;

import static be.kohub.RunningHub.json;
import static be.kohub.webhooks.Subscribing.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;

import be.kohub.RunningHub;
import be.kohub.requests.StoryFixtures;

/**
 * The done-when: a counter registers a receiver, an organiser posts an assignment that
 * covers the child's plan, and the cancellation of the counter's request arrives signed at the
 * counter's receiver, although the counter subscribed to other types only. Systems that may not
 * read the request hear nothing of it.
 */
class CancellationWebhookTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void theCounterWhoseRequestWasCancelledHearsItSigned() {
        try (RunningHub hub = RunningHub.start(b -> b.webhooks(Subscribing.fast(5)));
             Receiver gent = Receiver.start(); Receiver kinderkorf = Receiver.start(); Receiver hasselt = Receiver.start();
             Receiver stadGent = Receiver.start(); Receiver beheer = Receiver.start()) {
            StoryFixtures fixtures = new StoryFixtures(hub);
            // the Gent counter asks only for location changes: the cancellation rule brings it its own request's cancellation
            String gentSecret = subscribe(hub, "llko-gent", gent.url(), "locatie.gewijzigd").get("geheim").asText();
            subscribe(hub, "ko-kinderkorf-limburg", kinderkorf.url(), "aanvraag.*", "toewijzing.*");
            subscribe(hub, "llko-hasselt", hasselt.url(), "*");
            String stadGentSecret = subscribe(hub, "ko-stad-gent", stadGent.url(), "aanvraag.status").get("geheim").asText();
            subscribe(hub, "opgroeien", beheer.url(), "aanvraag.status");

            String child = fixtures.child();
            String request = fixtures.request("llko-gent", child, doc -> {}).get("id").asText();
            HttpResponse<String> assigned = fixtures.assignment("ko-kinderkorf-limburg", child, doc -> {});
            assertEquals(201, assigned.statusCode(), assigned.body());
            String assignment = json(assigned).get("id").asText();
            assertEquals("geannuleerd", fixtures.status(request));

            Receiver.Received cancellation = gent.awaitAccepted(1, r -> true, WAIT).get(0);
            JsonNode payload = cancellation.json();
            assertEquals("aanvraag.status", payload.get("type").asText());
            assertEquals(cancellation.id(), payload.get("id").asText());
            JsonNode data = payload.get("data");
            assertEquals(request, data.get("document").asText());
            assertEquals("aanvraag", data.get("documenttype").asText());
            assertEquals("status", data.get("bewerking").asText());
            assertEquals(2, data.get("versie").asInt());
            assertEquals("geannuleerd", data.get("status").asText());
            assertEquals("toegewezen-elders", data.get("reden").asText());
            assertEquals(assignment, data.get("veroorzaaktDoor").asText());
            assertTrue(cancellation.signedWith(gentSecret), "the signature verifies with the counter's secret: " + cancellation.headers());
            assertFalse(cancellation.signedWith(stadGentSecret), "and with no other");
            long sent = Long.parseLong(cancellation.headers().get("webhook-timestamp"));
            assertTrue(Math.abs(Instant.now().getEpochSecond() - sent) < 300, "the timestamp is now, in unix seconds");
            assertEquals("application/json", cancellation.headers().get("content-type"));
            assertEquals(1, cancellation.attempt());
            boolean logged = hub.hub.store().read(tx -> tx.ask(QueryFactory.create("ASK { GRAPH <https://data.kohub.be/graph/gebeurtenissen> { <urn:uuid:"
                    + cancellation.id() + "> <http://purl.org/dc/terms/subject> <" + request + "> ; <https://data.kohub.be/ns/kohub#bewerking> \"status\" } }")));
            assertTrue(logged, "the webhook-id is the id of the event in the event log");
            for (String personal : List.of("El Amrani", "Sara", "Peeters", "sara.elamrani", child))
                assertFalse(cancellation.body().contains(personal), "no personal data or child code in a delivery: " + personal);

            // the organiser of a chosen location reads the request, so it hears of its cancellation too (with its own signature)
            Receiver.Received atStadGent = stadGent.awaitAccepted(1, r -> true, WAIT).get(0);
            assertEquals(cancellation.id(), atStadGent.id(), "the same event, the same id");
            assertTrue(atStadGent.signedWith(stadGentSecret));
            beheer.awaitAccepted(1, r -> r.id().equals(cancellation.id()), WAIT);
            // the assigning organiser hears of its assignment, not of the Gent request it may not read
            Receiver.Received own = kinderkorf.awaitAccepted(1, r -> true, WAIT).get(0);
            assertEquals("toewijzing.aangemaakt", own.json().get("type").asText());
            assertEquals(assignment, own.json().get("data").get("document").asText());
            assertEquals("toegewezen", own.json().get("data").get("status").asText());

            awaitEmptyOutbox(hub);
            assertEquals(1, gent.received().size(), "the counter got its cancellation only: " + gent.received());
            assertEquals(1, stadGent.received().size());
            assertEquals(1, kinderkorf.received().size(), "nothing about a request kinderkorf may not read: " + kinderkorf.received());
            assertEquals(0, hasselt.received().size(), "a counter outside the area hears nothing of either: " + hasselt.received());
            assertEquals(1, beheer.received().size());
        }
    }

    static void awaitEmptyOutbox(RunningHub hub) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (Subscribing.outboxRows(hub) > 0) {
            if (System.nanoTime() > end)
                throw new AssertionError("the outbox still holds " + Subscribing.outboxRows(hub) + " deliveries");
            Receiver.sleep(20);
        }
    }
}
