package be.kohub.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One child's need in one reference period: all its requests whose requested start falls in the
 * period, wherever and by whichever counter they were registered, counted once (docs/rapporten.md).
 */
public final class UniqueRequest {
    final String child;
    final List<RequestFact> requests;
    final Outcome outcome;
    final List<Outcome> requestOutcomes;
    /** The family's municipality on its most recently registered request. */
    final String residence;
    final Set<String> counters = new HashSet<>();
    final Set<String> locationMunicipalities = new HashSet<>();
    final Set<String> categories = new HashSet<>();
    final String ageClass;
    /** Days from the first registration to the first answer; null without an answer by the reference date. */
    final Long daysToFirstAnswer;
    /** Where the child found care (the municipality of the answering assignment's location), or null. */
    final String careMunicipality;

    UniqueRequest(String child, List<RequestFact> requests, int graceDays, LocalDate asOf) {
        this.child = child;
        this.requests = requests;
        this.requestOutcomes = requests.stream().map(r -> r.outcome(graceDays, asOf)).toList();
        this.outcome = requestOutcomes.stream().min(Comparator.naturalOrder()).orElseThrow();
        this.residence = requests.stream().max(Comparator.comparing((RequestFact r) -> r.registered)).orElseThrow().residence;
        for (RequestFact r : requests) {
            counters.add(r.counter == null ? "onbekend" : r.counter);
            locationMunicipalities.addAll(r.locationMunicipalities);
            categories.addAll(r.categories);
        }
        LocalDate start = requests.stream().map(r -> r.start).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate birth = requests.stream().map(r -> r.birth).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        this.ageClass = AgeClass.of(birth, start);
        this.daysToFirstAnswer = daysToFirstAnswer(requests, asOf);
        this.careMunicipality = careMunicipality();
    }

    private static Long daysToFirstAnswer(List<RequestFact> requests, LocalDate asOf) {
        LocalDate registered = null;
        LocalDate answered = null;
        for (RequestFact r : requests) {
            LocalDate day = RequestFact.day(r.registered);
            registered = registered == null || day.isBefore(registered) ? day : registered;
            if (r.firstAnswer != null) {
                LocalDate a = RequestFact.day(r.firstAnswer);
                if (!a.isAfter(asOf) && (answered == null || a.isBefore(answered)))
                    answered = a;
            }
        }
        return answered == null ? null : Math.max(0, ChronoUnit.DAYS.between(registered, answered));
    }

    private String careMunicipality() {
        if (outcome != Outcome.BEANTWOORD && outcome != Outcome.GEDEELTELIJK)
            return null;
        for (int i = 0; i < requests.size(); i++)
            if (requestOutcomes.get(i) == outcome) {
                String municipality = requests.get(i).careMunicipality(outcome);
                if (municipality != null)
                    return municipality;
            }
        return null;
    }
}
