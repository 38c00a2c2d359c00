package be.kohub.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

/**
 * What the reports need to know of one request, read from the store by {@link FactsReader} and
 * kept up to date by {@link FactsKeeper}: no names, no contact data, only codes, dates and the
 * times of its status changes. Self-contained, so that a request's facts can be recomputed alone.
 */
public final class RequestFact {
    final String iri;
    String child;
    String residence;
    String counter;
    LocalDate start;
    /** The child's birth date, or else its expected birth date (null when neither is known). */
    LocalDate birth;
    /** Filled while the fact is read, then immutable (see {@link #freeze()}). */
    Set<String> categories = new HashSet<>();
    Set<String> locationMunicipalities = new HashSet<>();
    /** Time of the first status change: when the hub registered it. */
    Instant registered;
    /** First change to toegewezen, or to geannuleerd because of a place elsewhere. */
    Instant answered;
    /** First change to gedeeltelijk-toegewezen. */
    Instant partial;
    /** Change to geannuleerd for another reason than a place elsewhere. */
    Instant cancelled;
    /** First change an assignment caused (an offer counts): the first answer. */
    Instant firstAnswer;
    /** The municipality of the location of the assignment behind {@link #answered}. */
    String answeredIn;
    /** The municipality of the location of the assignment behind {@link #partial}. */
    String partlyAnsweredIn;

    /** The UTC days of the times above, fixed by {@link #freeze()}: outcomes are judged by day. */
    private LocalDate registeredDay, answeredDay, partialDay, cancelledDay, firstAnswerDay;

    RequestFact(String iri) {
        this.iri = iri;
    }

    /**
     * Ends reading: the sets become immutable and the codes shared (the same municipality code
     * is one string however many facts name it), which keeps a few hundred thousand facts small in
     * memory, and the days of the status changes are worked out once.
     */
    RequestFact freeze() {
        child = child == null ? null : child.intern();
        residence = residence == null ? null : residence.intern();
        counter = counter == null ? null : counter.intern();
        answeredIn = answeredIn == null ? null : answeredIn.intern();
        partlyAnsweredIn = partlyAnsweredIn == null ? null : partlyAnsweredIn.intern();
        categories = interned(categories);
        locationMunicipalities = interned(locationMunicipalities);
        registeredDay = day(registered);
        answeredDay = day(answered);
        partialDay = day(partial);
        cancelledDay = day(cancelled);
        firstAnswerDay = day(firstAnswer);
        return this;
    }

    private static Set<String> interned(Set<String> values) {
        return values.isEmpty() ? Set.of() : Set.copyOf(values.stream().map(String::intern).toList());
    }

    LocalDate registeredDay() {
        return registeredDay;
    }

    LocalDate firstAnswerDay() {
        return firstAnswerDay;
    }

    /** The last day an answer counts as in time: the requested start plus the grace period. */
    LocalDate deadline(int graceDays) {
        return start.plusDays(graceDays);
    }

    /** The request's own outcome on the reference date (per-request counting uses it alone). */
    Outcome outcome(int graceDays, LocalDate asOf) {
        LocalDate deadline = deadline(graceDays);
        if (by(answeredDay, deadline, asOf))
            return Outcome.BEANTWOORD;
        if (by(partialDay, deadline, asOf))
            return Outcome.GEDEELTELIJK;
        if (by(cancelledDay, deadline, asOf))
            return Outcome.GEANNULEERD;
        return asOf.isAfter(deadline) ? Outcome.ONBEANTWOORD : Outcome.LOPEND;
    }

    /** Where the assignment that answered the request (fully or partly) is, when its outcome says so. */
    String careMunicipality(Outcome outcome) {
        return switch (outcome) {
            case BEANTWOORD -> answeredIn;
            case GEDEELTELIJK -> partlyAnsweredIn;
            default -> null;
        };
    }

    /** The day of a status change: its UTC date, as in the SPARQL definition (definitions/unique-requests.rq). */
    static LocalDate day(Instant time) {
        return time == null ? null : LocalDate.ofInstant(time, ZoneOffset.UTC);
    }

    private static boolean by(LocalDate day, LocalDate deadline, LocalDate asOf) {
        return day != null && !day.isAfter(deadline) && !day.isAfter(asOf);
    }

    public String iri() {
        return iri;
    }
}
