package be.kohub.assignments;

import java.util.HashSet;
import java.util.Set;

/**
 * How far an assigned plan covers a requested plan (docs/data-model.md, "Covered"):
 * <ul>
 * <li>half-days: fixed against fixed compares the sets (all requested half-days assigned: full;
 *     some: partial; none: not covered). Any comparison with a variable plan compares the number
 *     of half-days per week (at least as many: full; fewer: partial).</li>
 * <li>start: the assigned start may be at most {@code toleranceDays} after the requested start;
 *     a later start covers at most partly (the weeks before it stay unanswered).</li>
 * </ul>
 */
public enum Coverage {
    VOLLEDIG, GEDEELTELIJK, GEEN;

    public static Coverage of(CarePlan assigned, CarePlan requested, int toleranceDays) {
        boolean allDays;
        if (assigned.fixed() && requested.fixed()) {
            Set<String> common = new HashSet<>(requested.halfDays());
            common.retainAll(assigned.halfDays());
            if (common.isEmpty())
                return GEEN;
            allDays = common.size() == requested.halfDays().size();
        } else {
            allDays = assigned.count() >= requested.count();
        }
        boolean inTime = !assigned.start().isAfter(requested.start().plusDays(toleranceDays));
        return allDays && inTime ? VOLLEDIG : GEDEELTELIJK;
    }
}
