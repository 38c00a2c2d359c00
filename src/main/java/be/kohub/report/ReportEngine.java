package be.kohub.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes the reports from the report facts of every request, held in memory and kept up to date
 * by {@link FactsKeeper} as documents are written. The unique requests are grouped once per
 * period and reference date for each state of the facts, so the reports of one period, asked
 * together as the dashboard does, share one pass over the data.
 */
public final class ReportEngine {
    private static final List<String> FIXED_CATEGORIES = List.of("dringend", "verruimde-openingsuren", "specifieke-zorgnood", "kwetsbaar");

    private final int graceDays;
    private final List<String> categories;
    private final Map<String, RequestFact> current = new HashMap<>();
    /** The facts as they are now, with the unique requests grouped from them; null once a fact changed. */
    private Snapshot snapshot;

    private record Snapshot(ReportFacts facts, Map<String, List<UniqueRequest>> unique) {
        Snapshot(ReportFacts facts) {
            this(facts, Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<UniqueRequest>> eldest) {
                    return size() > 16;
                }
            }));
        }
    }

    /** @param priorityGroups the codes of the voorrangsgroep list, each reported as its own category */
    public ReportEngine(int graceDays, List<String> priorityGroups) {
        this.graceDays = graceDays;
        List<String> all = new ArrayList<>(FIXED_CATEGORIES);
        priorityGroups.forEach(code -> all.add("voorrangsgroep:" + code));
        this.categories = List.copyOf(all);
    }

    /** An engine over fixed facts (the benchmark's ten-times history). */
    public static ReportEngine over(ReportFacts facts, int graceDays, List<String> priorityGroups) {
        ReportEngine engine = new ReportEngine(graceDays, priorityGroups);
        engine.snapshot = new Snapshot(facts);
        return engine;
    }

    public int graceDays() {
        return graceDays;
    }

    /** The facts of every request now. */
    public ReportFacts facts() {
        return snapshot().facts();
    }

    /** Runs before every read: brings the facts up to date with writes other hub instances made (report/FactsKeeper). */
    private volatile Runnable beforeRead = () -> {};

    void beforeRead(Runnable step) {
        this.beforeRead = step;
    }

    private Snapshot snapshot() {
        beforeRead.run();
        return currentSnapshot();
    }

    private synchronized Snapshot currentSnapshot() {
        if (snapshot == null)
            snapshot = new Snapshot(new ReportFacts(current.values()));
        return snapshot;
    }

    /** Replaces all facts (at start). */
    synchronized void replaceAll(Collection<RequestFact> facts) {
        current.clear();
        facts.forEach(f -> current.put(f.iri, f));
        snapshot = null;
    }

    /** The requests' facts changed: {@code facts} replace those of {@code requests} (a request without new facts is gone). */
    synchronized void update(Collection<String> requests, Collection<RequestFact> facts) {
        requests.forEach(current::remove);
        facts.forEach(f -> current.put(f.iri, f));
        snapshot = null;
    }

    public ReportTable compute(Report report, ReportQuery query) {
        Snapshot now = snapshot();
        ReportFacts facts = now.facts();
        Map<List<String>, Figures> cells = new TreeMap<>(ReportEngine::compareKeys);
        switch (report) {
            case OVERZICHT -> cells.put(List.of(), new Figures());
            case CATEGORIE -> categories.forEach(c -> cells.put(List.of(c), new Figures()));
            case LEEFTIJD -> AgeClass.ALL.forEach(c -> cells.put(List.of(c), new Figures()));
            default -> { }
        }
        if (report == Report.TREND) {
            for (Period quarter : facts.quarters())
                for (UniqueRequest u : unique(now, quarter, query.asOf()))
                    if (query.includes(u))
                        cells.computeIfAbsent(List.of(quarter.toString()), k -> new Figures()).add(u);
        } else if (report == Report.UITKOMSTEN) {
            Set<String> area = query.municipalities().isEmpty() && query.counter() != null ? Set.of(query.counter()) : query.municipalities();
            if (area.isEmpty())
                throw new IllegalArgumentException("uitkomsten needs a municipality or a counter");
            for (UniqueRequest u : unique(now, query.period(), query.asOf()))
                outcomeRow(u, area).ifPresent(key -> cells.computeIfAbsent(key, k -> new Figures()).add(u));
        } else {
            for (UniqueRequest u : unique(now, query.period(), query.asOf()))
                if (query.includes(u))
                    for (List<String> key : keys(report, u))
                        cells.computeIfAbsent(key, k -> new Figures()).add(u);
        }
        List<ReportTable.Row> rows = new ArrayList<>();
        cells.forEach((k, f) -> rows.add(new ReportTable.Row(k, f)));
        return new ReportTable(report, query, graceDays, rows);
    }

    private List<UniqueRequest> unique(Snapshot now, Period period, LocalDate asOf) {
        return now.unique().computeIfAbsent(period + "@" + asOf, k -> now.facts().uniqueRequests(period, graceDays, asOf));
    }

    private List<List<String>> keys(Report report, UniqueRequest u) {
        return switch (report) {
            case OVERZICHT -> List.of(List.of());
            case WOONGEMEENTE -> List.of(List.of(u.residence));
            case LOCATIEGEMEENTE -> u.locationMunicipalities.stream().map(List::of).toList();
            case LOKET -> u.counters.stream().map(List::of).toList();
            case CATEGORIE -> u.categories.stream().map(List::of).toList();
            case LEEFTIJD -> List.of(List.of(u.ageClass));
            default -> throw new IllegalStateException(report.code());
        };
    }

    /**
     * Residents' outcomes for an area: residents who found care in their own municipality, in
     * another one (which), not at all (or not yet, or withdrew); and non-residents who asked for
     * a place in the area, by the municipality they live in.
     */
    private static java.util.Optional<List<String>> outcomeRow(UniqueRequest u, Set<String> area) {
        if (area.contains(u.residence)) {
            return java.util.Optional.of(switch (u.outcome) {
                case BEANTWOORD, GEDEELTELIJK -> u.careMunicipality == null ? List.of("inwoners-opvang-elders", "onbekend")
                        : u.careMunicipality.equals(u.residence) ? List.of("inwoners-opvang-eigen-gemeente", u.careMunicipality)
                        : List.of("inwoners-opvang-elders", u.careMunicipality);
                case ONBEANTWOORD -> List.of("inwoners-geen-opvang", u.residence);
                case LOPEND -> List.of("inwoners-lopend", u.residence);
                case GEANNULEERD -> List.of("inwoners-geannuleerd", u.residence);
            });
        }
        for (String m : u.locationMunicipalities)
            if (area.contains(m))
                return java.util.Optional.of(List.of("niet-inwoners", u.residence));
        return java.util.Optional.empty();
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0)
                return c;
        }
        return Integer.compare(a.size(), b.size());
    }
}
