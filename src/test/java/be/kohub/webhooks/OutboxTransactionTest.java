package be.kohub.webhooks;

import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.key;
import static be.kohub.RunningHub.sample;
import static be.kohub.webhooks.Subscribing.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import be.kohub.RunningHub;

/**
 * The outbox is written in the transaction of the change: a change answered as made has its
 * delivery stored already, a rejected one has none, also when it shares a group commit with
 * changes that are made. The receiver refuses everything and retries are minutes apart, so every
 * delivery planned stays in the outbox to be counted.
 */
class OutboxTransactionTest {

    @Test
    void deliveriesCommitWithTheChangeAndARejectedWriteHasNone() throws Exception {
        try (RunningHub hub = RunningHub.start(b -> b.webhooks(Subscribing.fast(100).withBackoff(Duration.ofMinutes(5), Duration.ofMinutes(10))));
             Receiver refusing = Receiver.start().answering(n -> 503)) {
            subscribe(hub, "opgroeien", refusing.url(), "locatie.*");
            String valid = new String(sample("locaties/gent-kdv-de-rups.jsonld"), StandardCharsets.UTF_8);
            String invalid = new String(sample("conformiteit/locatie/ongeldig/capaciteit-als-tekst.jsonld"), StandardCharsets.UTF_8);

            long before = hub.quadCountOutsideAudit();
            assertEquals(422, hub.postJsonLd("/locaties", key("opgroeien"), invalid.getBytes(StandardCharsets.UTF_8)).statusCode());
            assertEquals(0, Subscribing.outboxRows(hub), "a rejected document plans no delivery");
            assertEquals(before, hub.quadCountOutsideAudit());

            HttpResponse<String> created = hub.postJsonLd("/locaties", key("opgroeien"), valid.getBytes(StandardCharsets.UTF_8));
            assertEquals(201, created.statusCode(), created.body());
            assertEquals(1, Subscribing.outboxRows(hub), "the delivery is stored by the time the change is answered");
            String path = json(created).get("id").asText().replaceFirst("^.*/id/locatie/", "/locaties/");
            HttpResponse<String> stale = hub.put(path, key("opgroeien"), valid.getBytes(StandardCharsets.UTF_8), Map.of("If-Match", "\"v9\""));
            assertEquals(412, stale.statusCode());
            assertEquals(1, Subscribing.outboxRows(hub), "a refused update plans none");

            HttpResponse<String> batch = hub.postJsonLd("/locaties", key("opgroeien"),
                    ("[" + invalid + "," + sheet("gent-kdv-de-notelaar") + "]").getBytes(StandardCharsets.UTF_8));
            assertEquals(200, batch.statusCode(), batch.body());
            assertEquals(1, json(batch).get("stored").asInt());
            assertEquals(2, Subscribing.outboxRows(hub), "of a batch, only the stored document");

            // concurrent writes share group commits: each rejected one leaves no row, each made one leaves one
            List<String> sheets = List.of("gent-kdv-de-speelboot", "gent-kdv-de-vlindertuin", "gent-kdv-het-zonnekind",
                    "gent-gezinsopvang-het-kabouterhuis", "aalst-kdv-de-ajuinkes", "brugge-kdv-de-reiger", "kortrijk-kdv-de-leiebengels",
                    "leuven-kdv-campuskinderen");
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<Integer>> answers = new ArrayList<>();
            for (String name : sheets) {
                answers.add(pool.submit(() -> hub.postJsonLd("/locaties", key("opgroeien"), sheet(name).getBytes(StandardCharsets.UTF_8)).statusCode()));
                answers.add(pool.submit(() -> hub.postJsonLd("/locaties", key("opgroeien"), invalid.getBytes(StandardCharsets.UTF_8)).statusCode()));
            }
            int made = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                if (status == 201)
                    made++;
                else
                    assertEquals(422, status);
            }
            pool.shutdown();
            assertEquals(sheets.size(), made);
            assertEquals(2 + made, Subscribing.outboxRows(hub), "one delivery per change made, none for the rejected ones");
        }
    }

    private static String sheet(String name) {
        return new String(sample("locaties/" + name + ".jsonld"), StandardCharsets.UTF_8);
    }
}
