package be.kohub.webhooks;

import static be.kohub.RunningHub.key;
import static be.kohub.webhooks.Subscribing.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import be.kohub.RunningHub;
import be.kohub.requests.StoryFixtures;

/**
 * A subscriber hears of a request exactly when it may read it through the API after the change:
 * another counter hears of a consented request of a family living in its area, not of one
 * without consent, and not of the withdrawal of consent that hides the request from it.
 */
class DeliveryAccessTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aSubscriberNeverHearsOfARequestItMayNotRead() {
        try (RunningHub hub = RunningHub.start(b -> b.webhooks(Subscribing.fast(5)));
             Receiver gent = Receiver.start(); Receiver hasselt = Receiver.start(); Receiver wolkje = Receiver.start()) {
            StoryFixtures fixtures = new StoryFixtures(hub);
            subscribe(hub, "llko-gent", gent.url(), "aanvraag.*");
            subscribe(hub, "llko-hasselt", hasselt.url(), "aanvraag.*");
            subscribe(hub, "ko-wolkje", wolkje.url(), "*");
            String shared = fixtures.request("llko-hasselt", fixtures.child(), doc -> fixtures.atKuringen(doc, "44021", true, "Janssens")).get("id").asText();
            String notShared = fixtures.request("llko-hasselt", fixtures.child(), doc -> fixtures.atKuringen(doc, "44021", false, "Claes")).get("id").asText();
            var withdrawn = hub.post(StoryFixtures.path(shared) + "/toestemming", key("llko-hasselt"), "application/json",
                    "{\"toestemmingDelen\": false}".getBytes(StandardCharsets.UTF_8));
            assertEquals(200, withdrawn.statusCode(), withdrawn.body());

            List<Receiver.Received> own = hasselt.awaitAccepted(3, r -> true, WAIT);
            assertEquals(java.util.stream.Stream.of("aanvraag.aangemaakt " + shared, "aanvraag.aangemaakt " + notShared, "aanvraag.toestemming " + shared)
                            .sorted().toList(),
                    own.stream().map(DeliveryAccessTest::describe).sorted().toList(), "the registering counter hears of all three");
            CancellationWebhookTest.awaitEmptyOutbox(hub);
            assertEquals(List.of("aanvraag.aangemaakt " + shared), gent.received().stream().map(DeliveryAccessTest::describe).toList(),
                    "Gent heard only of the consented request, while it could read it");
            assertEquals(0, wolkje.received().size(), "an organiser of no chosen location hears of none");
            for (Receiver.Received r : hasselt.received())
                for (String personal : List.of("Janssens", "Claes"))
                    assertFalse(r.body().contains(personal));
        }
    }

    @Test
    void aRevokedClientsSubscriptionsGetNothingMore() {
        try (RunningHub hub = RunningHub.start(b -> b.webhooks(Subscribing.fast(5)));
             Receiver revoked = Receiver.start(); Receiver control = Receiver.start()) {
            var created = hub.post("/beheer/clients", key("opgroeien"), "application/json",
                    "{\"name\": \"ko-nieuw\", \"role\": \"ko\", \"organisator\": \"0299541641\"}".getBytes(StandardCharsets.UTF_8));
            assertEquals(201, created.statusCode(), created.body());
            String managedKey = be.kohub.RunningHub.json(created).get("key").asText();
            var subscribed = hub.post("/abonnementen", managedKey, "application/json",
                    ("{\"callbackUrl\": \"" + revoked.url() + "\", \"gebeurtenistypes\": [\"locatie.*\"]}").getBytes(StandardCharsets.UTF_8));
            assertEquals(201, subscribed.statusCode(), subscribed.body());
            subscribe(hub, "opgroeien", control.url(), "locatie.*");
            byte[] sheet = be.kohub.RunningHub.sample("locaties/gent-kdv-de-knuffelboom.jsonld");
            assertEquals(201, hub.postJsonLd("/locaties", key("ko-stad-gent"), sheet).statusCode());
            revoked.awaitAccepted(1, r -> true, WAIT);

            assertEquals(204, hub.delete("/beheer/clients/ko-nieuw", key("opgroeien"), java.util.Map.of()).statusCode());
            assertEquals(200, hub.postJsonLd("/locaties", key("ko-stad-gent"), new String(sheet, StandardCharsets.UTF_8)
                    .replace("\"capaciteit\": 42", "\"capaciteit\": 40").getBytes(StandardCharsets.UTF_8)).statusCode());
            control.awaitAccepted(2, r -> true, WAIT);
            CancellationWebhookTest.awaitEmptyOutbox(hub);
            assertEquals(1, revoked.received().size(), "nothing after the client was revoked: " + revoked.received());
        }
    }

    private static String describe(Receiver.Received r) {
        return r.json().get("type").asText() + " " + r.json().get("data").get("document").asText();
    }
}
