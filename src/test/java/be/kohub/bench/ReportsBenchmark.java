package be.kohub.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.modify.request.Target;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.update.UpdateRequest;

import be.kohub.Hub;
import be.kohub.access.ApiKeys;
import be.kohub.generate.ScaleGenerator;
import be.kohub.generate.Settings;
import be.kohub.generate.Tdb2BulkLoad;
import be.kohub.model.CodeLists;
import be.kohub.model.ModelFiles;
import be.kohub.report.FactsReader;
import be.kohub.report.Measure;
import be.kohub.report.Period;
import be.kohub.report.Report;
import be.kohub.report.ReportEngine;
import be.kohub.report.ReportFacts;
import be.kohub.report.ReportQuery;
import be.kohub.report.SparqlDefinition;
import be.kohub.store.Queries;
import be.kohub.store.Tdb2Store;
import be.kohub.vocab.KO;

/**
 * The yearly report set (the nine reports of one year; residents' outcomes for Gent) on a
 * Flanders-scale store, in one run:
 * <ol>
 * <li>the hub's first start on a bulk-loaded store, which computes every request's report facts
 *     from the documents once and stores them (the facts graph is dropped first, so each run
 *     measures it);</li>
 * <li>a normal start, which loads the stored facts;</li>
 * <li>real writes over HTTP (a request's status change, which recomputes its facts in the write
 *     transaction), each followed by the yearly set: computed in the hub, and asked over HTTP as
 *     JSON by the analyst, as the dashboard does;</li>
 * <li>the naive baseline: the SPARQL definition, one aggregation in the store;</li>
 * <li>the hub's computation over a ten-year history in memory (ten shifted copies of the facts).</li>
 * </ol>
 * Writes its section of docs/benchmarks.md.
 *
 * <p>{@code mvn -q -Pbench-reports test-compile exec:java [-Dbench.db=DIR -Dbench.gen=DIR]}: without
 * {@code bench.db} it first generates and bulk-loads 100,000 children (about 12 minutes);
 * {@code bench.gen} is the generator's output directory (its clients.json).
 */
public final class ReportsBenchmark {
    static final String SECTION = "## Reports: the yearly report set on a Flanders-scale store";
    private static final int GRACE = 30;
    private static final int RUNS = Integer.getInteger("bench.runs", 5);
    private static final long NAIVE_TIMEOUT_MS = Long.getLong("bench.naiveTimeoutSeconds", 1800) * 1000;
    static final String GENT = "44021";

    public static void main(String[] args) {
        ExitingMain.run(ReportsBenchmark::run);
    }

    private static void run() throws Exception {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Path output = root.resolve(System.getProperty("bench.output", "docs/benchmarks.md"));
        ZonedDateTime started = ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        Path[] prepared = prepare(root);
        Path db = prepared[0], gen = prepared[1];
        Settings settings = Settings.forChildren(100_000, 42);
        LocalDate asOf = settings.asOf();
        Period year = Period.year(asOf.getYear());
        List<String> groups = List.copyOf(new CodeLists(ModelFiles.load().ontology()).codes("voorrangsgroep"));
        ApiKeys clients = ApiKeys.fromFile(gen.resolve(ScaleGenerator.CLIENTS));
        String beheer = ScaleGenerator.key(42, "opgroeien"), analist = ScaleGenerator.key(42, "opgroeien-analist");
        List<String> lines = new ArrayList<>();
        try (HeapMeter meter = new HeapMeter()) {
            // 1. First start on a store without report facts.
            try (Tdb2Store store = Tdb2Store.at(db)) {
                UpdateRequest drop = new UpdateRequest(new UpdateDrop(Target.create(KO.FACTS_GRAPH), true));
                store.write(tx -> {
                    tx.update(drop);
                    return null;
                });
            }
            meter.reset();
            long t0 = System.nanoTime();
            Hub first = hub(db, settings, clients, 0);
            long firstStart = System.nanoTime() - t0;
            long firstPeak = meter.peakBytes();
            int requests = first.reports().facts().requestCount();
            first.close();
            IngestBenchmark.log("first start (facts computed from the documents): %d ms, %d requests", firstStart / 1_000_000, requests);

            // 2. A normal start: the stored facts are loaded.
            long before = HeapMeter.retainedBytes();
            meter.reset();
            t0 = System.nanoTime();
            Hub hub = hub(db, settings, clients, 0).start();
            long start = System.nanoTime() - t0;
            long startPeak = meter.peakBytes();
            IngestBenchmark.log("start (stored facts loaded): %d ms", start / 1_000_000);
            long retained = HeapMeter.retainedBytes() - before;

            // 3. Writes, each followed by the yearly set, in the hub and over HTTP.
            List<Node> submitted = hub.store().read(tx -> tx.select(Queries.load("bench/submitted-requests.rq")))
                    .stream().map(b -> b.get(Var.alloc("aanvraag"))).toList();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://localhost:" + hub.port();
            int warm = 3;
            long[] write = new long[RUNS], set = new long[RUNS], cached = new long[RUNS], overHttp = new long[RUNS];
            long setPeak = 0;
            Map<Measure, Long> hubOverview = null;
            for (int i = -warm; i < RUNS; i++) {
                int k = i + warm;
                String id = submitted.get(2 * k).getURI();
                long w0 = System.nanoTime();
                send(http, base + "/aanvragen/" + id.substring(id.lastIndexOf('/') + 1) + "/status", beheer, "{\"status\":\"in-behandeling\"}");
                long w = System.nanoTime() - w0;
                meter.reset();
                long s0 = System.nanoTime();
                Map<Measure, Long> overview = yearlySet(hub.reports(), year, asOf);
                long s = System.nanoTime() - s0;
                long peak = meter.peakBytes();
                long c0 = System.nanoTime();
                yearlySet(hub.reports(), year, asOf);
                long c = System.nanoTime() - c0;
                String other = submitted.get(2 * k + 1).getURI();
                send(http, base + "/aanvragen/" + other.substring(other.lastIndexOf('/') + 1) + "/status", beheer, "{\"status\":\"in-behandeling\"}");
                long h0 = System.nanoTime();
                for (Report r : Report.values())
                    get(http, base + "/rapporten/" + r.code() + "?periode=" + year + "&peildatum=" + asOf + (r == Report.UITKOMSTEN ? "&gemeente=" + GENT : ""), analist);
                long h = System.nanoTime() - h0;
                if (i >= 0) {
                    write[i] = w;
                    set[i] = s;
                    cached[i] = c;
                    overHttp[i] = h;
                    setPeak = Math.max(setPeak, peak);
                    hubOverview = overview;
                }
            }
            IngestBenchmark.log("write %d ms; set after a write %d ms (cached %d ms); over HTTP %d ms",
                    median(write) / 1_000_000, median(set) / 1_000_000, median(cached) / 1_000_000, median(overHttp) / 1_000_000);

            // Writes in a row, with no report computed between them.
            int used = 2 * (RUNS + warm);
            long[] writes = new long[20];
            for (int i = 0; i < writes.length; i++) {
                String id = submitted.get(used++).getURI();
                long w0 = System.nanoTime();
                send(http, base + "/aanvragen/" + id.substring(id.lastIndexOf('/') + 1) + "/status", beheer, "{\"status\":\"in-behandeling\"}");
                writes[i] = System.nanoTime() - w0;
            }

            // What each write adds: one request's facts, read from the documents.
            List<Node> sample = submitted.subList(used, Math.min(submitted.size(), used + 500));
            long perRequest = hub.store().read(tx -> {
                sample.forEach(r -> FactsReader.read(tx, r));
                long r0 = System.nanoTime();
                sample.forEach(r -> FactsReader.read(tx, r));
                return (System.nanoTime() - r0) / sample.size();
            });
            ReportFacts facts = hub.reports().facts();

            // 4. The naive baseline, in the same store.
            meter.reset();
            ARQ.getContext().set(ARQ.queryTimeout, NAIVE_TIMEOUT_MS);
            long n0 = System.nanoTime();
            Map<Measure, Long> sparqlOverview = null;
            String naiveNote;
            try {
                sparqlOverview = SparqlDefinition.overview(hub.store().read(tx -> SparqlDefinition.uniqueRequests(tx, year, asOf, GRACE)));
                naiveNote = null;
            } catch (RuntimeException e) {
                naiveNote = e.getClass().getSimpleName();
            } finally {
                ARQ.getContext().unset(ARQ.queryTimeout);
            }
            long naive = System.nanoTime() - n0;
            long naivePeak = meter.peakBytes();
            IngestBenchmark.log("naive: one report %d ms %s", naive / 1_000_000, naiveNote == null ? "" : "(stopped: " + naiveNote + ")");
            hub.close();

            // 5. Ten times: a ten-year history in memory.
            meter.reset();
            ReportFacts history = facts.shiftedCopies(10);
            facts = null;
            ReportEngine tenfold = ReportEngine.over(history, GRACE, groups);
            long withHistory = HeapMeter.retainedBytes();
            long[] tenSet = new long[RUNS];
            long tenPeak = 0;
            for (int i = 0; i < RUNS; i++) {
                meter.reset();
                long s0 = System.nanoTime();
                yearlySet(tenfold, year, asOf.minusDays(10 + i));
                tenSet[i] = System.nanoTime() - s0;
                tenPeak = Math.max(tenPeak, meter.peakBytes());
            }
            int historyCount = history.requestCount();
            history = null;
            tenfold = null;
            long historyHeap = withHistory - HeapMeter.retainedBytes();
            IngestBenchmark.log("10x: set %d ms, %d requests, %d MiB", median(tenSet) / 1_000_000, historyCount, historyHeap >> 20);

            boolean same = hubOverview != null && hubOverview.equals(sparqlOverview);
            lines.add(SECTION);
            lines.add("");
            lines.add("`mvn -q -Pbench-reports test-compile exec:java -Dbench.db=DIR -Dbench.gen=GEN` (a store made by "
                    + "`generate --children 100000 --seed 42 --out GEN --tdb2 DIR`; without `bench.db` the benchmark makes one). Run " + started
                    + ". " + Machine.describe());
            lines.add("");
            lines.add(String.format(Locale.ROOT, "Data: %,d requests in the store; yearly set = the nine reports of %s (uitkomsten for Gent), "
                    + "peildatum %s, grace %d days; medians of %d runs after %d warm-up runs; peak heap of the phase.", requests, year, asOf, GRACE, RUNS, warm));
            lines.add("");
            lines.add("| what | scale | time | peak heap MiB |");
            lines.add("|---|---|---:|---:|");
            lines.add(row("hub, first start on a bulk-loaded store: every request's facts computed from the documents and stored (once)", "Flanders", firstStart, firstPeak));
            lines.add(row(String.format(Locale.ROOT, "hub, start: the stored facts loaded into memory (afterwards the hub holds about %d MiB "
                    + "more than before: facts, TDB2 caches, HTTP server)", retained >> 20), "Flanders", start, startPeak));
            lines.add(row("a write over HTTP (`POST /aanvragen/{id}/status`), facts of the request recomputed in its transaction: "
                    + "median of 20 in a row", "Flanders", median(writes), -1));
            lines.add(row("the same, the write right after the reports (heap full of their garbage)", "Flanders", median(write), -1));
            lines.add(String.format(Locale.ROOT, "| of which recomputing one request's facts (`request-facts.rq`, mean of %d) | Flanders | %.2f ms | – |",
                    sample.size(), perRequest / 1e6));
            lines.add(row("**yearly report set right after a write**, computed in the hub", "Flanders", median(set), setPeak));
            lines.add(row("yearly report set again, nothing written since (cached grouping)", "Flanders", median(cached), -1));
            lines.add(row("yearly report set over HTTP as JSON (nine `GET /rapporten/…` by the analyst, after a write)", "Flanders", median(overHttp), -1));
            lines.add(row("naive baseline: the SPARQL definition (`definitions/unique-requests.rq`), **one** report's aggregation in the store"
                    + (naiveNote == null ? "" : " — stopped by its " + NAIVE_TIMEOUT_MS / 1000 + " s timeout"), "Flanders", naive, naivePeak));
            lines.add(row(String.format(Locale.ROOT, "hub, yearly report set over a ten-year history in memory (%,d requests, whose facts hold about %d MiB)",
                    historyCount, historyHeap >> 20), "10×", median(tenSet), tenPeak));
            lines.add("");
            lines.add(String.format(Locale.ROOT, "Aim, the yearly report set under 2 s at Flanders scale: **%s** (%,d ms right after a write, %,d ms over HTTP; "
                    + "the naive baseline takes %,d ms for one of its nine reports).", median(set) < 2_000_000_000L ? "met" : "not met",
                    median(set) / 1_000_000, median(overHttp) / 1_000_000, naive / 1_000_000));
            lines.add("");
            lines.add(String.format("The hub's overview and the SPARQL definition's agree on this data: %s (hub %s, SPARQL %s).",
                    same ? "yes" : "**no**", hubOverview, sparqlOverview == null ? "not finished" : sparqlOverview));
            lines.add("");
            lines.add("At 10× only the in-memory part is measured: the facts of ten shifted copies of the Flanders store are held and classified. "
                    + "A ten-times TDB2 store (about 240 M quads, some 92 GiB) does not fit on this machine's disk. The hub never reads the whole store "
                    + "for a report: a write recomputes only the facts of the requests it touches, and a start reads one literal per request, so at 10× "
                    + "the start would read ten times as many literals and each write would cost the same.");
        }
        BenchmarkFile.writeSection(output, SECTION, String.join("\n", lines) + "\n");
        IngestBenchmark.log("wrote %s", output);
    }

    private static Hub hub(Path db, Settings settings, ApiKeys clients, int port) {
        return Hub.builder().store(Tdb2Store.at(db)).port(port).base(settings.base()).clients(clients)
                .identityKey(ScaleGenerator.identityKey(42)).build();
    }

    private static String row(String what, String scale, long nanos, long peakBytes) {
        return String.format(Locale.ROOT, "| %s | %s | %,d ms | %s |", what, scale, nanos / 1_000_000, peakBytes < 0 ? "–" : Long.toString(peakBytes >> 20));
    }

    static void send(HttpClient http, String url, String key, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200)
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
    }

    /** A report as JSON; answers its body. */
    static String get(HttpClient http, String url, String key) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key)
                .header("Accept", "application/json").timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200)
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        return r.body();
    }

    /** The nine reports of one year, as the dashboard asks them; answers the overview's figures. */
    private static Map<Measure, Long> yearlySet(ReportEngine engine, Period year, LocalDate asOf) {
        Map<Measure, Long> overview = null;
        for (Report r : Report.values()) {
            var query = new ReportQuery(year, asOf, r == Report.UITKOMSTEN ? Set.of(GENT) : Set.of(), null);
            var table = engine.compute(r, query);
            if (r == Report.OVERZICHT)
                overview = table.rows().get(0).figures().values();
        }
        return overview;
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The store and the generator's output directory (clients.json). */
    private static Path[] prepare(Path root) throws Exception {
        String given = System.getProperty("bench.db");
        if (given != null)
            return new Path[] {Path.of(given), Path.of(System.getProperty("bench.gen", Path.of(given).resolveSibling("gen").toString()))};
        Path dir = root.resolve("target/bench-reports");
        if (Files.exists(dir))
            IngestBenchmark.delete(dir);
        Settings settings = Settings.forChildren(100_000, 42);
        new ScaleGenerator(settings).generate(dir.resolve("gen"));
        Tdb2BulkLoad.load(dir.resolve("gen").resolve(ScaleGenerator.QUADS), dir.resolve("db"), (format, a) -> {});
        return new Path[] {dir.resolve("db"), dir.resolve("gen")};
    }
}
