package be.kohub.webhooks;

import static be.kohub.RunningHub.key;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;

import be.kohub.RunningHub;
import be.kohub.TestStores;
import be.kohub.store.remote.RemoteStore;

/**
 * Two hub instances on one Fuseki server both run a delivery worker over the one outbox: each
 * change reaches the receiver once, because an instance takes a delivery (in a guarded write)
 * before it sends it.
 */
class TwoInstancesDeliveryTest {
    @Test
    void eachDeliveryIsSentByOneInstance() throws Exception {
        FusekiServer fuseki = TestStores.fuseki(Files.createTempDirectory("kohub-fuseki"));
        String url = "http://localhost:" + fuseki.getPort() + "/ds";
        try (Receiver receiver = Receiver.start();
             RunningHub east = RunningHub.onStore(RemoteStore.at(url, null, null), b -> b.webhooks(Subscribing.fast(3)));
             RunningHub west = RunningHub.onStore(RemoteStore.at(url, null, null), b -> b.webhooks(Subscribing.fast(3)))) {
            Subscribing.subscribe(east, "opgroeien", receiver.url(), "locatie.*");
            int changes = 8;
            for (int i = 0; i < changes; i++) {
                ObjectNode sheet = (ObjectNode) RunningHub.JSON.readTree(RunningHub.sample("locaties/gent-kdv-de-knuffelboom.jsonld"));
                sheet.withArray("identificator").removeAll().addObject().put("type", "Identificator").put("notatie", "TWEE-" + i);
                RunningHub via = i % 2 == 0 ? east : west;
                assertEquals(201, via.postJsonLd("/locaties", key("opgroeien"), sheet.toString().getBytes()).statusCode());
            }
            receiver.awaitAccepted(changes, r -> true, Duration.ofSeconds(60));
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (Subscribing.outboxRows(east) > 0 && System.nanoTime() < end)
                Receiver.sleep(50);
            assertEquals(0, Subscribing.outboxRows(east), "every delivery done");
            Receiver.sleep(1_000); // a worker that would send again has had several polls to do it
            Map<String, Long> perEvent = receiver.received().stream()
                    .collect(Collectors.groupingBy(r -> r.headers().get("webhook-id"), Collectors.counting()));
            assertEquals(changes, perEvent.size(), "one event per change");
            assertEquals(List.of(1L), perEvent.values().stream().distinct().toList(), "each sent once: " + perEvent);
        } finally {
            fuseki.stop();
        }
    }
}
