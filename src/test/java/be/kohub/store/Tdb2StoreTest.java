package be.kohub.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Closing the embedded store while a background read is still running. */
@Tag("embedded-only")
class Tdb2StoreTest {
    private static final Quad QUAD = Quad.create(NodeFactory.createURI("urn:g"), NodeFactory.createURI("urn:s"),
            NodeFactory.createURI("urn:p"), NodeFactory.createLiteralString("o"));

    @Test
    @Timeout(120) // a hang guard for the wait on the closing thread, not a speed check
    void closeWaitsForARunningReadAndTheDirectoryOpensAgain() throws Exception {
        Path dir = Files.createTempDirectory("kohub-close");
        Tdb2Store store = Tdb2Store.at(dir);
        store.write(tx -> {
            store.dataset().add(QUAD);
            return null;
        });
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> read = CompletableFuture.supplyAsync(() -> store.read(tx -> {
            reading.countDown();
            await(release);
            return store.dataset().contains(QUAD);
        }));
        assertTrue(reading.await(60, TimeUnit.SECONDS), "hang guard: the read never started");

        CompletableFuture<Void> close = new CompletableFuture<>();
        Thread closer = new Thread(() -> {
            try {
                store.close();
                close.complete(null);
            } catch (RuntimeException e) {
                close.completeExceptionally(e);
            }
        }, "closer");
        closer.start();
        // close met the open read and waits for it to end (it only pauses then), or it already failed
        while (closer.getState() != Thread.State.TIMED_WAITING && !close.isDone())
            Thread.onSpinWait();
        assertFalse(close.isDone(), "close must wait for the running read, not end or fail while it runs");
        release.countDown();
        close.get(60, TimeUnit.SECONDS); // hang guard
        assertTrue(read.get(60, TimeUnit.SECONDS), "the read that was running when close began saw the data");

        Tdb2Store again = Tdb2Store.at(dir);
        try {
            assertEquals(true, again.read(tx -> again.dataset().contains(QUAD)), "the data is still there after reopening");
        } finally {
            again.close();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
