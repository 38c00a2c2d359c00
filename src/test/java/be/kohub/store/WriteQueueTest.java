package be.kohub.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.update.UpdateRequest;
import org.junit.jupiter.api.Test;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;

/** Group commit on a real TDB2 store: grouped work commits together, and one failure spoils nothing else. */
class WriteQueueTest {
    private static final Node G = NodeFactory.createURI("urn:test:g");

    @Test
    void aFailureInAGroupLeavesTheOthersCommittedAndItselfUndone() throws Exception {
        try (Tdb2Store store = Tdb2Store.inMemory(); WriteQueue queue = new WriteQueue(store, 32)) {
            CountDownLatch writerBusy = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<String> a = CompletableFuture.supplyAsync(() -> queue.write(tx -> {
                writerBusy.countDown();
                await(release);
                tx.update(insert("a"));
                return "a";
            }));
            assertTrue(writerBusy.await(10, TimeUnit.SECONDS));
            CompletableFuture<String> b = CompletableFuture.supplyAsync(() -> queue.write(tx -> {
                tx.update(insert("b"));
                return "b";
            }));
            CompletableFuture<String> c = CompletableFuture.supplyAsync(() -> queue.write(tx -> {
                tx.update(insert("c"));
                throw new IllegalStateException("fails after writing");
            }));
            CompletableFuture<String> d = CompletableFuture.supplyAsync(() -> queue.write(tx -> {
                throw new Rejected(ProblemType.VERSIE_CONFLICT, "nee", "no");
            }));
            while (queue.pending() < 3)
                Thread.onSpinWait();
            release.countDown();

            assertEquals("a", a.get(10, TimeUnit.SECONDS));
            assertEquals("b", b.get(10, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, cause(c));
            assertInstanceOf(Rejected.class, cause(d));
            assertTrue(stored(store, "a"));
            assertTrue(stored(store, "b"));
            assertFalse(stored(store, "c"), "the failed work's write was rolled back");
        }
    }

    private static Throwable cause(CompletableFuture<String> f) throws InterruptedException {
        try {
            f.get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    private static UpdateRequest insert(String name) {
        QuadDataAcc data = new QuadDataAcc();
        data.addQuad(new Quad(G, NodeFactory.createURI("urn:test:" + name), NodeFactory.createURI("urn:test:p"), NodeFactory.createLiteralString(name)));
        return new UpdateRequest(new UpdateDataInsert(data));
    }

    private static boolean stored(Store store, String name) {
        return store.read(tx -> tx.graph(G).contains(NodeFactory.createURI("urn:test:" + name), Node.ANY, Node.ANY));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
