package be.kohub.store.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.update.UpdateFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import be.kohub.TestStores;

/**
 * The remote store against a real Fuseki server (jena-fuseki-main on a free port, TDB2 behind
 * it): two store objects stand for two hub instances. No lock is shared between them; what keeps
 * them consistent is the revision check inside each update request.
 */
class RemoteStoreTest {
    private static final String COUNTER = "<urn:test:teller>";
    static FusekiServer fuseki;
    static RemoteStore first, second;

    @BeforeAll
    static void start() throws Exception {
        fuseki = TestStores.fuseki(Files.createTempDirectory("kohub-fuseki"));
        String url = "http://localhost:" + fuseki.getPort() + "/ds";
        first = RemoteStore.at(url, null, null);
        second = RemoteStore.at(url, null, null);
    }

    @AfterAll
    static void stop() {
        fuseki.stop();
    }

    @Test
    void aWriteThatAnotherInstanceOvertookRunsAgainOnTheNewStateAndChangesNothingTheFirstTime() {
        set(0);
        AtomicInteger attempts = new AtomicInteger();
        List<Long> seen = new ArrayList<>();
        long conflictsBefore = first.conflicts();
        first.write(tx -> {
            long read = value(tx);
            seen.add(read);
            tx.update(UpdateFactory.create("DELETE WHERE { GRAPH <urn:test:g> { " + COUNTER + " <urn:test:n> ?n } } ;"
                    + " INSERT DATA { GRAPH <urn:test:g> { " + COUNTER + " <urn:test:n> " + (read + 1) + " } }"));
            assertEquals(read + 1, value(tx), "the write reads its own change");
            if (attempts.incrementAndGet() == 1)
                second.write(other -> { // the other instance writes in between, and commits first
                    other.update(UpdateFactory.create("DELETE WHERE { GRAPH <urn:test:g> { " + COUNTER + " <urn:test:n> ?n } } ;"
                            + " INSERT DATA { GRAPH <urn:test:g> { " + COUNTER + " <urn:test:n> 10 } }"));
                    return null;
                });
            return null;
        });
        assertEquals(2, attempts.get(), "the overtaken write ran again");
        assertEquals(List.of(0L, 10L), seen, "the second run read the other instance's value");
        assertEquals(11L, (long) second.read(RemoteStoreTest::value), "the increment applies to the newest value, once");
        assertEquals(conflictsBefore + 1, first.conflicts());
    }

    @Test
    void aWriteIsAllOrNothingOnTheServer() {
        set(5);
        try {
            first.write(tx -> {
                tx.update(UpdateFactory.create("INSERT DATA { GRAPH <urn:test:g> { <urn:test:a> <urn:test:p> 1 } }"));
                throw new IllegalStateException("the work fails after its first update");
            });
        } catch (IllegalStateException expected) {
            // nothing was sent
        }
        assertFalse(second.<Boolean>read(tx -> tx.ask(QueryFactory.create("ASK { GRAPH <urn:test:g> { <urn:test:a> ?p ?o } }"))));
        assertEquals(5L, (long) second.read(RemoteStoreTest::value));
    }

    @Test
    void readsInsideAWriteSeeDeletedGraphsGoneAndBlankNodesWhole() {
        first.write(tx -> {
            tx.update(UpdateFactory.create("INSERT DATA { GRAPH <urn:test:doc> { <urn:test:doc> <urn:test:adres> [ <urn:test:straat> \"Kerkstraat\" ; <urn:test:nr> 1 ] } }"));
            return null;
        });
        long rows = first.write(tx -> {
            long before = tx.select(QueryFactory.create("SELECT ?s WHERE { GRAPH <urn:test:doc> { <urn:test:doc> <urn:test:adres> ?a . ?a <urn:test:straat> ?s } }")).size();
            tx.update(UpdateFactory.create("DROP SILENT GRAPH <urn:test:doc>"));
            tx.update(UpdateFactory.create("INSERT DATA { GRAPH <urn:test:doc> { <urn:test:doc> <urn:test:adres> [ <urn:test:straat> \"Molenstraat\" ] } }"));
            // Joins through blank nodes, evaluated here on the server's data plus the pending changes.
            List<String> streets = tx.select(QueryFactory.create("SELECT ?s WHERE { GRAPH ?g { <urn:test:doc> <urn:test:adres> ?a . ?a <urn:test:straat> ?s } }"))
                    .stream().map(r -> r.get("s").getLiteralLexicalForm()).toList();
            assertEquals(List.of("Molenstraat"), streets);
            return before;
        });
        assertEquals(1, rows);
        assertEquals(List.of("Molenstraat"), second.<List<String>>read(tx -> tx.select(QueryFactory.create(
                "SELECT ?s WHERE { GRAPH <urn:test:doc> { ?d <urn:test:adres> ?a . ?a <urn:test:straat> ?s } }"))
                .stream().map(r -> r.get("s").getLiteralLexicalForm()).toList()));
    }

    private static void set(long n) {
        second.write(tx -> {
            tx.update(UpdateFactory.create("DELETE WHERE { GRAPH <urn:test:g> { ?s ?p ?o } } ;"
                    + " INSERT DATA { GRAPH <urn:test:g> { " + COUNTER + " <urn:test:n> " + n + " } }"));
            return null;
        });
    }

    private static long value(be.kohub.store.ReadTx tx) {
        return Long.parseLong(tx.select(QueryFactory.create("SELECT ?n WHERE { GRAPH <urn:test:g> { " + COUNTER + " <urn:test:n> ?n } }"))
                .get(0).get("n").getLiteralLexicalForm());
    }
}
