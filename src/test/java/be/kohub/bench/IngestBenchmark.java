package be.kohub.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;

import be.kohub.Hub;
import be.kohub.access.ApiKeys;
import be.kohub.access.Client;
import be.kohub.access.Role;
import be.kohub.ingest.DocumentReader.Format;
import be.kohub.ingest.DocumentType;
import be.kohub.store.Queries;
import be.kohub.store.Tdb2Store;
import be.kohub.validation.ValidationReport;

/**
 * Ingest benchmark of location info sheets: N distinct sheets posted one per request to
 * {@code POST /locaties} of a running hub (JSON-LD parsing, SHACL validation, identity, one write
 * transaction each), against the same triples loaded straight into a fresh TDB2 database in the
 * same run (one write transaction per sheet, and all in one transaction for context). Writes its
 * figures to the "Ingest of location sheets" section of {@code docs/benchmarks.md}.
 *
 * <p>A main class, not a test: benchmarks are never asserted. Run it with
 * {@code mvn -q -Pbench test-compile exec:java} (see the {@code bench} profile in pom.xml).
 * Settings (system properties): {@code bench.sheets} (N, default 2000), {@code bench.warmup}
 * (sheets per run before measuring, default 200), {@code bench.clients} (client threads of the
 * hub runs, default "1,4"), {@code bench.breakdown} (in-process parse/SHACL/write breakdown,
 * default true), {@code bench.root} (project directory), {@code bench.output}.
 */
public final class IngestBenchmark {
    static final String SECTION = "## Ingest of location sheets";
    private static final String BASE_COMMAND = "mvn -q -Pbench test-compile exec:java";
    private static final Node SITE = NodeFactory.createURI("http://www.w3.org/ns/org#Site");

    /** One measured phase: how many sheets, how long in all, each sheet's latency (or none), peak heap, GC. */
    record Phase(String name, int clients, int sheets, long nanos, long[] latencies, long peakHeap, long gcCount, long gcMillis,
                 double othersCpu, double stealCpu) {
        double perSecond() {
            return sheets * 1e9 / nanos;
        }

        /** Nearest-rank percentile of the latencies, in ms. */
        double percentileMs(double p) {
            if (latencies == null || latencies.length == 0)
                return Double.NaN;
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
        }

        double meanMs() {
            return latencies == null ? Double.NaN : Arrays.stream(latencies).average().orElse(Double.NaN) / 1e6;
        }
    }

    /** Mean time per sheet (ms) of the steps of one ingest, measured in-process without HTTP. */
    record Breakdown(int sheets, double parseMs, double shaclMs, double writeMs, double writeFirstMs, double writeLastMs,
                     int stored, double lookupMs) {}

    /** A sheet as triples, with the name of the graph it goes to (its root already renamed to it, as the hub does). */
    record Doc(Node name, Graph graph) {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        int n = Integer.getInteger("bench.sheets", 2000);
        int warmup = Integer.getInteger("bench.warmup", 200);
        List<Integer> clientCounts = Stream.of(System.getProperty("bench.clients", "1,4").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(Integer::parseInt).toList();
        boolean breakdown = Boolean.parseBoolean(System.getProperty("bench.breakdown", "true"));
        Path output = root.resolve(System.getProperty("bench.output", "docs/benchmarks.md"));
        if (n < 1 || warmup < 0 || clientCounts.isEmpty() || clientCounts.stream().anyMatch(c -> c < 1))
            throw new IllegalArgumentException("need bench.sheets >= 1, bench.warmup >= 0, bench.clients >= 1");

        ZonedDateTime started = ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        LocationSheets generator = LocationSheets.from(root.resolve("sample-data"));
        List<byte[]> warmBodies = bytes(generator.generate("WARM", warmup, 7));
        List<byte[]> bodies = bytes(generator.generate("BENCH", n, 42));
        double meanBytes = bodies.stream().mapToInt(b -> b.length).average().orElse(0);
        log("%d sheets (%.0f bytes on average) + %d warm-up sheets per run; hub runs with %s client thread(s)",
                n, meanBytes, warmup, clientCounts);

        List<Phase> hubRuns = new ArrayList<>();
        List<Phase> rawRuns = new ArrayList<>();
        Breakdown parts = null;
        Phase bulk;
        double meanTriples;
        try (HeapMeter meter = new HeapMeter()) {
            // The baseline runs before and after the hub runs: fsync times drift, and the faster run is the one compared with.
            // Its input is parsed before any timing (only the load is measured) and dropped while the hub runs.
            rawRuns.add(rawPerSheet("before", docs("warm", warmBodies), docs("sheet", bodies), meter));
            for (int clients : clientCounts)
                hubRuns.add(hubRun(clients, warmBodies, bodies, meter));
            if (breakdown)
                parts = breakdown(warmBodies, bodies);
            List<Doc> docs = docs("sheet", bodies);
            meanTriples = docs.stream().mapToInt(d -> d.graph().size()).average().orElse(0);
            rawRuns.add(rawPerSheet("after", docs("warm", warmBodies), docs, meter));
            bulk = rawBulk(docs, meter);
        }

        String section = section(started, n, warmup, meanBytes, meanTriples, hubRuns, rawRuns, bulk, parts, command(n, warmup));
        writeSection(output, section);
        System.out.println();
        System.out.println(section);
        log("written to %s", output);
    }

    // ---------------------------------------------------------------- hub over HTTP

    private static Phase hubRun(int clients, List<byte[]> warm, List<byte[]> bodies, HeapMeter meter) throws Exception {
        Path dir = Files.createTempDirectory("kohub-bench-hub");
        String key = "bench-" + UUID.randomUUID();
        ApiKeys keys = ApiKeys.none();
        keys.add(ApiKeys.sha256(key), beheer());
        Hub hub = Hub.builder().store(Tdb2Store.at(dir)).port(0).clients(keys).build().start();
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = URI.create("http://localhost:" + hub.port() + "/locaties");
            post(http, uri, key, warm, clients);
            meter.reset();
            long[] gc0 = HeapMeter.gcCountAndMillis();
            Machine.Cpu cpu0 = Machine.cpu();
            long start = System.nanoTime();
            long[] latencies = post(http, uri, key, bodies, clients);
            long nanos = System.nanoTime() - start;
            long[] gc1 = HeapMeter.gcCountAndMillis();
            Machine.Cpu cpu1 = Machine.cpu();
            Phase phase = new Phase("hub", clients, bodies.size(), nanos, latencies, meter.peakBytes(), gc1[0] - gc0[0], gc1[1] - gc0[1],
                    cpu1.othersSince(cpu0), cpu1.stealSince(cpu0));
            long stored = hub.store().read(tx -> Long.parseLong(tx.select(org.apache.jena.query.QueryFactory.create(
                    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://data.kohub.be/graph/systeem> { ?d a ?t } }"))
                    .get(0).get("n").getLiteralLexicalForm()));
            if (stored != warm.size() + bodies.size())
                throw new IllegalStateException("the hub holds " + stored + " documents, expected " + (warm.size() + bodies.size()));
            report(phase);
            return phase;
        } finally {
            hub.close();
            delete(dir);
        }
    }

    /** Posts every body once, one per request, from {@code clients} threads; each must be answered 201. */
    private static long[] post(HttpClient http, URI uri, String key, List<byte[]> bodies, int clients) throws InterruptedException {
        long[] latencies = new long[bodies.size()];
        HttpPosts.post(http, uri, bodies.stream().map(b -> new HttpPosts.Post(b, key)).toList(), clients, latencies);
        return latencies;
    }

    // ---------------------------------------------------------------- where the time goes

    /**
     * The steps of one ingest, timed in-process on a fresh store, one sheet after the other:
     * reading (JSON-LD to RDF), SHACL (a dry run), and the rest of the ingest (identity lookup,
     * write transaction), taken as ingest time minus the dry run, since ingest validates again.
     */
    private static Breakdown breakdown(List<byte[]> warm, List<byte[]> bodies) throws IOException {
        Path dir = Files.createTempDirectory("kohub-bench-parts");
        Hub hub = Hub.builder().store(Tdb2Store.at(dir)).port(0).build();
        try {
            Client client = beheer();
            DocumentType type = hub.locations().handler();
            for (byte[] body : warm)
                hub.pipeline().ingest(client, type, hub.reader().readOne(body, Format.JSONLD), null);
            int n = bodies.size();
            long[] parse = new long[n], shacl = new long[n], write = new long[n];
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                Graph document = hub.reader().readOne(bodies.get(i), Format.JSONLD);
                long t1 = System.nanoTime();
                ValidationReport report = hub.pipeline().dryRun(document, hub.documentTypes());
                long t2 = System.nanoTime();
                if (!report.conforms())
                    throw new IllegalStateException("sheet " + i + " does not conform: " + report.problems());
                hub.pipeline().ingest(client, type, document, null);
                long t3 = System.nanoTime();
                parse[i] = t1 - t0;
                shacl[i] = t2 - t1;
                write[i] = Math.max(0, (t3 - t2) - (t2 - t1));
            }
            // The first step of every write: which document has this source's local id (ingest/find-by-local-id.rq).
            int lookups = 50;
            long lookupNanos = 0;
            for (int k = 0; k < lookups; k++) {
                Map<String, Node> values = Map.of("source", client.system(),
                        "localId", NodeFactory.createLiteralString("BENCH-" + (k * 37 % n)),
                        "type", NodeFactory.createLiteralString(type.name()));
                long t0 = System.nanoTime();
                int rows = hub.store().read(tx -> tx.select(Queries.bind("ingest/find-by-local-id.rq", values)).size());
                lookupNanos += System.nanoTime() - t0;
                if (rows != 1)
                    throw new IllegalStateException("identity lookup found " + rows + " documents");
            }
            int tenth = Math.max(1, n / 10);
            Breakdown result = new Breakdown(n, meanMs(parse, 0, n), meanMs(shacl, 0, n), meanMs(write, 0, n),
                    meanMs(write, 0, tenth), meanMs(write, n - tenth, n), warm.size() + n, lookupNanos / 1e6 / lookups);
            log("breakdown per sheet: parse %.2f ms, SHACL %.2f ms, write %.2f ms (first tenth %.2f, last tenth %.2f); "
                            + "identity lookup at %d documents %.2f ms",
                    result.parseMs(), result.shaclMs(), result.writeMs(), result.writeFirstMs(), result.writeLastMs(),
                    result.stored(), result.lookupMs());
            return result;
        } finally {
            hub.close();
            delete(dir);
        }
    }

    // ---------------------------------------------------------------- raw TDB2 baseline

    /** Parses the sheets the way the hub reads them and names each sheet's root after its graph. */
    static List<Doc> docs(String kind, List<byte[]> bodies) {
        Hub reader = Hub.builder().store(Tdb2Store.inMemory()).port(0).build();
        try {
            List<Doc> docs = new ArrayList<>(bodies.size());
            for (int i = 0; i < bodies.size(); i++) {
                Graph parsed = reader.reader().readOne(bodies.get(i), Format.JSONLD);
                Node name = NodeFactory.createURI("https://bench.kohub.be/id/" + kind + "/" + i);
                Node site = parsed.find(Node.ANY, RDF.type.asNode(), SITE).next().getSubject();
                Graph graph = GraphFactory.createDefaultGraph();
                parsed.find().forEachRemaining(t -> graph.add(Triple.create(
                        t.getSubject().equals(site) ? name : t.getSubject(), t.getPredicate(),
                        t.getObject().equals(site) ? name : t.getObject())));
                docs.add(new Doc(name, graph));
            }
            return docs;
        } finally {
            reader.close();
        }
    }

    private static Phase rawPerSheet(String when, List<Doc> warm, List<Doc> docs, HeapMeter meter) throws IOException {
        Path dir = Files.createTempDirectory("kohub-bench-raw");
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        try {
            for (Doc doc : warm)
                Txn.executeWrite(dsg, () -> add(dsg, doc));
            meter.reset();
            long[] gc0 = HeapMeter.gcCountAndMillis();
            long[] latencies = new long[docs.size()];
            Machine.Cpu cpu0 = Machine.cpu();
            long start = System.nanoTime();
            for (int i = 0; i < docs.size(); i++) {
                Doc doc = docs.get(i);
                long t0 = System.nanoTime();
                Txn.executeWrite(dsg, () -> add(dsg, doc));
                latencies[i] = System.nanoTime() - t0;
            }
            long nanos = System.nanoTime() - start;
            long[] gc1 = HeapMeter.gcCountAndMillis();
            Machine.Cpu cpu1 = Machine.cpu();
            Phase phase = new Phase("raw-" + when, 1, docs.size(), nanos, latencies, meter.peakBytes(), gc1[0] - gc0[0], gc1[1] - gc0[1],
                    cpu1.othersSince(cpu0), cpu1.stealSince(cpu0));
            check(dsg, warm, docs);
            report(phase);
            return phase;
        } finally {
            TDBInternal.expel(dsg);
            delete(dir);
        }
    }

    private static Phase rawBulk(List<Doc> docs, HeapMeter meter) throws IOException {
        Path dir = Files.createTempDirectory("kohub-bench-bulk");
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        try {
            meter.reset();
            long[] gc0 = HeapMeter.gcCountAndMillis();
            Machine.Cpu cpu0 = Machine.cpu();
            long start = System.nanoTime();
            Txn.executeWrite(dsg, () -> docs.forEach(doc -> add(dsg, doc)));
            long nanos = System.nanoTime() - start;
            long[] gc1 = HeapMeter.gcCountAndMillis();
            Machine.Cpu cpu1 = Machine.cpu();
            Phase phase = new Phase("raw-bulk", 1, docs.size(), nanos, null, meter.peakBytes(), gc1[0] - gc0[0], gc1[1] - gc0[1],
                    cpu1.othersSince(cpu0), cpu1.stealSince(cpu0));
            check(dsg, List.of(), docs);
            report(phase);
            return phase;
        } finally {
            TDBInternal.expel(dsg);
            delete(dir);
        }
    }

    private static void add(DatasetGraph dsg, Doc doc) {
        doc.graph().find().forEachRemaining(t -> dsg.add(doc.name(), t.getSubject(), t.getPredicate(), t.getObject()));
    }

    private static void check(DatasetGraph dsg, List<Doc> warm, List<Doc> docs) {
        long expected = Stream.concat(warm.stream(), docs.stream()).mapToLong(d -> d.graph().size()).sum();
        long stored = Txn.calculateRead(dsg, () -> Iter.count(dsg.find()));
        if (stored != expected)
            throw new IllegalStateException("TDB2 holds " + stored + " quads, expected " + expected);
    }

    // ---------------------------------------------------------------- report

    static String section(ZonedDateTime date, int n, int warmup, double meanBytes, double meanTriples, List<Phase> hubRuns,
                          List<Phase> rawRuns, Phase bulk, Breakdown parts, String command) {
        Phase raw = rawRuns.stream().max(Comparator.comparingDouble(Phase::perSecond)).orElseThrow();
        StringBuilder s = new StringBuilder();
        s.append(SECTION).append("\n\n");
        s.append("Run ").append(date.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(" with\n\n");
        s.append("```\n").append(command).append("\n```\n\n");
        s.append("Machine: ").append(Machine.describe()).append(".\n\n");
        s.append(String.format(Locale.ROOT,
                "%d distinct location sheets (%.0f bytes of JSON-LD, %.1f triples each on average), "
                        + "after %d warm-up sheets per run that are not counted.%n%n",
                n, meanBytes, meanTriples, warmup));
        s.append("| run | client threads | sheets/s | p50 ms | p99 ms | peak heap MiB | hub / raw per sheet | CPU of other processes / stolen |\n");
        s.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Phase hub : hubRuns)
            row(s, "hub: `POST /locaties`, one sheet per request, full validation", hub, raw);
        for (Phase r : rawRuns)
            row(s, "raw TDB2: one write transaction per sheet, " + r.name().substring(4) + " the hub runs"
                    + (r == raw ? " (**baseline**, the faster)" : ""), r, raw);
        row(s, "raw TDB2: all sheets in one transaction (context)", bulk, null);
        s.append('\n');
        Phase best = hubRuns.stream().max(Comparator.comparingDouble(Phase::perSecond)).orElseThrow();
        double ratio = best.perSecond() / raw.perSecond();
        s.append(String.format(Locale.ROOT, "Aim: hub throughput at least half of the raw per-sheet load. %s: "
                        + "best hub run (%d client thread%s) reaches %.2f of the baseline.%n%n",
                ratio >= 0.5 ? "**Met**" : "**Not met**", best.clients(), best.clients() == 1 ? "" : "s", ratio));
        if (parts != null) {
            Phase sequential = hubRuns.stream().filter(p -> p.clients() == 1).findFirst().orElse(null);
            double inProcess = parts.parseMs() + parts.shaclMs() + parts.writeMs();
            s.append(String.format(Locale.ROOT,
                    "Where a sheet's time goes (in-process, one after the other, fresh store, no HTTP; mean per sheet): "
                            + "JSON-LD reading %.2f ms, SHACL validation %.2f ms, identity lookup and write transaction %.2f ms "
                            + "(%.2f ms over the first tenth of the sheets, %.2f ms over the last); %.2f ms in all",
                    parts.parseMs(), parts.shaclMs(), parts.writeMs(), parts.writeFirstMs(), parts.writeLastMs(), inProcess));
            if (sequential != null)
                s.append(String.format(Locale.ROOT, ", against a mean of %.2f ms per request over HTTP with one client thread",
                        sequential.meanMs()));
            s.append(String.format(Locale.ROOT, ". The identity lookup alone (`ingest/find-by-local-id.rq`, the first step "
                    + "of the write) takes %.2f ms once the store holds %d documents.%n%n", parts.lookupMs(), parts.stored()));
        }
        s.append("What is measured: each hub run starts a hub on a fresh TDB2 database in a temporary directory and "
                + "posts the sheets from a `java.net.http` client in the same JVM (HTTP/1.1, keep-alive, beheer API key); "
                + "sheets/s is N over the wall time of all N requests, latency is per request as the client sees it. "
                + "Each sheet is read as JSON-LD, validated against `shapes/locatie.ttl` with the code lists, mapped to "
                + "the hub's IRI and written with its bookkeeping and event in one transaction, as in production.\n"
                + "The baseline loads the same triples (parsed before timing, root renamed to the graph's IRI) into a "
                + "fresh TDB2 database, each sheet in its own named graph and its own write transaction, from one thread "
                + "(TDB2 has one writer at a time), once before and once after the hub runs; the ratio is taken against the "
                + "faster of the two, since commit (fsync) times drift. Its latency is one transaction. "
                + "The bulk row loads them all in one transaction.\n"
                + "Peak heap is the most heap in use during the measured phase (sampled every 5 ms and read before each "
                + "garbage collection), for the whole JVM (hub, client and Maven), after a GC at the start of the phase; "
                + "with a large maximum heap it mostly shows how much garbage the collector let pile up. "
                + "The last column is the share of the machine's CPU that other processes used meanwhile, and the share "
                + "the hypervisor stole (from /proc/stat): rows with much of either are not comparable.\n"
                + "Sheets are made by `LocationSheets` from `sample-data/locaties/` (organiser and KBO number of one sample, "
                + "place of another, point moved up to ~1.5 km, own name and identifier), seeded, so every run posts the same sheets.\n");
        return s.toString();
    }

    private static void row(StringBuilder s, String label, Phase phase, Phase baseline) {
        s.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %s | %s | %d | %s | %s |%n", label, phase.clients(), phase.perSecond(),
                ms(phase.percentileMs(50)), ms(phase.percentileMs(99)), phase.peakHeap() / (1024 * 1024),
                baseline == null ? "–" : String.format(Locale.ROOT, "%.2f", phase.perSecond() / baseline.perSecond()),
                Double.isNaN(phase.othersCpu()) ? "–"
                        : String.format(Locale.ROOT, "%.0f %% / %.0f %%", 100 * phase.othersCpu(), 100 * phase.stealCpu())));
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** Replaces this benchmark's section of the file (or adds it), leaving other benchmarks' sections alone. */
    static void writeSection(Path file, String section) throws IOException {
        BenchmarkFile.writeSection(file, SECTION, section);
    }

    private static String command(int n, int warmup) {
        StringBuilder command = new StringBuilder(BASE_COMMAND);
        if (n != 2000)
            command.append(" -Dbench.sheets=").append(n);
        if (warmup != 200)
            command.append(" -Dbench.warmup=").append(warmup);
        String clients = System.getProperty("bench.clients");
        if (clients != null && !clients.replace(" ", "").equals("1,4"))
            command.append(" -Dbench.clients=").append(clients.replace(" ", ""));
        if (System.getProperty("bench.breakdown") != null && !Boolean.parseBoolean(System.getProperty("bench.breakdown")))
            command.append(" -Dbench.breakdown=false");
        return command.toString();
    }

    // ---------------------------------------------------------------- helpers

    private static Client beheer() {
        return new Client("opgroeien", Role.BEHEER, null, null, List.of());
    }

    private static List<byte[]> bytes(List<String> sheets) {
        return sheets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    }

    private static double meanMs(long[] nanos, int from, int to) {
        return Arrays.stream(nanos, from, to).average().orElse(Double.NaN) / 1e6;
    }

    private static void report(Phase p) {
        log("%-14s clients=%d  %8.1f sheets/s  p50 %7.2f ms  p99 %7.2f ms  peak heap %5d MiB  GC %d× %d ms  others' CPU %.0f%%, steal %.0f%%",
                p.name(), p.clients(), p.perSecond(), p.percentileMs(50), p.percentileMs(99),
                p.peakHeap() / (1024 * 1024), p.gcCount(), p.gcMillis(), 100 * p.othersCpu(), 100 * p.stealCpu());
    }

    static void log(String format, Object... args) {
        System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
    }

    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
