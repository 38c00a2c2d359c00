package be.kohub.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The report facts of the whole store at one moment, indexed by the quarter of the requested start; immutable once made. */
public final class ReportFacts {
    private static final Comparator<Period> CHRONOLOGICAL = Comparator.comparingInt((Period p) -> p.year()).thenComparingInt(Period::quarter);
    private final List<RequestFact> requests;
    private final TreeMap<Period, List<RequestFact>> byQuarter = new TreeMap<>(CHRONOLOGICAL);

    ReportFacts(Collection<RequestFact> requests) {
        this.requests = List.copyOf(requests);
        for (RequestFact r : this.requests)
            byQuarter.computeIfAbsent(Period.quarterOf(r.start), q -> new ArrayList<>()).add(r);
    }

    /**
     * A multi-year history for the benchmark at ten times Flanders scale: {@code years} copies of
     * these facts, copy k shifted k years back (dates and times), each with its own children.
     */
    public ReportFacts shiftedCopies(int years) {
        List<RequestFact> all = new ArrayList<>(requests.size() * years);
        for (int k = 0; k < years; k++) {
            String suffix = k == 0 ? "" : "-" + k;
            for (RequestFact r : requests) {
                RequestFact c = new RequestFact(r.iri + suffix);
                c.child = r.child + suffix;
                c.residence = r.residence;
                c.counter = r.counter;
                c.start = r.start.minusYears(k);
                c.birth = r.birth == null ? null : r.birth.minusYears(k);
                c.categories.addAll(r.categories);
                c.locationMunicipalities.addAll(r.locationMunicipalities);
                c.registered = back(r.registered, k);
                c.answered = back(r.answered, k);
                c.partial = back(r.partial, k);
                c.cancelled = back(r.cancelled, k);
                c.firstAnswer = back(r.firstAnswer, k);
                c.answeredIn = r.answeredIn;
                c.partlyAnsweredIn = r.partlyAnsweredIn;
                all.add(c.freeze());
            }
        }
        return new ReportFacts(all);
    }

    private static java.time.Instant back(java.time.Instant t, int years) {
        return t == null ? null : t.atZone(java.time.ZoneOffset.UTC).minusYears(years).toInstant();
    }

    Stream<RequestFact> stream() {
        return requests.stream();
    }

    public int requestCount() {
        return requests.size();
    }

    /** The unique requests of a period: the requests starting in it, grouped by child. */
    List<UniqueRequest> uniqueRequests(Period period, int graceDays, LocalDate asOf) {
        List<List<RequestFact>> in = period.quarters().stream().map(q -> byQuarter.getOrDefault(q, List.of())).toList();
        Map<String, List<RequestFact>> byChild = new HashMap<>(in.stream().mapToInt(List::size).sum());
        for (List<RequestFact> quarter : in)
            for (RequestFact r : quarter)
                byChild.computeIfAbsent(r.child, c -> new ArrayList<>(2)).add(r);
        List<UniqueRequest> unique = new ArrayList<>(byChild.size());
        byChild.forEach((child, rs) -> unique.add(new UniqueRequest(child, rs, graceDays, asOf)));
        return unique;
    }

    /** Every quarter in which some request starts, oldest first. */
    List<Period> quarters() {
        return List.copyOf(byQuarter.keySet());
    }
}
