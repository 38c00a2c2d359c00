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
    final Set<String> categories = new HashSet<>();
    final Set<String> locationMunicipalities = new HashSet<>();
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

    RequestFact(String iri) {
        this.iri = iri;
    }

    /** The last day an answer counts as in time: the requested start plus the grace period. */
    LocalDate deadline(int graceDays) {
        return start.plusDays(graceDays);
    }

    /** The request's own outcome on the reference date (per-request counting uses it alone). */
    Outcome outcome(int graceDays, LocalDate asOf) {
        LocalDate deadline = deadline(graceDays);
        if (by(answered, deadline, asOf))
            return Outcome.BEANTWOORD;
        if (by(partial, deadline, asOf))
            return Outcome.GEDEELTELIJK;
        if (by(cancelled, deadline, asOf))
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
        return LocalDate.ofInstant(time, ZoneOffset.UTC);
    }

    private static boolean by(Instant time, LocalDate deadline, LocalDate asOf) {
        if (time == null)
            return false;
        LocalDate day = day(time);
        return !day.isAfter(deadline) && !day.isAfter(asOf);
    }

    public String iri() {
        return iri;
    }
}
