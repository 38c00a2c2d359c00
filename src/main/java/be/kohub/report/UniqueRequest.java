package be.kohub.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
    final Set<String> counters;
    final Set<String> locationMunicipalities;
    final Set<String> categories;
    final String ageClass;
    /** Days from the first registration to the first answer; null without an answer by the reference date. */
    final Long daysToFirstAnswer;
    /** Where the child found care (the municipality of the answering assignment's location), or null. */
    final String careMunicipality;

    UniqueRequest(String child, List<RequestFact> requests, int graceDays, LocalDate asOf) {
        this.child = child;
        this.requests = requests;
        Outcome[] outcomes = new Outcome[requests.size()];
        Outcome best = null;
        RequestFact latest = null;
        LocalDate start = null, birth = null;
        for (int i = 0; i < outcomes.length; i++) {
            RequestFact r = requests.get(i);
            outcomes[i] = r.outcome(graceDays, asOf);
            best = best == null || outcomes[i].compareTo(best) < 0 ? outcomes[i] : best;
            latest = latest == null || r.registered.isAfter(latest.registered) ? r : latest;
            start = start == null || r.start.isBefore(start) ? r.start : start;
            birth = birth == null ? r.birth : birth;
        }
        if (requests.size() == 1) { // most children in a period: share the fact's sets
            RequestFact r = requests.get(0);
            counters = Set.of(counterOf(r));
            locationMunicipalities = r.locationMunicipalities;
            categories = r.categories;
        } else {
            counters = new HashSet<>();
            locationMunicipalities = new HashSet<>();
            categories = new HashSet<>();
            for (RequestFact r : requests) {
                counters.add(counterOf(r));
                locationMunicipalities.addAll(r.locationMunicipalities);
                categories.addAll(r.categories);
            }
        }
        this.requestOutcomes = List.of(outcomes);
        this.outcome = best;
        this.residence = latest.residence;
        this.ageClass = AgeClass.of(birth, start);
        this.daysToFirstAnswer = daysToFirstAnswer(requests, asOf);
        this.careMunicipality = careMunicipality();
    }

    private static String counterOf(RequestFact r) {
        return r.counter == null ? "onbekend" : r.counter;
    }

    private static Long daysToFirstAnswer(List<RequestFact> requests, LocalDate asOf) {
        LocalDate registered = null;
        LocalDate answered = null;
        for (RequestFact r : requests) {
            LocalDate day = r.registeredDay();
            registered = registered == null || day.isBefore(registered) ? day : registered;
            if (r.firstAnswerDay() != null) {
                LocalDate a = r.firstAnswerDay();
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
