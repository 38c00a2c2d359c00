package be.kohub.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import be.kohub.Hub;
import be.kohub.access.ApiKeys;
import be.kohub.generate.ScaleGenerator;
import be.kohub.generate.Settings;
import be.kohub.model.CodeLists;
import be.kohub.model.ModelFiles;
import be.kohub.report.Measure;
import be.kohub.report.Period;
import be.kohub.report.Report;
import be.kohub.report.ReportQuery;
import be.kohub.report.ReportTable;
import be.kohub.store.Tdb2Store;

/**
 * The proof on data of docs/rapporten.md: on the Flanders-scale store, how counting per request
 * (what counters report today, each for its own requests) differs from counting per child (the
 * hub's unique requests), for Flanders, summed over counters, and per municipality of residence.
 * Reads the figures from the hub's own reports and rewrites that section of docs/rapporten.md.
 *
 * <p>{@code mvn -q -Pcounting-comparison test-compile exec:java -Dbench.db=DIR -Dbench.gen=GEN}
 */
public final class CountingComparison {
    static final String SECTION = "## Per request versus per child, on Flanders-scale data";

    public static void main(String[] args) {
        ExitingMain.run(CountingComparison::run);
    }

    private static void run() throws Exception {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Path db = Path.of(System.getProperty("bench.db"));
        Path gen = Path.of(System.getProperty("bench.gen", db.resolveSibling("gen").toString()));
        Settings settings = Settings.forChildren(100_000, 42);
        LocalDate asOf = settings.asOf();
        ZonedDateTime started = ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        CodeLists codes = new CodeLists(ModelFiles.load().ontology());
        List<String> out = new ArrayList<>();
        try (Hub hub = Hub.builder().store(Tdb2Store.at(db)).port(0).base(settings.base())
                .clients(ApiKeys.fromFile(gen.resolve(ScaleGenerator.CLIENTS))).identityKey(ScaleGenerator.identityKey(42)).build()) {
            out.add(SECTION);
            out.add("");
            out.add(String.format(Locale.ROOT, "Generated with `mvn -q -Pcounting-comparison test-compile exec:java -Dbench.db=DIR -Dbench.gen=GEN` "
                    + "on the store of `generate --children 100000 --seed 42` (%,d requests; see docs/scale-data.md), from the hub's own reports "
                    + "with reference date %s and a grace period of %d days; run %s. *Per request* is what counters report today: each counts its "
                    + "own requests, and a request that got no place by its start plus the grace period counts as unanswered. *Per child* is the "
                    + "unique request defined above. The outcome rates follow the generator's assumptions (docs/scale-data.md), not "
                    + "real Flemish data; what the comparison shows is how far the two ways of counting drift apart on the same data.", hub.reports().facts().requestCount(), asOf, hub.reports().graceDays(), started));
            for (int year : List.of(asOf.getYear() - 1, asOf.getYear())) {
                Period period = Period.year(year);
                Map<Measure, Long> all = only(hub.reports().compute(Report.OVERZICHT, query(period, asOf)));
                if (all.get(Measure.UNIEKE_AANVRAGEN) == 0)
                    continue;
                out.add("");
                out.add("### " + year);
                out.add("");
                out.add("| | per request | per child | per request ÷ per child |");
                out.add("|---|---:|---:|---:|");
                out.add(line("requests (Flanders)", all.get(Measure.AANVRAGEN), all.get(Measure.UNIEKE_AANVRAGEN)));
                out.add(line("unanswered (Flanders)", all.get(Measure.AANVRAGEN_ONBEANTWOORD), all.get(Measure.ONBEANTWOORD)));
                long byCounters = 0, unansweredByCounters = 0;
                for (ReportTable.Row row : hub.reports().compute(Report.LOKET, query(period, asOf)).rows()) {
                    byCounters += row.figures().values().get(Measure.UNIEKE_AANVRAGEN);
                    unansweredByCounters += row.figures().values().get(Measure.ONBEANTWOORD);
                }
                out.add(line("children, adding up each counter's own unique requests", byCounters, all.get(Measure.UNIEKE_AANVRAGEN)));
                out.add(line("unanswered children, adding up each counter's own figure", unansweredByCounters, all.get(Measure.ONBEANTWOORD)));
                out.add("");
                out.add(String.format(Locale.ROOT, "Per child, %s: %,d answered, %,d partly answered, %,d unanswered, %,d withdrawn or cancelled, %,d pending; "
                        + "median %s days to the first answer.", year, all.get(Measure.BEANTWOORD), all.get(Measure.GEDEELTELIJK),
                        all.get(Measure.ONBEANTWOORD), all.get(Measure.GEANNULEERD), all.get(Measure.LOPEND), all.get(Measure.MEDIAAN_DAGEN)));
                out.add("");
                out.add("The ten municipalities of residence with the most unanswered children:");
                out.add("");
                out.add("| municipality | requests | unanswered requests | unique requests | unanswered children |");
                out.add("|---|---:|---:|---:|---:|");
                List<ReportTable.Row> rows = new ArrayList<>(hub.reports().compute(Report.WOONGEMEENTE, query(period, asOf)).rows());
                rows.sort(Comparator.comparingLong((ReportTable.Row r) -> -r.figures().values().get(Measure.ONBEANTWOORD)));
                for (ReportTable.Row row : rows.subList(0, Math.min(10, rows.size()))) {
                    Map<Measure, Long> v = row.figures().values();
                    String code = row.keys().get(0);
                    String name = codes.label(codes.iri("gemeente", code)).orElse(code);
                    out.add(String.format(Locale.ROOT, "| %s (%s) | %,d | %,d | %,d | %,d |", name, code, v.get(Measure.AANVRAGEN),
                            v.get(Measure.AANVRAGEN_ONBEANTWOORD), v.get(Measure.UNIEKE_AANVRAGEN), v.get(Measure.ONBEANTWOORD)));
                }
            }
            out.add("");
            out.add("Why they differ: a child has on average more than one request in a year, often at several counters and in "
                    + "several municipalities, so per-request counts grow with how many requests a family files, and adding up the "
                    + "counters' figures counts a child once per counter it asked. Per child, each need counts once, wherever it was "
                    + "registered, and a child whose requests were all unanswered is one unanswered child, not two or three.");
        }
        BenchmarkFile.writeSection(root.resolve("docs/rapporten.md"), SECTION, String.join("\n", out) + "\n");
        IngestBenchmark.log("wrote docs/rapporten.md");
    }

    private static ReportQuery query(Period period, LocalDate asOf) {
        return new ReportQuery(period, asOf, Set.of(), null);
    }

    private static Map<Measure, Long> only(ReportTable table) {
        return table.rows().get(0).figures().values();
    }

    private static String line(String what, long perRequest, long perChild) {
        return String.format(Locale.ROOT, "| %s | %,d | %,d | %.2f |", what, perRequest, perChild, perChild == 0 ? 0 : (double) perRequest / perChild);
    }
}
