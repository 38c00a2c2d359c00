package be.kohub.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

import be.kohub.Hub;
import be.kohub.RunningHub;
import be.kohub.access.ApiKeys;
import be.kohub.access.Client;
import be.kohub.access.Role;
import be.kohub.feeds.NpmLdesClient;
import be.kohub.ingest.DocumentReader;
import be.kohub.ingest.DocumentReader.Format;
import be.kohub.store.Tdb2Store;
import be.kohub.validation.ValidationReport;
import be.kohub.vocab.KO;
import be.kohub.vocab.LDES;

/**
 * The benchmark of the LDES change feeds (issue 6), on fresh TDB2 stores in temporary directories:
 * <ol>
 * <li>batch ingest: N distinct location sheets posted as JSON arrays of 100 to {@code POST /locaties}
 * (1 and 3 client threads), against the same triples written straight into TDB2, one write
 * transaction per batch, without validation;</li>
 * <li>visibility: after the load, one changed sheet posted at a time, then the feed's newest page
 * read until the new member is in it;</li>
 * <li>harvest of the whole feed: a plain HTTP walk from the root (N-Quads), the npm
 * {@code ldes-client}, and as baselines the REST list with cursor paging and a raw TDB2 read.</li>
 * </ol>
 * Writes the section "Change feeds: ingest, visibility and harvest" of docs/benchmarks.md.
 *
 * <p>{@code mvn -q -Pbench-feeds test-compile exec:java}; settings: {@code bench.sheets} (default
 * 10000), {@code bench.batch} (100), {@code bench.warmup} (sheets posted to a throw-away hub
 * first, 1000), {@code bench.changes} (100), {@code bench.clients} ("1,3"), {@code bench.root}.
 */
public final class FeedBenchmark {
    static final String SECTION = "## Change feeds: ingest, visibility and harvest";
    private static final String BASE_COMMAND = "mvn -q -Pbench-feeds test-compile exec:java";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Node SYSTEEM = NodeFactory.createURI("https://data.kohub.be/graph/systeem");
    private static final Node SITE = NodeFactory.createURI("http://www.w3.org/ns/org#Site");
    private static final Node FEED_GRAPH = NodeFactory.createURI("https://bench.kohub.be/feed");
    private static final String NQUADS = "application/n-quads";
    private static final double AIM_PER_SECOND = 1000;
    /** The reference: the Flemish LDES server's ingest per client thread (3 CPUs, 100 members per POST) and its fragmentation interval. */
    private static final double REFERENCE_PER_SECOND = 890;
    private static final int REFERENCE_FRAGMENTATION_S = 30;

    record Batch(byte[] body, int documents) {}

    /** A measured run of batches: wall time, per-batch latency, documents stored, CPU shares. */
    record Run(String name, int clients, int documents, long nanos, long[] latencies, long peakHeap, long gcCount, long gcMillis,
               double ownCpu, double othersCpu, double stealCpu) {
        double perSecond() {
            return documents * 1e9 / nanos;
        }

        double percentileMs(double p) {
            return percentile(latencies, p);
        }
    }

    record Visibility(int changes, long[] seen, long[] posted, int firstRead, int oneGet, int maxGets, int throttled) {}

    record Harvest(String name, long nanos, long bytes, int pages, int members, int documents, int throttled) {}

    record Breakdown(int batches, double parseMs, double shaclMs, double ingestMs, double ingestSequentialMs,
                     Map<String, Map<String, Double>> profile) {}

    public static void main(String[] args) {
        ExitingMain.run(FeedBenchmark::run);
    }

    private static void run() throws Exception {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        int n = Integer.getInteger("bench.sheets", 10_000);
        int perBatch = Integer.getInteger("bench.batch", 100);
        int warmup = Integer.getInteger("bench.warmup", 1000);
        int changes = Integer.getInteger("bench.changes", 100);
        List<Integer> clientCounts = Stream.of(System.getProperty("bench.clients", "1,3").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(Integer::parseInt).toList();
        Path output = root.resolve(System.getProperty("bench.output", "docs/benchmarks.md"));
        if (n < 1 || perBatch < 1 || warmup < 0 || changes < 1 || changes > n || clientCounts.isEmpty())
            throw new IllegalArgumentException("need bench.sheets >= bench.changes >= 1, bench.batch >= 1, bench.clients");
        ZonedDateTime started = ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS);

        LocationSheets generator = LocationSheets.from(root.resolve("sample-data"));
        List<byte[]> bodies = bytes(generator.generate("FEED", n, 42));
        List<byte[]> warmBodies = bytes(generator.generate("WARM", warmup, 7));
        List<Batch> batches = batches(bodies, perBatch);
        List<Batch> warmBatches = batches(warmBodies, perBatch);
        double meanBytes = bodies.stream().mapToInt(b -> b.length).average().orElse(0);
        double meanBatchBytes = batches.stream().mapToInt(b -> b.body().length).average().orElse(0);
        String key = RunningHub.key("opgroeien");
        log("%d sheets in %d batches of %d (%.0f bytes per sheet, %.0f KiB per batch); warm-up %d sheets; clients %s",
                n, batches.size(), perBatch, meanBytes, meanBatchBytes / 1024, warmup, clientCounts);

        List<Run> hubRuns = new ArrayList<>();
        List<WriterLoad> writerLoads = new ArrayList<>();
        List<Run> rawRuns = new ArrayList<>();
        Run rawFeed;
        Visibility visibility;
        List<Harvest> harvests = new ArrayList<>();
        Breakdown breakdown;
        double meanTriples;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (HeapMeter meter = new HeapMeter()) {
            List<IngestBenchmark.Doc> docs = IngestBenchmark.docs("sheet", bodies);
            List<IngestBenchmark.Doc> warmDocs = IngestBenchmark.docs("warm", warmBodies);
            meanTriples = docs.stream().mapToInt(d -> d.graph().size()).average().orElse(0);
            rawRuns.add(raw("raw-before", warmDocs, docs, perBatch, false, meter));
            rawFeed = raw("raw+all", warmDocs, docs, perBatch, true, meter);
            docs = null;
            warmDocs = null;

            // Warm-up: the same work on a throw-away hub, so that the measured hubs run compiled code.
            Path warmDir = Files.createTempDirectory("kohub-bench-feed-warm");
            try (Hub hub = startHub(root, warmDir)) {
                URI uri = URI.create(hub.base() + "/locaties");
                postBatches(http, uri, key, warmBatches, Math.max(1, clientCounts.get(clientCounts.size() - 1)), "warm-up", meter);
                walk(http, hub.base());
            } finally {
                IngestBenchmark.delete(warmDir);
            }

            Path dir = null;
            Hub hub = null;
            try {
                for (int i = 0; i < clientCounts.size(); i++) {
                    if (hub != null) {
                        hub.close();
                        IngestBenchmark.delete(dir);
                    }
                    dir = Files.createTempDirectory("kohub-bench-feed");
                    hub = startHub(root, dir);
                    WriterLoad load0 = WriterLoad.scrape(http, hub.base(), key);
                    Run run = postBatches(http, URI.create(hub.base() + "/locaties"), key, batches, clientCounts.get(i), "hub", meter);
                    WriterLoad load = WriterLoad.scrape(http, hub.base(), key).since(load0);
                    log("writer: %d write transactions (%.1f sheets each), busy %.0f %% of the run, %.2f ms per sheet of which commit %.2f ms",
                            load.writes(), (double) run.documents() / load.writes(), 100 * load.busy(run.nanos()),
                            load.writeMsPer(run.documents()), load.commitMsPer(run.documents()));
                    hubRuns.add(run);
                    writerLoads.add(load);
                    long stored = storedLocations(hub);
                    if (stored != n)
                        throw new IllegalStateException("the hub holds " + stored + " locations, expected " + n);
                }
                rawRuns.add(raw("raw-after", IngestBenchmark.docs("warm", warmBodies), IngestBenchmark.docs("sheet", bodies), perBatch, false, meter));

                // Visibility, on the store of the last run (all N sheets in the feed).
                Harvest before = walk(http, hub.base());
                if (before.members() != n)
                    throw new IllegalStateException("the feed holds " + before.members() + " members after the load, expected " + n);
                visibility = visibility(http, hub, key, bodies, changes, newestPage(http, hub.base()));

                // Harvest of the whole feed and the baselines.
                harvests.add(walk(http, hub.base()));
                NpmLdesClient.install();
                harvests.add(npm(hub.base()));
                harvests.add(rest(http, hub));
                harvests.add(rawRead(dir));
                for (Harvest h : harvests)
                    log("%-10s %8.0f ms  %,12d bytes  %4d pages  %6d members  %6d documents  429s %d", h.name(), h.nanos() / 1e6, h.bytes(),
                            h.pages(), h.members(), h.documents(), h.throttled());
            } finally {
                if (hub != null)
                    hub.close();
                if (dir != null)
                    IngestBenchmark.delete(dir);
            }
            breakdown = breakdown(root, warmBatches, batches.subList(0, Math.min(batches.size(), 10)));
        }

        String section = section(started, n, perBatch, warmup, changes, meanBytes, meanBatchBytes, meanTriples, hubRuns, writerLoads, rawRuns, rawFeed,
                visibility, harvests, breakdown, command(n, perBatch, warmup, changes));
        BenchmarkFile.writeSection(output, SECTION, section);
        System.out.println();
        System.out.println(section);
        log("written to %s", output);
    }

    // ---------------------------------------------------------------- hub and batch ingest

    private static Hub startHub(Path root, Path dir) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return Hub.builder().store(Tdb2Store.at(dir)).port(port).base("http://localhost:" + port)
                .clients(ApiKeys.fromFile(root.resolve("sample-data/demo-clients.json"))).build().start();
    }

    static List<Batch> batches(List<byte[]> bodies, int perBatch) {
        List<Batch> batches = new ArrayList<>();
        for (int from = 0; from < bodies.size(); from += perBatch) {
            List<byte[]> part = bodies.subList(from, Math.min(bodies.size(), from + perBatch));
            StringBuilder array = new StringBuilder("[");
            for (int i = 0; i < part.size(); i++)
                array.append(i == 0 ? "" : ",\n").append(new String(part.get(i), StandardCharsets.UTF_8));
            batches.add(new Batch(array.append("]").toString().getBytes(StandardCharsets.UTF_8), part.size()));
        }
        return batches;
    }

    /** Posts every batch once from {@code clients} threads; each must be answered 200 with every document stored. */
    static Run postBatches(HttpClient http, URI uri, String key, List<Batch> batches, int clients, String name, HeapMeter meter)
            throws InterruptedException {
        long[] latencies = new long[batches.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger stored = new AtomicInteger();
        AtomicReference<String> failure = new AtomicReference<>();
        meter.reset();
        long[] gc0 = HeapMeter.gcCountAndMillis();
        Machine.Cpu cpu0 = Machine.cpu();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                int i;
                while (failure.get() == null && (i = next.getAndIncrement()) < batches.size()) {
                    HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/ld+json")
                            .header("Authorization", "Bearer " + key)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(batches.get(i).body())).build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        latencies[i] = System.nanoTime() - t0;
                        if (response.statusCode() != 200) {
                            failure.compareAndSet(null, "batch " + i + ": HTTP " + response.statusCode() + " " + response.body());
                            continue;
                        }
                        JsonNode answer = JSON.readTree(response.body());
                        if (answer.get("stored").asInt() != batches.get(i).documents() || answer.get("rejected").asInt() != 0)
                            failure.compareAndSet(null, "batch " + i + ": " + response.body());
                        stored.addAndGet(answer.get("stored").asInt());
                    } catch (IOException | InterruptedException e) {
                        failure.compareAndSet(null, "batch " + i + ": " + e);
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(2, TimeUnit.HOURS))
            throw new IllegalStateException("posting did not end");
        long nanos = System.nanoTime() - start;
        long[] gc1 = HeapMeter.gcCountAndMillis();
        Machine.Cpu cpu1 = Machine.cpu();
        if (failure.get() != null)
            throw new IllegalStateException("the hub refused a batch, " + failure.get());
        Run run = new Run(name, clients, stored.get(), nanos, latencies, meter.peakBytes(), gc1[0] - gc0[0], gc1[1] - gc0[1],
                ownSince(cpu0, cpu1), cpu1.othersSince(cpu0), cpu1.stealSince(cpu0));
        report(run);
        return run;
    }

    private static long storedLocations(Hub hub) {
        return hub.store().read(tx -> Long.parseLong(tx.select(org.apache.jena.query.QueryFactory.create(
                "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://data.kohub.be/graph/systeem> { ?d <" + KO.documenttype.getURI() + "> \"locatie\" } }"))
                .get(0).get("n").getLiteralLexicalForm()));
    }

    // ---------------------------------------------------------------- raw TDB2 baseline

    /**
     * The same triples straight into a fresh TDB2 database, each sheet in its own named graph,
     * one write transaction per batch, from one thread. With {@code everything}, each sheet also
     * with what the hub writes besides it, in the same form: its bookkeeping (7 quads) and event
     * (7 quads), and its feed member (3 quads to look it up by, its version object and the sheet
     * as N-Triples text), to show what the hub's writer would cost with no hub code at all.
     */
    private static Run raw(String name, List<IngestBenchmark.Doc> warm, List<IngestBenchmark.Doc> docs, int perBatch, boolean feed,
                           HeapMeter meter) throws IOException {
        Path dir = Files.createTempDirectory("kohub-bench-feed-raw");
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        try {
            for (int from = 0; from < warm.size(); from += perBatch) {
                List<IngestBenchmark.Doc> part = warm.subList(from, Math.min(warm.size(), from + perBatch));
                Txn.executeWrite(dsg, () -> part.forEach(d -> add(dsg, d, feed)));
            }
            int count = (docs.size() + perBatch - 1) / perBatch;
            long[] latencies = new long[count];
            meter.reset();
            long[] gc0 = HeapMeter.gcCountAndMillis();
            Machine.Cpu cpu0 = Machine.cpu();
            long start = System.nanoTime();
            for (int b = 0; b < count; b++) {
                List<IngestBenchmark.Doc> part = docs.subList(b * perBatch, Math.min(docs.size(), (b + 1) * perBatch));
                long t0 = System.nanoTime();
                Txn.executeWrite(dsg, () -> part.forEach(d -> add(dsg, d, feed)));
                latencies[b] = System.nanoTime() - t0;
            }
            long nanos = System.nanoTime() - start;
            long[] gc1 = HeapMeter.gcCountAndMillis();
            Machine.Cpu cpu1 = Machine.cpu();
            Node last = docs.get(docs.size() - 1).name();
            if (!Txn.calculateRead(dsg, () -> dsg.containsGraph(last)))
                throw new IllegalStateException("the raw writes did not land");
            Run run = new Run(name, 1, docs.size(), nanos, latencies, meter.peakBytes(), gc1[0] - gc0[0], gc1[1] - gc0[1],
                    ownSince(cpu0, cpu1), cpu1.othersSince(cpu0), cpu1.stealSince(cpu0));
            report(run);
            return run;
        } finally {
            TDBInternal.expel(dsg);
            IngestBenchmark.delete(dir);
        }
    }

    private static void add(DatasetGraph dsg, IngestBenchmark.Doc doc, boolean everything) {
        doc.graph().find().forEachRemaining(t -> dsg.add(doc.name(), t.getSubject(), t.getPredicate(), t.getObject()));
        if (!everything)
            return;
        Node doc1 = doc.name();
        Node now = NodeFactory.createLiteralDT(java.time.Instant.now().toString(), org.apache.jena.datatypes.xsd.XSDDatatype.XSDdateTime);
        Node one = NodeFactory.createLiteralDT("1", org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger);
        Node source = NodeFactory.createURI("https://bench.kohub.be/systeem/bench");
        dsg.add(KO.SYSTEM_GRAPH, doc1, KO.versie, one);
        dsg.add(KO.SYSTEM_GRAPH, doc1, DCTerms.modified.asNode(), now);
        dsg.add(KO.SYSTEM_GRAPH, doc1, RDF.type.asNode(), KO.Document);
        dsg.add(KO.SYSTEM_GRAPH, doc1, KO.documenttype, NodeFactory.createLiteralString("locatie"));
        dsg.add(KO.SYSTEM_GRAPH, doc1, DCTerms.created.asNode(), now);
        dsg.add(KO.SYSTEM_GRAPH, doc1, KO.bronsysteem, source);
        dsg.add(KO.SYSTEM_GRAPH, doc1, KO.lokaleId, NodeFactory.createLiteralString(doc1.getURI()));
        Node event = NodeFactory.createURI("urn:uuid:" + java.util.UUID.randomUUID());
        dsg.add(KO.EVENTS_GRAPH, event, RDF.type.asNode(), KO.Gebeurtenis);
        dsg.add(KO.EVENTS_GRAPH, event, DCTerms.subject.asNode(), doc1);
        dsg.add(KO.EVENTS_GRAPH, event, KO.documenttype, NodeFactory.createLiteralString("locatie"));
        dsg.add(KO.EVENTS_GRAPH, event, KO.versie, one);
        dsg.add(KO.EVENTS_GRAPH, event, KO.bewerking, NodeFactory.createLiteralString("aangemaakt"));
        dsg.add(KO.EVENTS_GRAPH, event, be.kohub.vocab.OSLO.PROV_AT_TIME, now);
        dsg.add(KO.EVENTS_GRAPH, event, be.kohub.vocab.OSLO.PROV_WAS_ASSOCIATED_WITH, source);
        Node member = NodeFactory.createURI(doc1.getURI() + "/versie/1");
        Graph published = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        published.add(member, RDF.type.asNode(), LDES.Create);
        published.add(member, DCTerms.isVersionOf.asNode(), doc1);
        published.add(member, LDES.GENERATED_AT_TIME, now);
        published.add(member, KO.bewerking, NodeFactory.createLiteralString("aangemaakt"));
        published.add(member, KO.versie, one);
        dsg.add(FEED_GRAPH, member, DCTerms.isVersionOf.asNode(), doc1);
        dsg.add(FEED_GRAPH, member, KO.pagina, NodeFactory.createURI("https://bench.kohub.be/pagina/1"));
        dsg.add(FEED_GRAPH, member, KO.volgorde, one);
        dsg.add(FEED_GRAPH, member, KO.lidBeschrijving, NodeFactory.createLiteralString(ntriples(published)));
        dsg.add(FEED_GRAPH, member, KO.lidInhoud, NodeFactory.createLiteralString(ntriples(doc.graph())));
    }

    private static String ntriples(Graph graph) {
        return org.apache.jena.riot.RDFWriter.source(graph).lang(org.apache.jena.riot.Lang.NTRIPLES).asString();
    }

    // ---------------------------------------------------------------- visibility

    /**
     * {@code changes} times: one sheet of the load posted again with another name (a new version),
     * then the newest feed page this client knows read until the new member is in it; a relation
     * to a newer page (the page filled up) is followed at once, as a following client does.
     */
    private static Visibility visibility(HttpClient http, Hub hub, String key, List<byte[]> bodies, int changes, String newestPath)
            throws Exception {
        String stream = hub.base() + "/ldes/locaties";
        long[] seen = new long[changes];
        long[] posted = new long[changes];
        int firstRead = 0, oneGet = 0, maxGets = 0;
        int[] throttled = {0};
        String newest = newestPath;
        for (int i = 0; i < changes; i++) {
            int k = (int) ((long) i * 7919 % bodies.size());
            ObjectNode sheet = (ObjectNode) JSON.readTree(bodies.get(k));
            sheet.put("naam", sheet.path("naam").asText() + " (gewijzigd " + i + ")");
            byte[] body = sheet.toString().getBytes(StandardCharsets.UTF_8);
            HttpRequest post = HttpRequest.newBuilder(URI.create(hub.base() + "/locaties")).header("Content-Type", "application/ld+json")
                    .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            long t0 = System.nanoTime();
            HttpResponse<String> answer = http.send(post, HttpResponse.BodyHandlers.ofString());
            posted[i] = System.nanoTime() - t0;
            if (answer.statusCode() != 200)
                throw new IllegalStateException("change " + i + ": HTTP " + answer.statusCode() + " " + answer.body());
            JsonNode json = JSON.readTree(answer.body());
            String member = json.get("id").asText() + "/versie/" + json.get("versie").asInt();
            String line = "<" + stream + "> <" + LDES.member.getURI() + "> <" + member + "> .";
            int gets = 0;
            boolean waited = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                HttpResponse<byte[]> page = get(http, hub.base() + newest, NQUADS, throttled);
                gets++;
                String text = new String(page.body(), StandardCharsets.UTF_8);
                if (text.contains(line)) {
                    seen[i] = System.nanoTime() - t0;
                    break;
                }
                String next = nextPage(parse(page.body()), hub.base() + newest);
                if (next != null) {
                    newest = next.substring(hub.base().length());
                    continue;
                }
                if (System.nanoTime() > deadline)
                    throw new IllegalStateException("member " + member + " not in the feed after 60 s");
                waited = true;
                Thread.sleep(5);
            }
            if (!waited)
                firstRead++;
            if (gets == 1)
                oneGet++;
            maxGets = Math.max(maxGets, gets);
        }
        Visibility v = new Visibility(changes, seen, posted, firstRead, oneGet, maxGets, throttled[0]);
        log("visibility: POST to seen p50 %.2f ms p99 %.2f ms (POST alone p50 %.2f ms); %d/%d on the first read, %d with one GET, at most %d GETs",
                percentile(seen, 50), percentile(seen, 99), percentile(posted, 50), firstRead, changes, oneGet, maxGets);
        return v;
    }

    /** The newest page, found by following the relations from the root. */
    private static String newestPage(HttpClient http, String base) throws InterruptedException {
        int[] throttled = {0};
        String at = base + "/ldes/locaties/wortel";
        String newest = null;
        String next;
        while ((next = nextPage(parse(get(http, at, NQUADS, throttled).body()), at)) != null) {
            newest = next;
            at = next;
        }
        if (newest == null)
            throw new IllegalStateException("the feed has no page");
        return newest.substring(base.length());
    }

    // ---------------------------------------------------------------- harvest

    /** A plain HTTP walk: the root, then each page its relations lead to, in N-Quads; counts members and bytes. */
    private static Harvest walk(HttpClient http, String base) throws InterruptedException {
        int[] throttled = {0};
        Node stream = NodeFactory.createURI(base + "/ldes/locaties");
        long bytes = 0;
        int pages = 0, members = 0;
        Set<Node> documents = new HashSet<>();
        long start = System.nanoTime();
        String at = base + "/ldes/locaties/wortel";
        HttpResponse<byte[]> response = get(http, at, NQUADS, throttled);
        bytes += response.body().length;
        String next = nextPage(parse(response.body()), at);
        while (next != null) {
            response = get(http, next, NQUADS, throttled);
            bytes += response.body().length;
            pages++;
            DatasetGraph page = parse(response.body());
            Graph metadata = page.getDefaultGraph();
            for (Triple t : metadata.find(stream, LDES.member, Node.ANY).toList()) {
                members++;
                metadata.find(t.getObject(), DCTerms.isVersionOf.asNode(), Node.ANY).forEachRemaining(v -> documents.add(v.getObject()));
            }
            next = nextPage(page, next);
        }
        long nanos = System.nanoTime() - start;
        return new Harvest("walk", nanos, bytes, pages, members, documents.size(), throttled[0]);
    }

    /** The npm ldes-client, replicating without following: until it says it is done. */
    private static Harvest npm(String base) throws InterruptedException {
        Set<String> documents = new HashSet<>();
        int members = 0;
        long start = System.nanoTime();
        try (NpmLdesClient.Run client = NpmLdesClient.replicate(base + "/ldes/locaties", false, 500)) {
            JsonNode line;
            while ((line = client.next(300)) != null && !line.has("done")) {
                if (line.has("member")) {
                    members++;
                    documents.add(line.get("versionOf").asText());
                }
            }
            long nanos = System.nanoTime() - start;
            if (line == null)
                throw new IllegalStateException("the npm ldes-client did not finish: " + client.errors());
            return new Harvest("npm", nanos, -1, -1, members, documents.size(), 0);
        }
    }

    /** The REST list with cursor paging ({@code GET /locaties?limit=100}, N-Triples), following the Link header. */
    private static Harvest rest(HttpClient http, Hub hub) throws InterruptedException {
        int[] throttled = {0};
        String prefix = hub.pipeline().iriPrefix(hub.locations().handler());
        Set<Node> documents = new HashSet<>();
        long bytes = 0;
        int pages = 0, members = 0;
        long start = System.nanoTime();
        String path = "/locaties?limit=100";
        while (path != null) {
            HttpResponse<byte[]> response = get(http, hub.base() + path, "application/n-triples", throttled);
            bytes += response.body().length;
            pages++;
            Graph graph = GraphFactory.createDefaultGraph();
            RDFParser.source(new ByteArrayInputStream(response.body())).lang(Lang.NTRIPLES).parse(graph);
            for (Triple t : graph.find(Node.ANY, RDF.type.asNode(), SITE).toList())
                if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(prefix) && documents.add(t.getSubject()))
                    members++;
            path = response.headers().firstValue("Link").filter(l -> l.contains("rel=\"next\""))
                    .map(l -> l.substring(l.indexOf('<') + 1, l.indexOf('>'))).orElse(null);
        }
        long nanos = System.nanoTime() - start;
        return new Harvest("rest", nanos, bytes, pages, members, documents.size(), throttled[0]);
    }

    /** Every location graph read straight from the TDB2 database, written as N-Quads to a byte counter. */
    private static Harvest rawRead(Path dir) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        long start = System.nanoTime();
        long[] counts = new long[3];
        Txn.executeRead(dsg, () -> {
            Counting out = new Counting();
            dsg.find(SYSTEEM, Node.ANY, KO.documenttype, NodeFactory.createLiteralString("locatie")).forEachRemaining(q -> {
                counts[0]++;
                List<Quad> quads = org.apache.jena.atlas.iterator.Iter.toList(dsg.find(q.getSubject(), Node.ANY, Node.ANY, Node.ANY));
                counts[1] += quads.size();
                RDFDataMgr.writeQuads(out, quads.iterator());
            });
            counts[2] = out.count;
        });
        long nanos = System.nanoTime() - start;
        return new Harvest("raw", nanos, counts[2], 0, (int) counts[0], (int) counts[0], 0);
    }

    private static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    private static HttpResponse<byte[]> get(HttpClient http, String url, String accept, int[] throttled) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET().build();
        for (int attempt = 0; attempt < 100; attempt++) {
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(url, e);
            }
            if (response.statusCode() == 200)
                return response;
            if (response.statusCode() != 429)
                throw new IllegalStateException(url + ": HTTP " + response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
            throttled[0]++;
            Thread.sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
        }
        throw new IllegalStateException(url + ": throttled 100 times");
    }

    private static DatasetGraph parse(byte[] nquads) {
        DatasetGraph data = DatasetGraphFactory.createGeneral();
        RDFParser.source(new ByteArrayInputStream(nquads)).lang(Lang.NQUADS).parse(data);
        return data;
    }

    /** The page the relations of {@code node} lead to, or null. */
    private static String nextPage(DatasetGraph data, String node) {
        Graph g = data.getDefaultGraph();
        for (Triple r : g.find(NodeFactory.createURI(node), LDES.relation, Node.ANY).toList())
            for (Triple t : g.find(r.getObject(), LDES.node, Node.ANY).toList())
                return t.getObject().getURI();
        return null;
    }

    // ---------------------------------------------------------------- where a batch's time goes

    /**
     * In-process, no HTTP, on a fresh store: for each batch, reading the JSON array (JSON-LD to
     * RDF), SHACL validation of its documents one after the other (a dry run), and the ingest of
     * its documents side by side as {@code POST /locaties} does it (4 workers, validation again,
     * identity, write queue with group commit, feed hook), and for comparison one after the other.
     */
    private static Breakdown breakdown(Path root, List<Batch> warm, List<Batch> batches) throws Exception {
        Path dir = Files.createTempDirectory("kohub-bench-feed-parts");
        Hub hub = Hub.builder().store(Tdb2Store.at(dir)).port(0).build();
        AtomicInteger ids = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(2 * Runtime.getRuntime().availableProcessors(),
                r -> new Thread(r, "bench-ingest-" + ids.incrementAndGet()));
        java.util.concurrent.atomic.AtomicBoolean ingesting = new java.util.concurrent.atomic.AtomicBoolean();
        StackSampler sampler = null;
        try {
            Client client = new Client("opgroeien", Role.BEHEER, null, null, List.of());
            for (Batch b : warm)
                ingestParallel(hub, client, hub.reader().readBatch(b.body(), Format.JSONLD), workers);
            sampler = new StackSampler(5, t -> ingesting.get() && (t.getName().equals("kohub-writer") || t.getName().startsWith("bench-ingest")),
                    t -> t.getName().equals("kohub-writer") ? "writer" : "workers", FeedBenchmark::category);
            int half = batches.size() / 2;
            double parse = 0, shacl = 0, parallel = 0, sequential = 0;
            for (int i = 0; i < batches.size(); i++) {
                long t0 = System.nanoTime();
                List<DocumentReader.Item> items = hub.reader().readBatch(batches.get(i).body(), Format.JSONLD);
                long t1 = System.nanoTime();
                for (DocumentReader.Item item : items) {
                    ValidationReport report = hub.pipeline().dryRun(item.graph(), hub.documentTypes());
                    if (!report.conforms())
                        throw new IllegalStateException("does not conform: " + report.problems());
                }
                ingesting.set(i % 2 == 0); // the stacks are sampled while batches are ingested side by side, as POST /locaties does
                long t2 = System.nanoTime();
                // Alternate the two ways, on different batches, so neither gets the emptier store.
                if (i % 2 == 0)
                    ingestParallel(hub, client, items, workers);
                else
                    items.forEach(item -> hub.pipeline().ingest(client, hub.locations().handler(), item.graph(), null));
                long t3 = System.nanoTime();
                ingesting.set(false);
                parse += (t1 - t0) / 1e6;
                shacl += (t2 - t1) / 1e6;
                if (i % 2 == 0)
                    parallel += (t3 - t2) / 1e6;
                else
                    sequential += (t3 - t2) / 1e6;
            }
            int n = batches.size();
            Breakdown b = new Breakdown(n, parse / n, shacl / n, parallel / (n - half), half == 0 ? Double.NaN : sequential / half,
                    sampler.shares());
            log("profile: %s", b.profile());
            log("breakdown per batch: read %.1f ms, SHACL (one after the other) %.1f ms, ingest side by side %.1f ms, one after the other %.1f ms",
                    b.parseMs(), b.shaclMs(), b.ingestMs(), b.ingestSequentialMs());
            return b;
        } finally {
            if (sampler != null)
                sampler.close();
            workers.shutdownNow();
            hub.close();
            IngestBenchmark.delete(dir);
        }
    }

    /** What a sampled thread of the ingest is doing. */
    private static Function<StackTraceElement[], String> category(Thread thread) {
        Thread.State state = thread.getState();
        boolean writer = thread.getName().equals("kohub-writer");
        return stack -> {
            boolean working = StackSampler.has(stack, "be.kohub");
            if (state != Thread.State.RUNNABLE)
                return writer ? "idle (nothing queued)" : working ? "waiting (for the writer: group commit)" : null;
            if (StackSampler.has(stack, "FeedWriter"))
                return "feed hook (members into the feed)";
            if (StackSampler.has(stack, "FactsKeeper"))
                return "report-facts hook";
            for (StackTraceElement f : stack)
                if (f.getClassName().startsWith("org.apache.jena.dboe") && f.getMethodName().startsWith("commit"))
                    return "TDB2 commit (write-out, sync)";
            if (StackSampler.has(stack, "org.apache.jena.shacl") || StackSampler.has(stack, "ShaclValidator"))
                return "SHACL validation";
            if (StackSampler.has(stack, "jsonld") || StackSampler.has(stack, "DocumentReader"))
                return "JSON-LD";
            if (StackSampler.has(stack, "org.apache.jena.sparql.modify"))
                return "adding quads (updates, TDB2 indexes)";
            if (StackSampler.has(stack, "org.apache.jena.sparql.engine") || StackSampler.has(stack, "org.apache.jena.sparql.exec"))
                return "SPARQL queries in the write (identity lookup, bookkeeping reads)";
            if (StackSampler.has(stack, "org.apache.jena.tdb2"))
                return "adding quads (updates, TDB2 indexes)";
            return "other hub code";
        };
    }

    private static void ingestParallel(Hub hub, Client client, List<DocumentReader.Item> items, ExecutorService workers) {
        List<CompletableFuture<Void>> futures = items.stream().map(item -> CompletableFuture.runAsync(
                () -> hub.pipeline().ingest(client, hub.locations().handler(), item.graph(), null), workers)).toList();
        futures.forEach(CompletableFuture::join);
    }

    // ---------------------------------------------------------------- report

    private static String section(ZonedDateTime date, int n, int perBatch, int warmup, int changes, double meanBytes, double meanBatchBytes,
                                  double meanTriples, List<Run> hubRuns, List<WriterLoad> writerLoads, List<Run> rawRuns, Run rawFeed, Visibility v, List<Harvest> harvests,
                                  Breakdown parts, String command) {
        StringBuilder out = new StringBuilder();
        out.append(SECTION).append("\n\n");
        out.append("Run ").append(date.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(" with\n\n");
        out.append("```\n").append(command).append("\n```\n\n");
        out.append("Machine: ").append(Machine.describe()).append(".\n\n");
        out.append(String.format(Locale.ROOT, "%,d distinct location sheets (made by `LocationSheets`, %.0f bytes of JSON-LD and %.1f triples each on "
                + "average), posted as %,d JSON arrays of %d (%.0f KiB each; the default input limits, 1000 documents and 16 MiB per batch, "
                + "hold them). Before the measured hubs, %,d other sheets went to a throw-away hub the same way (warm-up, not counted).%n%n",
                n, meanBytes, meanTriples, (n + perBatch - 1) / perBatch, perBatch, meanBatchBytes / 1024, warmup));

        Run best = hubRuns.stream().max((a, b) -> Double.compare(a.perSecond(), b.perSecond())).orElseThrow();
        Run baseline = rawRuns.stream().max((a, b) -> Double.compare(a.perSecond(), b.perSecond())).orElseThrow();
        out.append("### Batch ingest\n\n");
        out.append("| run | client threads | validated members/s | p50 ms per batch | p99 ms per batch | hub / raw | CPU of this JVM / others / stolen | peak heap MiB |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Run r : hubRuns)
            row(out, "hub: `POST /locaties`, " + perBatch + " sheets per request, full validation, sheet and member written in one go", r, baseline);
        for (Run r : rawRuns)
            row(out, "raw TDB2: the sheets' triples, one write transaction per " + perBatch + " sheets, no validation, "
                    + (r.name().equals("raw-before") ? "before the hub runs" : "after the hub runs")
                    + (r == baseline ? " (**baseline**, the faster)" : ""), r, baseline);
        row(out, "raw TDB2: the same plus what the hub writes with each sheet (bookkeeping, event, feed member with its two texts), one "
                + "transaction per " + perBatch + " (context: the hub's writes with no hub code)", rawFeed, baseline);
        out.append('\n');
        double busiest = Stream.concat(hubRuns.stream(), rawRuns.stream()).mapToDouble(Run::othersCpu).filter(d -> !Double.isNaN(d)).max().orElse(0);
        if (busiest > 0.2)
            out.append(String.format(Locale.ROOT, "**Other processes used up to %.0f %% of the machine's CPU during these runs** (see the CPU column): "
                    + "the figures are lower than on a quiet machine and rows with different shares are not comparable.%n%n", 100 * busiest));
        Run one = hubRuns.get(0);
        out.append(String.format(Locale.ROOT, "Aim: at least %,.0f validated members/s when posted in batches (the reference LDES server: about %.0f "
                        + "members/s per client thread on 3 CPUs, 100 members per POST). %s: %s.%n%n",
                AIM_PER_SECOND, REFERENCE_PER_SECOND, best.perSecond() >= AIM_PER_SECOND ? "**Met**" : "**Not met**",
                hubRuns.stream().map(r -> String.format(Locale.ROOT, "%,.0f members/s with %d client thread%s (%.2f × the reference's per-thread figure)",
                        r.perSecond(), r.clients(), r.clients() == 1 ? "" : "s", r.perSecond() / REFERENCE_PER_SECOND)).reduce((a, b) -> a + ", " + b).orElse("")));
        if (best.perSecond() < AIM_PER_SECOND)
            out.append(String.format(Locale.ROOT, "Why not: on this machine the aim is above what TDB2 itself does. The raw write of the sheets' triples alone, "
                            + "with no validation and no hub, reaches %,.0f sheets/s, and the raw write of everything the hub stores with them %,.0f/s "
                            + "(the rows above); one writer does all writes, so no number of client threads lifts that bound. Reading and SHACL "
                            + "validation besides cost CPU on the same %d cores (see below).%n%n",
                    baseline.perSecond(), rawFeed.perSecond(), Runtime.getRuntime().availableProcessors()));
        if (parts != null) {
            out.append(String.format(Locale.ROOT, "Where a batch's time goes (in-process on a fresh store, no HTTP, mean of %d batches of %d): "
                            + "reading the JSON array into RDF (JSON-LD) %.1f ms; SHACL validation of its %d sheets one after the other %.1f ms; "
                            + "the ingest of the batch as `POST /locaties` does it, side by side on %d workers (validation again, identity lookup, "
                            + "write queue with group commit, the feed hook writing the members in the same transaction) %.1f ms, or %.1f ms one "
                            + "after the other. Over HTTP the p50 of a batch is %.1f ms with one client thread; the raw TDB2 write of the same "
                            + "triples is %.1f ms per batch (p50), and %.1f ms with all that the hub writes besides (bookkeeping, event, member).%n%n",
                    parts.batches(), perBatch, parts.parseMs(), perBatch, parts.shaclMs(), 2 * Runtime.getRuntime().availableProcessors(),
                    parts.ingestMs(), parts.ingestSequentialMs(), one.percentileMs(50), baseline.percentileMs(50), rawFeed.percentileMs(50)));
            int cores = Runtime.getRuntime().availableProcessors();
            double rawMs = baseline.nanos() / 1e6 / baseline.documents();
            double rawAllMs = rawFeed.nanos() / 1e6 / rawFeed.documents();
            double cpuMs = (parts.parseMs() + parts.shaclMs()) / perBatch + rawMs;
            out.append(String.format(Locale.ROOT, "What the machine allows at best: reading (%.2f ms) and validating (%.2f ms) a sheet take "
                            + "%.2f ms of one core, and the raw TDB2 write of its triples, which only one writer can do at a time, %.2f ms "
                            + "(the baseline's wall time per sheet). Spread perfectly over %d cores, with nothing else stored (no bookkeeping, "
                            + "event or feed member) and nothing for HTTP, that is at most **%,.0f members/s**, and the writer alone at most %,.0f/s.%n%n",
                    parts.parseMs() / perBatch, parts.shaclMs() / perBatch, (parts.parseMs() + parts.shaclMs()) / perBatch, rawMs,
                    cores, Math.min(cores * 1000 / cpuMs, 1000 / rawMs), 1000 / rawMs));
            List<String> writer = new ArrayList<>();
            for (int i = 0; i < hubRuns.size(); i++) {
                Run r = hubRuns.get(i);
                WriterLoad w = writerLoads.get(i);
                writer.add(String.format(Locale.ROOT, "with %d client thread%s %,d write transactions (%.1f sheets each), inside one %.0f %% of the run, "
                                + "%.2f ms per sheet of which %.2f ms commit", r.clients(), r.clients() == 1 ? "" : "s", w.writes(),
                        (double) r.documents() / w.writes(), 100 * w.busy(r.nanos()), w.writeMsPer(r.documents()), w.commitMsPer(r.documents())));
            }
            out.append("The hub's one writer during the HTTP runs (from the hub's own `/metrics`, `kohub_store_transaction_seconds` and "
                    + "`kohub_store_commit_seconds`): ").append(String.join("; ", writer)).append(String.format(Locale.ROOT,
                    "; against %.2f ms per sheet for the raw write of the sheets alone and %.2f ms for the raw write of all the hub writes "
                    + "with them (which bounds the hub's writer, on this machine, to %,.0f sheets/s).%n%n",
                    rawMs, rawAllMs, 1000 / rawAllMs));
            out.append("Sampled stacks (every 5 ms) while the batches were ingested side by side, as shares of each thread's wall time "
                    + "(`Thread.getStackTrace` waits for a safepoint, which favours time in native calls such as the commit's syncs: the "
                    + "writer's own timers above are the exact split between work and commit): ");
            List<String> groups = new ArrayList<>();
            parts.profile().forEach((group, shares) -> groups.add((group.equals("writer") ? "the one writer thread (`kohub-writer`, which runs "
                    + "every write and commit)" : "the ingest workers, while inside an ingest") + ": " + shares.entrySet().stream()
                    .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                    .map(e -> String.format(Locale.ROOT, "%s %.0f %%", e.getKey(), 100 * e.getValue())).reduce((a, b) -> a + ", " + b).orElse("")));
            out.append(String.join("; ", groups)).append(".\n\n");
        }

        out.append("### Visibility\n\n");
        out.append(String.format(Locale.ROOT, "After the load, %d times: one sheet of the load posted again with another name (`POST /locaties`, "
                        + "answered 200 with version 2), then the newest feed page the client knows (`GET /ldes/locaties/pagina/{n}`, N-Quads) read "
                        + "and searched for the new member; a relation to a newer page, once the page is full, is followed at once.%n%n", v.changes()));
        out.append("| | p50 ms | p99 ms | max ms |\n|---|---:|---:|---:|\n");
        out.append(String.format(Locale.ROOT, "| POST sent → answer | %.2f | %.2f | %.2f |%n", percentile(v.posted(), 50), percentile(v.posted(), 99), percentile(v.posted(), 100)));
        out.append(String.format(Locale.ROOT, "| POST sent → member seen in the feed | %.2f | %.2f | %.2f |%n%n", percentile(v.seen(), 50), percentile(v.seen(), 99), percentile(v.seen(), 100)));
        out.append(String.format(Locale.ROOT, "Visible on the first read after the answer: **%d of %d** (%d with a single GET; the others followed the "
                        + "relation to the page the member opened; at most %d GETs). The member is written in the transaction that stores the "
                        + "sheet, so once the POST is answered it is in the feed; the reference server shows members only after its fragmentation "
                        + "job, which runs every %d s by default.%s%n%n", v.firstRead(), v.changes(), v.oneGet(), v.maxGets(), REFERENCE_FRAGMENTATION_S,
                v.throttled() > 0 ? String.format(Locale.ROOT, " (%d answers were 429, waited out; their wait is in the times.)", v.throttled()) : ""));

        out.append("### Harvest\n\n");
        Harvest walk = harvests.get(0), npm = harvests.get(1), rest = harvests.get(2), raw = harvests.get(3);
        out.append("| harvest | time ms | members/s | bytes | pages | members | distinct sheets |\n|---|---:|---:|---:|---:|---:|---:|\n");
        out.append(harvestRow("plain HTTP: root, then each page its relations lead to (N-Quads, parsed with Jena)", walk, walk.bytes(), walk.pages() + " (+ root)"));
        out.append(harvestRow("npm `ldes-client` 0.3.0 (Node.js " + nodeVersion() + "), no follow, until `done` (process start included)", npm,
                walk.bytes(), "same pages"));
        out.append(harvestRow("baseline: REST list `GET /locaties?limit=100` with the `Link` cursor (N-Triples, parsed with Jena)", rest, rest.bytes(),
                Integer.toString(rest.pages())));
        out.append(harvestRow("baseline: raw TDB2 read of every location graph, written as N-Quads to a byte counter", raw, raw.bytes(), "–"));
        out.append('\n');
        int expectedMembers = n + v.changes();
        boolean countsOk = walk.members() == expectedMembers && npm.members() == expectedMembers && walk.documents() == n && npm.documents() == n
                && rest.members() == n && raw.members() == n;
        out.append(String.format(Locale.ROOT, "Counts: %s. The feed holds %,d members (%,d sheets, %d of them also in a second version from the "
                        + "visibility runs); the walk found %,d members of %,d sheets, the npm client %,d of %,d; the REST list %,d sheets, the "
                        + "raw read %,d.%s%n%n", countsOk ? "**as expected**" : "**not as expected**", expectedMembers, n, v.changes(), walk.members(),
                walk.documents(), npm.members(), npm.documents(), rest.members(), raw.members(),
                walk.throttled() + rest.throttled() > 0 ? String.format(Locale.ROOT, " The feed's rate limit answered 429 %d times during the walk; the waits are in its time.", walk.throttled()) : ""));

        out.append("Webhook deliveries per second: measured by their own benchmark, see \"[Webhooks: deliveries per second](#webhooks-deliveries-per-second)\" below.\n\n");

        out.append(String.format(Locale.ROOT, "What is measured: each hub runs in the benchmark's JVM on a fresh TDB2 database in a temporary directory, at "
                + "its own URL (`http://localhost:{port}`, so the feed's IRIs are the URLs clients fetch), with the demo API keys and the default "
                + "settings (250 members per feed page, feed rate limit 50 requests/s with bursts of 200 per caller); a `java.net.http` client in the "
                + "same JVM (HTTP/1.1, keep-alive) posts the batches as the client `opgroeien` (beheer). Every batch must be answered 200 with all "
                + "its sheets stored (201 each); members/s is the sheets over the wall time of all batches, latency is per batch as the client "
                + "sees it. Each sheet is read as JSON-LD, validated against `shapes/locatie.ttl`, mapped to the hub's IRI and written with its "
                + "bookkeeping, event and feed member (the sheet again, in the member's graph) in the committing transaction. A run with more "
                + "client threads uses a new store. The raw baseline writes the same triples (parsed before timing) into a fresh TDB2 database, "
                + "each sheet in its own named graph, one transaction per batch from one thread, once before and once after the hub runs (the "
                + "faster counts). The visibility and harvest runs use the store of the last ingest run. The npm client runs as a separate "
                + "Node.js process (`src/test/ldes-client/replicate.mjs`) that prints each member as a JSON line with its quads in N-Quads; its "
                + "bytes are those of the same pages as the walk (it was not given a counting proxy). The reference figures are those given in "
                + "issue 6 for the Flemish LDES server (3 CPUs); this machine has %d cores and runs client and hub together. Peak heap is the whole "
                + "JVM during the phase, after a GC at its start; the CPU column is the share of the whole machine used by this JVM, by other "
                + "processes and stolen by the hypervisor (from /proc).%n", Runtime.getRuntime().availableProcessors()));
        return out.toString();
    }

    private static void row(StringBuilder out, String label, Run r, Run baseline) {
        out.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %.1f | %.1f | %.2f | %s | %d |%n", label, r.clients(), r.perSecond(),
                r.percentileMs(50), r.percentileMs(99), r.perSecond() / baseline.perSecond(),
                String.format(Locale.ROOT, "%.0f %% / %.0f %% / %.0f %%", 100 * r.ownCpu(), 100 * r.othersCpu(), 100 * r.stealCpu()),
                r.peakHeap() >> 20));
    }

    private static String harvestRow(String label, Harvest h, long bytes, String pages) {
        return String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %s | %s | %,d | %,d |%n", label, h.nanos() / 1e6, h.members() * 1e9 / h.nanos(),
                bytes < 0 ? "–" : String.format(Locale.ROOT, "%,d", bytes), pages, h.members(), h.documents());
    }

    private static String nodeVersion() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            return v.replaceFirst("^v", "");
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }

    private static String command(int n, int perBatch, int warmup, int changes) {
        StringBuilder command = new StringBuilder(BASE_COMMAND);
        if (n != 10_000)
            command.append(" -Dbench.sheets=").append(n);
        if (perBatch != 100)
            command.append(" -Dbench.batch=").append(perBatch);
        if (warmup != 1000)
            command.append(" -Dbench.warmup=").append(warmup);
        if (changes != 100)
            command.append(" -Dbench.changes=").append(changes);
        String clients = System.getProperty("bench.clients");
        if (clients != null && !clients.replace(" ", "").equals("1,3"))
            command.append(" -Dbench.clients=").append(clients.replace(" ", ""));
        return command.toString();
    }

    // ---------------------------------------------------------------- helpers

    private static double ownSince(Machine.Cpu before, Machine.Cpu after) {
        long total = after.total() - before.total();
        return total <= 0 ? Double.NaN : (after.own() - before.own()) / (double) total;
    }

    static double percentile(long[] nanos, double p) {
        if (nanos == null || nanos.length == 0)
            return Double.NaN;
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    private static List<byte[]> bytes(List<String> sheets) {
        return sheets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    }

    private static void report(Run r) {
        log("%-10s clients=%d  %8.1f members/s  p50 %7.1f ms  p99 %7.1f ms  peak heap %5d MiB  GC %d× %d ms  CPU own %.0f%% others %.0f%% steal %.0f%%",
                r.name(), r.clients(), r.perSecond(), r.percentileMs(50), r.percentileMs(99), r.peakHeap() >> 20, r.gcCount(), r.gcMillis(),
                100 * r.ownCpu(), 100 * r.othersCpu(), 100 * r.stealCpu());
    }

    private static void log(String format, Object... args) {
        IngestBenchmark.log(format, args);
    }
}
