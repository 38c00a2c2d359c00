package be.kohub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import be.kohub.store.Tdb2Store;

/**
 * The yearly report set (all eight reports of one year; residents' outcomes for Gent) on a
 * Flanders-scale store, computed the hub's way (flat fact queries joined in memory, then one
 * pass per report) and the naive way (the SPARQL definition, one aggregation in the store per
 * report), in one run; then the hub's computation over a ten-year history (ten shifted copies of
 * the facts). Writes its section of docs/benchmarks.md.
 *
 * <p>{@code mvn -q -Pbench-reports test-compile exec:java [-Dbench.db=DIR]}: without
 * {@code bench.db} it first generates and bulk-loads 100,000 children (about 12 minutes).
 */
public final class ReportsBenchmark {
    static final String SECTION = "## Reports: the yearly report set on a Flanders-scale store";
    private static final int GRACE = 30;
    private static final int RUNS = Integer.getInteger("bench.runs", 3);

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Path output = root.resolve(System.getProperty("bench.output", "docs/benchmarks.md"));
        ZonedDateTime started = ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        Path db = prepare(root);
        Settings defaults = Settings.forChildren(100_000, 42);
        LocalDate asOf = defaults.asOf();
        Period year = Period.year(asOf.getYear());
        List<String> groups = List.copyOf(new CodeLists(ModelFiles.load().ontology()).codes("voorrangsgroep"));
        List<String> lines = new ArrayList<>();
        try (HeapMeter meter = new HeapMeter(); Tdb2Store store = Tdb2Store.at(db)) {
            if (!Boolean.getBoolean("bench.cold")) {
                // Warm the page cache and the JIT once for both approaches, then measure.
                store.read(FactsReader::read);
                store.read(tx -> SparqlDefinition.uniqueRequests(tx, year, asOf, GRACE));
            }

            long[] read = new long[RUNS], cold = new long[RUNS], warm = new long[RUNS];
            long coldPeak = 0;
            ReportFacts facts = null;
            Map<Measure, Long> hubOverview = null;
            for (int i = 0; i < RUNS; i++) {
                meter.reset();
                long t0 = System.nanoTime();
                facts = store.read(FactsReader::read);
                read[i] = System.nanoTime() - t0;
                ReportEngine engine = ReportEngine.over(facts, GRACE, groups);
                hubOverview = yearlySet(engine, year, asOf);
                cold[i] = System.nanoTime() - t0;
                coldPeak = Math.max(coldPeak, meter.peakBytes());
                long t1 = System.nanoTime();
                yearlySet(engine, year, asOf.minusDays(1 + i));
                warm[i] = System.nanoTime() - t1;
            }
            IngestBenchmark.log("hub: facts %d ms, cold set %d ms, warm set %d ms", median(read) / 1_000_000, median(cold) / 1_000_000, median(warm) / 1_000_000);

            long[] naive = new long[RUNS];
            long naivePeak = 0;
            Map<Measure, Long> sparqlOverview = null;
            for (int i = 0; i < RUNS; i++) {
                meter.reset();
                long t0 = System.nanoTime();
                for (Report r : Report.values())
                    sparqlOverview = SparqlDefinition.overview(store.read(tx -> SparqlDefinition.uniqueRequests(tx, year, asOf, GRACE)));
                naive[i] = System.nanoTime() - t0;
                naivePeak = Math.max(naivePeak, meter.peakBytes());
            }
            IngestBenchmark.log("naive: set %d ms", median(naive) / 1_000_000);
            boolean same = hubOverview.equals(sparqlOverview);

            meter.reset();
            ReportFacts history = facts.shiftedCopies(10);
            facts = null;
            ReportEngine tenfold = ReportEngine.over(history, GRACE, groups);
            long historyHeap = meter.peakBytes();
            long[] tenCold = new long[RUNS], tenWarm = new long[RUNS];
            long tenPeak = 0;
            for (int i = 0; i < RUNS; i++) {
                meter.reset();
                long t0 = System.nanoTime();
                yearlySet(tenfold, year, asOf.minusDays(10 + i));
                tenCold[i] = System.nanoTime() - t0;
                tenPeak = Math.max(tenPeak, meter.peakBytes());
                long t1 = System.nanoTime();
                yearlySet(tenfold, year, asOf.minusDays(10 + i));
                tenWarm[i] = System.nanoTime() - t1;
            }
            IngestBenchmark.log("10x: set %d ms (cached %d ms), %d requests", median(tenCold) / 1_000_000, median(tenWarm) / 1_000_000, history.requestCount());

            lines.add(SECTION);
            lines.add("");
            lines.add("`mvn -q -Pbench-reports test-compile exec:java -Dbench.db=DIR` (a store made by `generate --children 100000 --seed 42 --tdb2 DIR`; "
                    + "without `bench.db` the benchmark makes one). Run " + started + ". " + Machine.describe());
            lines.add("");
            lines.add(String.format("Data: %,d requests in the store; yearly set = the eight reports of %s (uitkomsten for Gent), peildatum %s, grace %d days; "
                    + "median of %d runs; peak heap of the phase.", history.requestCount() / 10, year, asOf, GRACE, RUNS));
            lines.add("");
            lines.add("| approach | scale | yearly report set | of which reading the store | peak heap MiB |");
            lines.add("|---|---|---:|---:|---:|");
            lines.add(String.format("| hub: flat fact queries, joined and classified in memory (after any write) | Flanders | %d ms | %d ms | %d |",
                    median(cold) / 1_000_000, median(read) / 1_000_000, coldPeak >> 20));
            lines.add(String.format("| hub: facts cached, nothing written since (the dashboard's usual case) | Flanders | %d ms | 0 ms | – |", median(warm) / 1_000_000));
            lines.add(String.format("| naive baseline: the SPARQL definition, one aggregation in the store per report | Flanders | %d ms | %d ms | %d |",
                    median(naive) / 1_000_000, median(naive) / 1_000_000, naivePeak >> 20));
            lines.add(String.format("| hub, over a ten-year history in memory (%,d requests) | 10× | %d ms | not measured | %d (facts held: %d) |",
                    history.requestCount(), median(tenCold) / 1_000_000, tenPeak >> 20, historyHeap >> 20));
            lines.add("");
            lines.add(String.format("The hub's figures and the SPARQL definition's agree on this data: %s (overview %s).", same ? "yes" : "**no**", hubOverview));
            lines.add("");
            lines.add("At 10× only the in-memory part is measured: the facts of ten shifted copies of the Flanders store are held and classified. "
                    + "A ten-times TDB2 store (about 240 M quads, some 92 GiB) does not fit on this machine's disk, so reading it was not measured; "
                    + "reading grows with the store (seven index scans), so expect about ten times the Flanders read time, once per write burst.");
        }
        BenchmarkFile.writeSection(output, SECTION, String.join("\n", lines) + "\n");
        IngestBenchmark.log("wrote %s", output);
    }

    /** The eight reports of one year, as the dashboard asks them; answers the overview's figures. */
    private static Map<Measure, Long> yearlySet(ReportEngine engine, Period year, LocalDate asOf) {
        Map<Measure, Long> overview = null;
        for (Report r : Report.values()) {
            var query = new ReportQuery(year, asOf, r == Report.UITKOMSTEN ? Set.of("44021") : Set.of(), null);
            var table = engine.compute(r, query);
            if (r == Report.OVERZICHT)
                overview = table.rows().get(0).figures().values();
        }
        return overview;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static Path prepare(Path root) throws Exception {
        String given = System.getProperty("bench.db");
        if (given != null)
            return Path.of(given);
        Path dir = root.resolve("target/bench-reports");
        if (Files.exists(dir))
            IngestBenchmark.delete(dir);
        Settings settings = Settings.forChildren(100_000, 42);
        new ScaleGenerator(settings).generate(dir.resolve("gen"));
        Tdb2BulkLoad.load(dir.resolve("gen").resolve(ScaleGenerator.QUADS), dir.resolve("db"), (format, a) -> {});
        return dir.resolve("db");
    }
}
