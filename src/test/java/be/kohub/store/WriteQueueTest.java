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

/**
 * Group commit on a real TDB2 store: grouped work commits together, one failure spoils nothing
 * else, and commit hooks (derived data) commit with the work they follow or not at all.
 */
class WriteQueueTest {
    private static final Node G = NodeFactory.createURI("urn:test:g");
    private static final Node DERIVED = NodeFactory.createURI("urn:test:derived");

    @Test
    void aFailureInAGroupLeavesTheOthersCommittedAndItselfUndone() throws Exception {
        try (Tdb2Store store = Tdb2Store.inMemory(); WriteQueue queue = new WriteQueue(store, 32)) {
            java.util.Set<Node> committed = java.util.concurrent.ConcurrentHashMap.newKeySet();
            queue.onCommit((tx, changes) -> {
                java.util.Set<Node> documents = changes.documents();
                documents.forEach(doc -> tx.update(derived(doc)));
                java.util.Set<Node> copy = java.util.Set.copyOf(documents);
                return () -> committed.addAll(copy);
            });
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
            assertEquals(java.util.Set.of(doc("a"), doc("b")), committed, "the hook saw the versioned documents of the commits only");
            assertTrue(derived(store, "a") && derived(store, "b"));
            assertFalse(derived(store, "c"), "the hook's writes commit with the work or not at all");
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

    /** A write of document {@code name} with its event, as ingest/DocumentWrites makes them. */
    private static UpdateRequest insert(String name) {
        QuadDataAcc data = new QuadDataAcc();
        data.addQuad(new Quad(G, doc(name), NodeFactory.createURI("urn:test:p"), NodeFactory.createLiteralString(name)));
        data.addQuad(new Quad(be.kohub.vocab.KO.EVENTS_GRAPH, NodeFactory.createURI("urn:test:event:" + name),
                org.apache.jena.vocabulary.DCTerms.subject.asNode(), doc(name)));
        return new UpdateRequest(new UpdateDataInsert(data));
    }

    private static UpdateRequest derived(Node document) {
        QuadDataAcc data = new QuadDataAcc();
        data.addQuad(new Quad(DERIVED, document, NodeFactory.createURI("urn:test:derived"), NodeFactory.createLiteralString("yes")));
        return new UpdateRequest(new UpdateDataInsert(data));
    }

    private static boolean derived(Store store, String name) {
        return store.read(tx -> tx.graph(DERIVED).contains(doc(name), Node.ANY, Node.ANY));
    }

    private static Node doc(String name) {
        return NodeFactory.createURI("urn:test:" + name);
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
