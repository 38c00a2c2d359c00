package be.kohub.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.Jena;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;

import be.kohub.Hub;
import be.kohub.RunningHub;
import be.kohub.TestStores;
import be.kohub.access.ApiKeys;
import be.kohub.generate.ScaleGenerator;
import be.kohub.generate.Settings;
import be.kohub.generate.Tdb2BulkLoad;
import be.kohub.report.Period;
import be.kohub.report.Report;
import be.kohub.store.Queries;
import be.kohub.store.Store;
import be.kohub.store.Tdb2Store;
import be.kohub.store.remote.RemoteStore;

/**
 * The hub on its two stores in one run: the embedded TDB2 store, and a Fuseki server
 * (jena-fuseki-main, in this JVM, on loopback, with its own TDB2 database) reached over HTTP
 * through {@link RemoteStore}. For each store, a hub on a free port with the demo clients:
 * <ol>
 * <li>ingest: N distinct location sheets posted one per request to {@code POST /locaties}, with 1
 *     and with 4 client threads (each run on a fresh store, after warm-up sheets that are not
 *     counted), and as JSON arrays of 100 from one thread;</li>
 * <li>the yearly report set (the nine reports of one year, as {@link ReportsBenchmark} asks them
 *     over HTTP as the analyst) on a generated store: generated and bulk-loaded once, the database
 *     copied, one copy opened embedded and the other served by Fuseki; timed are the hub's start
 *     (stored facts loaded), a status change, the set right after it and again with nothing written
 *     since (and, if asked, the first start on the bulk-loaded store).</li>
 * </ol>
 * Writes the section "Stores: embedded TDB2 and remote Fuseki" of docs/benchmarks.md.
 *
 * <p>{@code mvn -q -Pbench-stores test-compile exec:java}; settings: {@code bench.sheets} (1000),
 * {@code bench.warmup} (200 sheets per ingest run), {@code bench.clients} ("1,4"),
 * {@code bench.batch} (100; 0 leaves the batch rows out), {@code bench.children} (generated
 * children of the report store, 2000), {@code bench.runs} (measured report runs and starts, 5),
 * {@code bench.firstStart} (false: the bulk-loaded store is started once by an embedded hub
 * before it is copied; true: the first start, which computes the report facts and builds the
 * feeds, is timed on each store; on the remote store it reads document by document over HTTP and
 * takes many minutes at 2000 children), {@code bench.root}, {@code bench.output}.
 */
public final class StoreBenchmark {
    static final String SECTION = "## Stores: embedded TDB2 and remote Fuseki";
    private static final String BASE_COMMAND = "mvn -q -Pbench-stores test-compile exec:java";
    private static final int WARM_RUNS = 2;
    private static final long SEED = 42;
    private static final String STATUS = "{\"status\":\"in-behandeling\"}";
    /** The demo API keys (sample-data/demo-clients.json) of the posting and the reading client. */
    private static final String BEHEER = RunningHub.key("opgroeien"), ANALIST = RunningHub.key("opgroeien-analist");

    /** Which store a hub runs on. */
    enum Kind {
        EMBEDDED("embedded TDB2"), REMOTE("remote Fuseki");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** The ingest runs of one store: one per client thread count, and the batch run (or null). */
    record Ingest(List<IngestBenchmark.Phase> single, FeedBenchmark.Run batch, long serverRequests, long batchServerRequests) {}

    /** The report runs of one store; times in ns (first start -1: not measured), medians taken when written. */
    record Reports(long firstStart, long firstStartServerRequests, int requests, long[] starts, long[] writes, long[] afterWrite, long[] cached,
                   long serverRequestsPerWrite, long serverRequestsPerSet, String answers, double othersCpu, double stealCpu) {}

    public static void main(String[] args) {
        ExitingMain.run(StoreBenchmark::run);
    }

    private static void run() throws Exception {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Path output = root.resolve(System.getProperty("bench.output", "docs/benchmarks.md"));
        int n = Integer.getInteger("bench.sheets", 1000);
        int warmup = Integer.getInteger("bench.warmup", 200);
        int perBatch = Integer.getInteger("bench.batch", 100);
        int children = Integer.getInteger("bench.children", 2000);
        int runs = Integer.getInteger("bench.runs", 5);
        boolean firstStart = Boolean.getBoolean("bench.firstStart");
        List<Integer> clientCounts = Stream.of(System.getProperty("bench.clients", "1,4").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(Integer::parseInt).toList();
        if (n < 1 || warmup < 0 || perBatch < 0 || children < 10 || runs < 1 || clientCounts.isEmpty() || clientCounts.stream().anyMatch(c -> c < 1))
            throw new IllegalArgumentException("need bench.sheets >= 1, bench.warmup >= 0, bench.batch >= 0, bench.children >= 10, "
                    + "bench.runs >= 1, bench.clients >= 1");
        ZonedDateTime started = ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        long t0 = System.nanoTime();
        ApiKeys demo = ApiKeys.fromFile(root.resolve("sample-data/demo-clients.json"));
        LocationSheets generator = LocationSheets.from(root.resolve("sample-data"));
        List<byte[]> bodies = bytes(generator.generate("STORE", n, SEED));
        List<byte[]> warmBodies = bytes(generator.generate("WARM", warmup, 7));
        double meanBytes = bodies.stream().mapToInt(b -> b.length).average().orElse(0);
        log("%d sheets (%.0f bytes on average), %d warm-up sheets per run, client threads %s, batches of %d; report store of %d children, %d runs",
                n, meanBytes, warmup, clientCounts, perBatch, children, runs);

        Map<Kind, Ingest> ingest = new EnumMap<>(Kind.class);
        Map<Kind, Reports> reports = new EnumMap<>(Kind.class);
        Path temp = Files.createTempDirectory("kohub-bench-stores");
        try (HeapMeter meter = new HeapMeter()) {
            // Ingest: the stores take turns for each thread count, so that drift on the machine hits both.
            Map<Kind, List<IngestBenchmark.Phase>> single = new EnumMap<>(Kind.class);
            Map<Kind, Long> requests = new EnumMap<>(Kind.class);
            for (int clients : clientCounts)
                for (Kind kind : Kind.values()) {
                    long[] serverRequests = new long[1];
                    single.computeIfAbsent(kind, k -> new ArrayList<>())
                            .add(ingest(kind, temp, demo, clients, warmBodies, bodies, meter, serverRequests));
                    if (clients == 1)
                        requests.put(kind, serverRequests[0]);
                }
            Map<Kind, FeedBenchmark.Run> batch = new EnumMap<>(Kind.class);
            Map<Kind, Long> batchRequests = new EnumMap<>(Kind.class);
            if (perBatch > 0)
                for (Kind kind : Kind.values()) {
                    long[] serverRequests = new long[1];
                    batch.put(kind, batches(kind, temp, demo, perBatch, warmBodies, bodies, meter, serverRequests));
                    batchRequests.put(kind, serverRequests[0]);
                }
            for (Kind kind : Kind.values())
                ingest.put(kind, new Ingest(single.get(kind), batch.get(kind), requests.getOrDefault(kind, -1L), batchRequests.getOrDefault(kind, -1L)));

            // Reports: one generated store, copied for each.
            Settings settings = Settings.forChildren(children, SEED);
            Path gen = temp.resolve("gen"), db = temp.resolve("db");
            long g0 = System.nanoTime();
            new ScaleGenerator(settings).generate(gen);
            Tdb2BulkLoad.Loaded loaded = Tdb2BulkLoad.load(gen.resolve(ScaleGenerator.QUADS), db, (format, a) -> {});
            log("generated and bulk-loaded %d children (%,d quads) in %d ms", children, loaded.quads(), (System.nanoTime() - g0) / 1_000_000);
            if (!firstStart) {
                // The store as a running hub keeps it: a first start computes the report facts and builds the feeds, once.
                long f0 = System.nanoTime();
                hub(Tdb2Store.at(db), demo, settings).close();
                log("first start on the embedded store (facts and feeds built): %d ms", (System.nanoTime() - f0) / 1_000_000);
            }
            List<String> submitted = submitted(db);
            if (submitted.size() < WARM_RUNS + runs)
                throw new IllegalStateException("the generated store has " + submitted.size() + " submitted requests; "
                        + (WARM_RUNS + runs) + " are needed (more bench.children or fewer bench.runs)");
            for (Kind kind : Kind.values())
                reports.put(kind, reports(kind, temp, db, settings, demo, submitted, runs, firstStart));
            String section = section(started, command(n, warmup, perBatch, children, runs, clientCounts, firstStart), n, warmup, meanBytes, perBatch,
                    clientCounts, ingest, settings, loaded.quads(), runs, reports);
            BenchmarkFile.writeSection(output, SECTION, section);
            System.out.println();
            System.out.println(section);
            log("written to %s; the run took %d s", output, (System.nanoTime() - t0) / 1_000_000_000);
        } finally {
            IngestBenchmark.delete(temp);
        }
    }

    // ---------------------------------------------------------------- the stores

    /**
     * The store of one measurement, in its own directory: the embedded TDB2 database there, or a
     * Fuseki server ({@link TestStores#fuseki}: this JVM, loopback, a free port) serving the TDB2
     * database in its {@code fuseki} folder. The server outlives the hubs, as a database does.
     */
    private static final class Backend implements AutoCloseable {
        private final Kind kind;
        private final Path dir;
        private final FusekiServer server;

        private Backend(Kind kind, Path dir) {
            this.kind = kind;
            this.dir = dir;
            this.server = kind == Kind.REMOTE ? TestStores.fuseki(dir) : null;
        }

        /** Where the TDB2 files of this store go (fill it before the backend starts). */
        static Path database(Kind kind, Path dir) {
            return kind == Kind.REMOTE ? dir.resolve("fuseki") : dir;
        }

        /** A new store object for a hub (closed with the hub). */
        Store open() {
            return server == null ? Tdb2Store.at(dir) : RemoteStore.at("http://localhost:" + server.getPort() + "/ds", null, null);
        }

        /**
         * Requests the Fuseki dataset has answered so far (0 for the embedded store), once the count
         * stays put for 50 ms: Fuseki may count a request after its answer has reached the hub.
         * Waits as long on either store, so that both get the same pause.
         */
        long serverRequests() throws InterruptedException {
            long last = count();
            for (int i = 0; i < 40; i++) {
                Thread.sleep(50);
                long now = count();
                if (now == last)
                    return now;
                last = now;
            }
            return last;
        }

        private long count() {
            return server == null ? 0 : server.getDataAccessPointRegistry().get("/ds").getDataService().getRequests();
        }

        @Override
        public void close() {
            if (server == null)
                return;
            server.stop();
            TDBInternal.expel(DatabaseMgr.connectDatasetGraph(database(kind, dir).toString()));
        }
    }

    private static Hub hub(Store store, ApiKeys clients, Settings settings) {
        Hub.Builder builder = Hub.builder().store(store).port(0).clients(clients);
        if (settings != null)
            builder.base(settings.base()).identityKey(ScaleGenerator.identityKey(settings.seed()));
        return builder.build().start();
    }

    // ---------------------------------------------------------------- ingest

    private static IngestBenchmark.Phase ingest(Kind kind, Path temp, ApiKeys demo, int clients, List<byte[]> warm, List<byte[]> bodies,
                                                HeapMeter meter, long[] serverRequests) throws Exception {
        Path dir = Files.createTempDirectory(temp, "ingest-" + kind.name().toLowerCase(Locale.ROOT));
        try (Backend backend = new Backend(kind, dir)) {
            Hub hub = hub(backend.open(), demo, null);
            try {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                URI uri = URI.create("http://localhost:" + hub.port() + "/locaties");
                HttpPosts.post(http, uri, warm.stream().map(b -> new HttpPosts.Post(b, BEHEER)).toList(), clients, new long[warm.size()]);
                meter.reset();
                long r0 = backend.serverRequests();
                long[] gc0 = HeapMeter.gcCountAndMillis();
                Machine.Cpu cpu0 = Machine.cpu();
                long[] latencies = new long[bodies.size()];
                long start = System.nanoTime();
                HttpPosts.post(http, uri, bodies.stream().map(b -> new HttpPosts.Post(b, BEHEER)).toList(), clients, latencies);
                long nanos = System.nanoTime() - start;
                Machine.Cpu cpu1 = Machine.cpu();
                long[] gc1 = HeapMeter.gcCountAndMillis();
                serverRequests[0] = backend.serverRequests() - r0;
                IngestBenchmark.Phase phase = new IngestBenchmark.Phase(kind.name().toLowerCase(Locale.ROOT), clients, bodies.size(), nanos,
                        latencies, meter.peakBytes(), gc1[0] - gc0[0], gc1[1] - gc0[1], cpu1.othersSince(cpu0), cpu1.stealSince(cpu0));
                long stored = locations(hub);
                if (stored != warm.size() + bodies.size())
                    throw new IllegalStateException(kind.label + ": the hub holds " + stored + " locations, expected " + (warm.size() + bodies.size()));
                log("%-14s ingest, %d client thread(s): %8.1f sheets/s  p50 %7.2f ms  p99 %7.2f ms  %s server requests per sheet  "
                                + "others' CPU %.0f%%, steal %.0f%%", kind.label, clients, phase.perSecond(), phase.percentileMs(50), phase.percentileMs(99),
                        kind == Kind.REMOTE ? String.format(Locale.ROOT, "%.1f", serverRequests[0] / (double) bodies.size()) : "–",
                        100 * phase.othersCpu(), 100 * phase.stealCpu());
                return phase;
            } finally {
                hub.close();
            }
        } finally {
            IngestBenchmark.delete(dir);
        }
    }

    private static FeedBenchmark.Run batches(Kind kind, Path temp, ApiKeys demo, int perBatch, List<byte[]> warm, List<byte[]> bodies,
                                             HeapMeter meter, long[] serverRequests) throws Exception {
        Path dir = Files.createTempDirectory(temp, "batch-" + kind.name().toLowerCase(Locale.ROOT));
        try (Backend backend = new Backend(kind, dir)) {
            Hub hub = hub(backend.open(), demo, null);
            try {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                URI uri = URI.create("http://localhost:" + hub.port() + "/locaties");
                FeedBenchmark.postBatches(http, uri, BEHEER, FeedBenchmark.batches(warm, perBatch), 1, kind.name().toLowerCase(Locale.ROOT) + "-warm", meter);
                long r0 = backend.serverRequests();
                FeedBenchmark.Run run = FeedBenchmark.postBatches(http, uri, BEHEER, FeedBenchmark.batches(bodies, perBatch), 1,
                        kind.name().toLowerCase(Locale.ROOT) + "-batch", meter);
                serverRequests[0] = backend.serverRequests() - r0;
                long stored = locations(hub);
                if (stored != warm.size() + bodies.size())
                    throw new IllegalStateException(kind.label + ": the hub holds " + stored + " locations, expected " + (warm.size() + bodies.size()));
                return run;
            } finally {
                hub.close();
            }
        } finally {
            IngestBenchmark.delete(dir);
        }
    }

    private static long locations(Hub hub) {
        return hub.store().read(tx -> Long.parseLong(tx.select(QueryFactory.create(
                "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://data.kohub.be/graph/systeem> { ?d <https://data.kohub.be/ns/kohub#documenttype> \"locatie\" } }"))
                .get(0).get(Var.alloc("n")).getLiteralLexicalForm()));
    }

    // ---------------------------------------------------------------- the yearly report set

    /** Requests of the generated store still at their first status, by IRI, so that both stores get the same writes. */
    private static List<String> submitted(Path db) {
        try (Tdb2Store store = Tdb2Store.at(db)) {
            return store.read(tx -> tx.select(Queries.load("bench/submitted-requests.rq"))).stream()
                    .map(b -> b.get(Var.alloc("aanvraag")).getURI()).sorted().toList();
        }
    }

    private static Reports reports(Kind kind, Path temp, Path db, Settings settings, ApiKeys demo, List<String> submitted, int runs,
                                   boolean measureFirstStart) throws Exception {
        Path dir = Files.createTempDirectory(temp, "reports-" + kind.name().toLowerCase(Locale.ROOT));
        copy(db, Backend.database(kind, dir));
        LocalDate asOf = settings.asOf();
        Period year = Period.year(asOf.getYear());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Machine.Cpu cpu0 = Machine.cpu();
        try (Backend backend = new Backend(kind, dir)) {
            long firstStart = -1, firstStartRequests = -1;
            if (measureFirstStart) {
                // The first start on the bulk-loaded store computes every request's facts and builds the feeds, and stores them.
                long r0 = backend.serverRequests();
                long s0 = System.nanoTime();
                hub(backend.open(), demo, settings).close();
                firstStart = System.nanoTime() - s0;
                firstStartRequests = backend.serverRequests() - r0;
                log("%-14s first start (facts computed and feeds built): %d ms, %d requests to the store's server",
                        kind.label, firstStart / 1_000_000, firstStartRequests);
            }

            // Starts that load the stored facts (one not counted first); the last hub stays up for the report runs.
            long[] starts = new long[runs];
            Hub hub = null;
            for (int i = -1; i < runs; i++) {
                if (hub != null)
                    hub.close();
                long s0 = System.nanoTime();
                hub = hub(backend.open(), demo, settings);
                if (i >= 0)
                    starts[i] = System.nanoTime() - s0;
            }
            int requests = hub.reports().facts().requestCount();
            try {
                String base = "http://localhost:" + hub.port();
                long[] writes = new long[runs], afterWrite = new long[runs], cached = new long[runs];
                long writeRequests = 0, setRequests = 0;
                String answers = null;
                for (int i = -WARM_RUNS; i < runs; i++) {
                    String id = submitted.get(i + WARM_RUNS);
                    long rw = backend.serverRequests();
                    long w0 = System.nanoTime();
                    ReportsBenchmark.send(http, base + "/aanvragen/" + id.substring(id.lastIndexOf('/') + 1) + "/status", BEHEER, STATUS);
                    long w = System.nanoTime() - w0;
                    long r0 = backend.serverRequests();
                    long h0 = System.nanoTime();
                    yearlySet(http, base, ANALIST, year, asOf);
                    long h = System.nanoTime() - h0;
                    long r1 = backend.serverRequests();
                    long c0 = System.nanoTime();
                    String body = yearlySet(http, base, ANALIST, year, asOf);
                    long c = System.nanoTime() - c0;
                    if (i >= 0) {
                        writes[i] = w;
                        afterWrite[i] = h;
                        cached[i] = c;
                        writeRequests = r0 - rw;
                        setRequests = r1 - r0;
                        answers = body;
                    }
                }
                Machine.Cpu cpu1 = Machine.cpu();
                log("%-14s start %d ms; write %d ms; yearly set over HTTP after a write %d ms, cached %d ms",
                        kind.label, ReportsBenchmark.median(starts) / 1_000_000, ReportsBenchmark.median(writes) / 1_000_000,
                        ReportsBenchmark.median(afterWrite) / 1_000_000, ReportsBenchmark.median(cached) / 1_000_000);
                return new Reports(firstStart, firstStartRequests, requests, starts, writes, afterWrite, cached, writeRequests, setRequests, answers,
                        cpu1.othersSince(cpu0), cpu1.stealSince(cpu0));
            } finally {
                hub.close();
            }
        } finally {
            IngestBenchmark.delete(dir);
        }
    }

    /** The nine reports of one year as the dashboard asks them (uitkomsten for Gent); answers their bodies, one after the other. */
    private static String yearlySet(HttpClient http, String base, String key, Period year, LocalDate asOf) throws Exception {
        StringBuilder bodies = new StringBuilder();
        for (Report r : Report.values())
            bodies.append(ReportsBenchmark.get(http, base + "/rapporten/" + r.code() + "?periode=" + year + "&peildatum=" + asOf
                    + (r == Report.UITKOMSTEN ? "&gemeente=" + ReportsBenchmark.GENT : ""), key)).append('\n');
        return bodies.toString();
    }

    // ---------------------------------------------------------------- the section

    static String section(ZonedDateTime date, String command, int n, int warmup, double meanBytes, int perBatch, List<Integer> clientCounts,
                          Map<Kind, Ingest> ingest, Settings settings, long quads, int runs, Map<Kind, Reports> reports) {
        Ingest ie = ingest.get(Kind.EMBEDDED), ir = ingest.get(Kind.REMOTE);
        Reports re = reports.get(Kind.EMBEDDED), rr = reports.get(Kind.REMOTE);
        StringBuilder s = new StringBuilder();
        s.append(SECTION).append("\n\n");
        s.append("Run ").append(date.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(" with\n\n");
        s.append("```\n").append(command).append("\n```\n\n");
        s.append("Machine: ").append(Machine.describe()).append(".\n\n");
        s.append(String.format(Locale.ROOT, "The same hub on two stores: **embedded** TDB2 in a temporary directory, and **remote**: "
                + "a Fuseki server (jena-fuseki-main %s) started in the benchmark's JVM on loopback with its own TDB2 database in a "
                + "temporary directory, reached over HTTP through `RemoteStore` (each write: the store's revision read, the write's "
                + "updates sent as one guarded request, its mark checked; every read a SPARQL query to the server). Hub, Fuseki and the "
                + "client share this JVM and its %d cores, so the remote figures include Fuseki's own work but no network: over a real "
                + "network each round trip to the store adds its latency.%n%n", Jena.VERSION, Runtime.getRuntime().availableProcessors()));

        s.append("### Ingest of location sheets\n\n");
        s.append(String.format(Locale.ROOT, "%,d distinct location sheets (made by `LocationSheets`, %.0f bytes of JSON-LD on average) posted "
                + "to `POST /locaties` as the client `opgroeien` (beheer), each run on a fresh store after %,d other sheets posted the same "
                + "way (warm-up, not counted); sheets/s is N over the wall time of all N requests, latency is per request as the client "
                + "sees it (nearest-rank percentiles).%n%n", n, meanBytes, warmup));
        s.append("| measure | embedded TDB2 | remote Fuseki | remote / embedded |\n|---|---:|---:|---:|\n");
        for (int i = 0; i < clientCounts.size(); i++) {
            IngestBenchmark.Phase e = ie.single().get(i), r = ir.single().get(i);
            String who = String.format(Locale.ROOT, "one sheet per request, %d client thread%s", e.clients(), e.clients() == 1 ? "" : "s");
            s.append(ratioRow(who + ": sheets/s", e.perSecond(), r.perSecond(), "%,.1f"));
            s.append(ratioRow(who + ": p50 ms per request", e.percentileMs(50), r.percentileMs(50), "%.2f"));
            s.append(ratioRow(who + ": **p99 ms per request**", e.percentileMs(99), r.percentileMs(99), "%.2f"));
        }
        if (ie.batch() != null) {
            FeedBenchmark.Run e = ie.batch(), r = ir.batch();
            int requests = (n + perBatch - 1) / perBatch;
            String who = String.format(Locale.ROOT, "JSON arrays of %d sheets (%d request%s), 1 client thread", perBatch, requests, requests == 1 ? "" : "s");
            s.append(ratioRow(who + ": sheets/s", e.perSecond(), r.perSecond(), "%,.1f"));
            s.append(ratioRow(who + ": p50 ms per request", e.percentileMs(50), r.percentileMs(50), "%.1f"));
            s.append(ratioRow(who + ": p99 ms per request", e.percentileMs(99), r.percentileMs(99), "%.1f"));
        }
        if (ir.serverRequests() >= 0)
            s.append(String.format(Locale.ROOT, "| requests to the Fuseki dataset per sheet, one sheet per request, 1 client thread | – | %.1f | – |%n",
                    ir.serverRequests() / (double) n));
        if (ir.batch() != null)
            s.append(String.format(Locale.ROOT, "| requests to the Fuseki dataset per sheet, JSON arrays of %d | – | %.1f | – |%n",
                    perBatch, ir.batchServerRequests() / (double) n));
        List<Double> othersE = new ArrayList<>(), othersR = new ArrayList<>(), stealE = new ArrayList<>(), stealR = new ArrayList<>();
        ie.single().forEach(p -> { othersE.add(p.othersCpu()); stealE.add(p.stealCpu()); });
        ir.single().forEach(p -> { othersR.add(p.othersCpu()); stealR.add(p.stealCpu()); });
        if (ie.batch() != null) {
            othersE.add(ie.batch().othersCpu());
            stealE.add(ie.batch().stealCpu());
            othersR.add(ir.batch().othersCpu());
            stealR.add(ir.batch().stealCpu());
        }
        s.append(String.format(Locale.ROOT, "| CPU of other processes / stolen by the hypervisor, most of any run above | %s | %s | – |%n%n",
                cpu(max(othersE), max(stealE)), cpu(max(othersR), max(stealR))));

        s.append("### Yearly report set\n\n");
        boolean first = re.firstStart() >= 0;
        s.append(String.format(Locale.ROOT, "A store made by the generator (`generate --children %d --seed %d --tdb2 DIR`: %,d requests, %,d quads), "
                + "bulk-loaded once%s; the database directory copied, one copy opened embedded and the other served by Fuseki. Yearly set = "
                + "the nine reports of %s (uitkomsten for Gent), peildatum %s, asked over HTTP as JSON one after the other by the analyst "
                + "(`opgroeien-analist`), as the dashboard does. Each run: a write (`POST /aanvragen/{id}/status` to in-behandeling by "
                + "beheer, which recomputes that request's report facts in its transaction), the set right after it, and the set again with "
                + "nothing written since; medians of %d runs after %d warm-up runs, the same requests changed in the same order on both stores. "
                + "Start: a hub built and started on the store (model published, stored report facts loaded, feeds checked, HTTP "
                + "listening), median of %d after one not counted.%s%n%n", settings.children(), settings.seed(), re.requests(), quads,
                first ? "" : " and started once by an embedded hub before the copy (which computes the report facts and builds the feeds, "
                        + "as on any first start)",
                Period.year(settings.asOf().getYear()), settings.asOf(), runs, WARM_RUNS, runs,
                first ? " The first start on each bulk-loaded copy, which computes every request's facts from the documents and builds "
                        + "the feeds from the event log, is timed once." : ""));
        s.append("| measure | embedded TDB2 | remote Fuseki | remote / embedded |\n|---|---:|---:|---:|\n");
        if (first) {
            s.append(ratioRow("hub, first start on the bulk-loaded store: facts computed, feeds built (once), ms", re.firstStart() / 1e6, rr.firstStart() / 1e6, "%,.0f"));
            s.append(String.format(Locale.ROOT, "| requests to the Fuseki dataset during that first start | – | %,d | – |%n", rr.firstStartServerRequests()));
        }
        s.append(ratioRow("hub, start: stored facts loaded, ms", ReportsBenchmark.median(re.starts()) / 1e6, ReportsBenchmark.median(rr.starts()) / 1e6, "%,.0f"));
        s.append(ratioRow("a write over HTTP (`POST /aanvragen/{id}/status`), ms", ReportsBenchmark.median(re.writes()) / 1e6,
                ReportsBenchmark.median(rr.writes()) / 1e6, "%,.1f"));
        s.append(ratioRow("**yearly report set over HTTP right after a write**, ms", ReportsBenchmark.median(re.afterWrite()) / 1e6,
                ReportsBenchmark.median(rr.afterWrite()) / 1e6, "%,.1f"));
        s.append(ratioRow("yearly report set over HTTP again, nothing written since, ms", ReportsBenchmark.median(re.cached()) / 1e6,
                ReportsBenchmark.median(rr.cached()) / 1e6, "%,.1f"));
        s.append(String.format(Locale.ROOT, "| requests to the Fuseki dataset: per write / per yearly set right after it | – | %d / %d | – |%n",
                rr.serverRequestsPerWrite(), rr.serverRequestsPerSet()));
        s.append(String.format(Locale.ROOT, "| CPU of other processes / stolen by the hypervisor, over the store's report runs | %s | %s | – |%n%n",
                cpu(re.othersCpu(), re.stealCpu()), cpu(rr.othersCpu(), rr.stealCpu())));
        boolean same = re.answers() != null && re.answers().equals(rr.answers());
        s.append(String.format(Locale.ROOT, "The nine answers of the last run are the same on both stores: %s.%n%n", same ? "**yes**" : "**no**"));
        double busiest = Stream.of(max(othersE), max(othersR), re.othersCpu(), rr.othersCpu()).filter(d -> !Double.isNaN(d))
                .mapToDouble(Double::doubleValue).max().orElse(0);
        if (busiest > 0.2)
            s.append(String.format(Locale.ROOT, "**Other processes used up to %.0f %% of the machine's CPU during these runs**: the figures are "
                    + "lower than on a quiet machine, and the two stores' figures are only comparable where the shares are alike.%n%n", 100 * busiest));
        s.append("Ratios are remote / embedded: above 1 for a time means the remote store is slower, below 1 for sheets/s means it is "
                + "slower. The stores take turns for each client thread count in the ingest runs; the report runs go embedded first, then "
                + "remote, on the same hub code (already compiled by the ingest runs).\n");
        return s.toString();
    }

    private static String ratioRow(String what, double embedded, double remote, String format) {
        return String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", what, String.format(Locale.ROOT, format, embedded),
                String.format(Locale.ROOT, format, remote), embedded > 0 ? String.format(Locale.ROOT, "%.2f", remote / embedded) : "–");
    }

    private static String cpu(double others, double steal) {
        return Double.isNaN(others) ? "–" : String.format(Locale.ROOT, "%.0f %% / %.0f %%", 100 * others, 100 * steal);
    }

    private static double max(List<Double> values) {
        return values.stream().filter(d -> !Double.isNaN(d)).mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static String command(int n, int warmup, int perBatch, int children, int runs, List<Integer> clientCounts, boolean firstStart) {
        StringBuilder command = new StringBuilder(BASE_COMMAND);
        if (n != 1000)
            command.append(" -Dbench.sheets=").append(n);
        if (warmup != 200)
            command.append(" -Dbench.warmup=").append(warmup);
        if (!clientCounts.equals(List.of(1, 4)))
            command.append(" -Dbench.clients=").append(String.join(",", clientCounts.stream().map(String::valueOf).toList()));
        if (perBatch != 100)
            command.append(" -Dbench.batch=").append(perBatch);
        if (children != 2000)
            command.append(" -Dbench.children=").append(children);
        if (runs != 5)
            command.append(" -Dbench.runs=").append(runs);
        if (firstStart)
            command.append(" -Dbench.firstStart=true");
        return command.toString();
    }

    // ---------------------------------------------------------------- helpers

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file))
                    Files.createDirectories(target);
                else
                    Files.copy(file, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<byte[]> bytes(List<String> sheets) {
        return sheets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    }

    private static void log(String format, Object... args) {
        IngestBenchmark.log(format, args);
    }
}
