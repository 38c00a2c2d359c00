package be.kohub.report;

import java.util.EnumMap;
import java.util.Map;

/** The figures of one report cell, summed over the unique requests that fall in it. */
public final class Figures {
    private long requests;
    private long requestsUnanswered;
    private long unique;
    private final long[] outcomes = new long[Outcome.values().length];
    private long[] days = new long[8];
    private int answered;

    void add(UniqueRequest u) {
        requests += u.requests.size();
        for (Outcome o : u.requestOutcomes)
            if (o == Outcome.ONBEANTWOORD)
                requestsUnanswered++;
        unique++;
        outcomes[u.outcome.ordinal()]++;
        if (u.daysToFirstAnswer != null) {
            if (answered == days.length)
                days = java.util.Arrays.copyOf(days, answered * 2);
            days[answered++] = u.daysToFirstAnswer;
        }
    }

    /** Every measure; the median is null when no unique request had an answer. */
    public Map<Measure, Long> values() {
        Map<Measure, Long> values = new EnumMap<>(Measure.class);
        values.put(Measure.AANVRAGEN, requests);
        values.put(Measure.AANVRAGEN_ONBEANTWOORD, requestsUnanswered);
        values.put(Measure.UNIEKE_AANVRAGEN, unique);
        values.put(Measure.BEANTWOORD, outcomes[Outcome.BEANTWOORD.ordinal()]);
        values.put(Measure.GEDEELTELIJK, outcomes[Outcome.GEDEELTELIJK.ordinal()]);
        values.put(Measure.ONBEANTWOORD, outcomes[Outcome.ONBEANTWOORD.ordinal()]);
        values.put(Measure.GEANNULEERD, outcomes[Outcome.GEANNULEERD.ordinal()]);
        values.put(Measure.LOPEND, outcomes[Outcome.LOPEND.ordinal()]);
        values.put(Measure.MEDIAAN_DAGEN, median());
        return values;
    }

    /** How many unique requests the median is taken over (for small-count suppression). */
    public long answeredCount() {
        return answered;
    }

    /** The lower median of the days to the first answer, in whole days. */
    private Long median() {
        if (answered == 0)
            return null;
        long[] sorted = java.util.Arrays.copyOf(days, answered);
        java.util.Arrays.sort(sorted);
        return sorted[(answered - 1) / 2];
    }
}
