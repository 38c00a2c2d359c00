package be.kohub.operations;

import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import be.kohub.RunningHub;
import be.kohub.bench.LocationSheets;
import be.kohub.cli.Main;

/**
 * A backup taken through a serving hub while writers keep posting, restored into a new directory
 * with the CLI and served again: every write acknowledged before the backup began is in it, and
 * every document is whole (its version, ETag, content and history agree). The CLI refuses what
 * could destroy data: a non-empty directory without --force, and the directory of a running hub.
 */
// Embedded only: kohub backup and restore are for the embedded store (a remote one uses its server's backup).
@Tag("embedded-only")
class BackupRestoreTest {
    private static final int SHEETS = 8;
    private static final int WRITERS = 4;

    /** One acknowledged write: the document, the version the hub answered, the name that version has, when it was sent and answered. */
    private record Ack(String path, long version, String name, long sent, long at) {}

    @Test
    void aBackupTakenDuringWritesRestoresToAConsistentState() throws Exception {
        Path work = Files.createTempDirectory("kohub-backup-test");
        Path backup = work.resolve("hub.nq.gz");
        Path restored = work.resolve("restored");
        String beheer = key("opgroeien");
        List<Ack> acks = new CopyOnWriteArrayList<>();
        Map<String, Long> ackedBefore = new TreeMap<>();
        Map<String, Long> sentAfter = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try (RunningHub hub = RunningHub.start()) {
            List<String> sheets = LocationSheets.from(RunningHub.SAMPLES).generate("backup", SHEETS, 7);
            AtomicBoolean stop = new AtomicBoolean();
            Semaphore acked = new Semaphore(0);
            Semaphore ackedAfterBackup = new Semaphore(0);
            AtomicLong backupEnded = new AtomicLong(Long.MAX_VALUE);
            List<Future<Integer>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    int written = 0;
                    for (int round = 0; !stop.get(); round++)
                        for (int s = writer; s < SHEETS; s += WRITERS) {
                            ObjectNode sheet = (ObjectNode) RunningHub.JSON.readTree(sheets.get(s));
                            String name = sheet.get("naam").asText() + " [w" + writer + "-" + round + "]";
                            sheet.put("naam", name);
                            long sent = System.nanoTime();
                            HttpResponse<String> answer = hub.postJsonLd("/locaties", beheer, sheet.toString().getBytes(StandardCharsets.UTF_8));
                            if (answer.statusCode() != 200 && answer.statusCode() != 201)
                                throw new AssertionError(answer.body());
                            Ack ack = new Ack(answer.headers().firstValue("Location").orElseThrow(), json(answer).get("versie").asLong(), name, sent, System.nanoTime());
                            acks.add(ack);
                            acked.release();
                            if (ack.at() > backupEnded.get())
                                ackedAfterBackup.release();
                            written++;
                        }
                    return written;
                }));
            }
            assertTrue(acked.tryAcquire(3 * SHEETS, 120, TimeUnit.SECONDS), "writes acknowledged before the backup");
            long backupStarted = System.nanoTime();
            int cli = cli("backup", "--hub", hub.url(""), "--key", beheer, "--out", backup.toString());
            backupEnded.set(System.nanoTime());
            assertTrue(ackedAfterBackup.tryAcquire(SHEETS, 120, TimeUnit.SECONDS), "writes acknowledged after the backup");
            stop.set(true);
            for (Future<Integer> writer : writers)
                writer.get();
            assertEquals(0, cli, "backup through the hub");

            acks.stream().filter(a -> a.at() < backupStarted).forEach(a -> ackedBefore.merge(a.path(), a.version(), Math::max));
            assertEquals(SHEETS, ackedBefore.size(), "every sheet was written before the backup began");
            acks.stream().filter(a -> a.sent() > backupEnded.get()).forEach(a -> sentAfter.merge(a.path(), a.version(), Math::min));

            // refusals that protect data: a running hub's directory, by restore or by an offline backup
            long quads = hub.quadCount();
            assertEquals(1, cli("restore", "--from", backup.toString(), "--data", hub.directory().toString(), "--force"));
            assertEquals(1, cli("backup", "--data", hub.directory().toString(), "--out", work.resolve("no.nq.gz").toString()));
            assertTrue(Files.notExists(work.resolve("no.nq.gz")));
            assertEquals(quads, hub.quadCount(), "the running hub's store is untouched");
            assertEquals(200, hub.get("/ready", null).statusCode());
        } finally {
            pool.shutdownNow();
        }

        assertEquals(0, cli("restore", "--from", backup.toString(), "--data", restored.toString()));
        // the restored directory backed up offline holds exactly what the backup held
        Path again = work.resolve("again.nq.gz");
        assertEquals(0, cli("backup", "--data", restored.toString(), "--out", again.toString()));
        assertEquals(fingerprint(backup), fingerprint(again), "restore and offline backup keep every quad");
        // into a non-empty directory only with --force, which keeps the identity key there
        Files.writeString(restored.resolve("identity.key"), "kept");
        assertEquals(1, cli("restore", "--from", backup.toString(), "--data", restored.toString()));
        assertEquals(0, cli("restore", "--from", backup.toString(), "--data", restored.toString(), "--force"));
        assertEquals("kept", Files.readString(restored.resolve("identity.key")));
        Files.delete(restored.resolve("identity.key"));
        assertEquals(fingerprint(backup), fingerprint(restoredBackup(work, restored)), "replaced, not added to");

        try (RunningHub hub = RunningHub.on(restored, b -> {})) {
            assertEquals(200, hub.get("/ready", null).statusCode());
            for (Map.Entry<String, Long> acked : ackedBefore.entrySet()) {
                String path = acked.getKey();
                HttpResponse<String> got = hub.get(path, "application/ld+json");
                assertEquals(200, got.statusCode(), path);
                long version = Long.parseLong(got.headers().firstValue("ETag").orElseThrow().replaceAll("[^0-9]", ""));
                assertTrue(version >= acked.getValue(), path + ": v" + acked.getValue() + " was acknowledged before the backup began, restored is v" + version);
                if (sentAfter.containsKey(path))
                    assertTrue(version < sentAfter.get(path), path + ": v" + sentAfter.get(path) + " was sent after the backup ended, restored is v" + version);
                String name = acks.stream().filter(a -> a.path().equals(path) && a.version() == version).map(Ack::name).findFirst()
                        .orElseThrow(() -> new AssertionError(path + " has version " + version + ", which no writer was answered"));
                assertTrue(got.body().contains(name), path + " v" + version + " has the content of that version (" + name + ")");
                JsonNode history = json(hub.get(path + "/geschiedenis", "application/json")).get("gebeurtenissen");
                assertEquals(version, history.size(), path + ": one event per version");
                for (int i = 0; i < history.size(); i++)
                    assertEquals(i + 1, history.get(i).get("versie").asLong(), path + ": versions without gaps");
            }
            long documents = hub.hub.store().read(tx -> (long) tx.select(QueryFactory.create(
                    "SELECT ?d WHERE { GRAPH <https://data.kohub.be/graph/systeem> { ?d <https://data.kohub.be/ns/kohub#documenttype> \"locatie\" } }")).size());
            assertEquals(SHEETS, documents, "no sheet twice, none missing");
        }
        assertTrue(sentAfter.size() >= 1, "writes went on after the backup: the restore went back to the backup's state");
        try (var files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private static Path restoredBackup(Path work, Path restored) {
        Path file = work.resolve("third.nq.gz");
        assertEquals(0, cli("backup", "--data", restored.toString(), "--out", file.toString()));
        return file;
    }

    private static int cli(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    /**
     * What a backup holds, comparable across parses: every quad without blank nodes, and per graph
     * the number of quads with one (a parser gives blank nodes new labels; a full isomorphism check
     * of thousands of them takes too long).
     */
    private static Map<String, Long> fingerprint(Path file) throws Exception {
        Map<String, Long> print = new TreeMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            RDFParser.source(in).lang(Lang.NQUADS).parse(new StreamRDFBase() {
                @Override
                public void quad(Quad q) {
                    boolean blank = q.getSubject().isBlank() || q.getObject().isBlank();
                    print.merge(blank ? "blank quads in " + q.getGraph() : q.toString(), 1L, Long::sum);
                }
            });
        }
        return print;
    }
}
