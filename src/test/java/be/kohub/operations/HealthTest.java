package be.kohub.operations;

import static be.kohub.RunningHub.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import be.kohub.RunningHub;
import be.kohub.store.ReadTx;
import be.kohub.store.Store;
import be.kohub.store.Tdb2Store;
import be.kohub.store.WriteTx;

/** {@code /health} answers while the process lives; {@code /ready} only while the store answers a real query in time. */
// Embedded only: it closes or slows the embedded store under the hub.
@Tag("embedded-only")
class HealthTest {

    @Test
    void readyWhileTheStoreAnswersAndNotOnceItIsClosedWhileHealthStaysUp() throws Exception {
        try (RunningHub hub = RunningHub.start()) {
            HttpResponse<String> health = hub.get("/health", null);
            assertEquals(200, health.statusCode());
            assertEquals("UP", json(health).get("status").asText());
            HttpResponse<String> ready = hub.get("/ready", null);
            assertEquals(200, ready.statusCode(), ready.body());
            assertEquals("READY", json(ready).get("status").asText());
            assertEquals("no-store", ready.headers().firstValue("Cache-Control").orElse(""));

            hub.hub.store().close();
            HttpResponse<String> closed = hub.get("/ready", null, Map.of("X-Request-Id", "lb-probe-1"));
            assertEquals(503, closed.statusCode(), closed.body());
            assertTrue(closed.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertEquals("https://data.kohub.be/problemen/niet-gereed", json(closed).get("type").asText());
            assertEquals("lb-probe-1", json(closed).get("requestId").asText());
            assertFalse(closed.body().contains("Exception"), "no internals in the answer: " + closed.body());
            assertEquals(200, hub.get("/health", null).statusCode(), "the process is still alive");
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(120) // a guard against hanging, should /ready wait for the stalled store; not a speed check
    void aStoreThatDoesNotAnswerInTimeIsNotReady() throws Exception {
        Path dir = Files.createTempDirectory("kohub-stalling");
        StallingStore store = new StallingStore(Tdb2Store.at(dir));
        try (RunningHub hub = RunningHub.on(dir, b -> b.store(store).readyTimeout(Duration.ofMillis(300)))) {
            assertEquals(200, hub.get("/ready", null).statusCode());
            store.stall();
            // The store stays stalled until resume() below: an answer at all means /ready did not wait for it.
            HttpResponse<String> stalled = hub.get("/ready", null);
            assertEquals(503, stalled.statusCode(), stalled.body());
            assertEquals(503, hub.get("/ready", null).statusCode(), "a second probe waits on the same stalled check");
            assertEquals(200, hub.get("/health", null).statusCode(), "health does not touch the store");
            store.resume();
            assertEquals(200, hub.get("/ready", null).statusCode(), "ready again once the store answers");
        }
    }

    /**
     * The real TDB2 store whose reads can be held up, as a remote store's are when its server hangs
     * (TDB2's own readers never wait, so there is no other way to make one slow).
     */
    private static final class StallingStore implements Store {
        private final Store store;
        private volatile CountDownLatch gate = new CountDownLatch(0);

        StallingStore(Store store) {
            this.store = store;
        }

        void stall() {
            gate = new CountDownLatch(1);
        }

        void resume() {
            gate.countDown();
        }

        @Override
        public <T> T read(Function<ReadTx, T> work) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return store.read(work);
        }

        @Override
        public <T> T write(Function<WriteTx, T> work) {
            return store.write(work);
        }

        @Override
        public DatasetGraph dataset() {
            return store.dataset();
        }

        @Override
        public void close() {
            resume();
            store.close();
        }
    }
}
