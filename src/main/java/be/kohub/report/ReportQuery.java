package be.kohub.report;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a report is asked for: the reference period, the reference date (peildatum) on which
 * outcomes are judged, and the filters: the family's municipality (a set: a counter's service
 * area) and the registering counter.
 *
 * @param municipalities NIS codes of the families' municipalities; empty: all
 * @param counter NIS code of a counter (LLKO); null: all
 */
public record ReportQuery(Period period, LocalDate asOf, Set<String> municipalities, String counter) {
    boolean includes(UniqueRequest u) {
        return (municipalities.isEmpty() || municipalities.contains(u.residence))
                && (counter == null || u.counters.contains(counter));
    }
}
