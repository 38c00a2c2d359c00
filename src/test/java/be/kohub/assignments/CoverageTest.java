package be.kohub.assignments;

import static be.kohub.assignments.Coverage.GEDEELTELIJK;
import static be.kohub.assignments.Coverage.GEEN;
import static be.kohub.assignments.Coverage.VOLLEDIG;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The edge cases of "covered" as docs/data-model.md defines it. */
class CoverageTest {
    static final LocalDate START = LocalDate.of(2027, 9, 1);
    static final int TOLERANCE = 30;

    static CarePlan fixed(LocalDate start, String... halfDays) {
        return new CarePlan(Set.of(halfDays), null, start);
    }

    static CarePlan variable(LocalDate start, int perWeek) {
        return new CarePlan(Set.of(), perWeek, start);
    }

    @Test
    void fixedPlansCompareTheirHalfDays() {
        CarePlan requested = fixed(START, "maandag-voormiddag", "maandag-namiddag", "dinsdag-voormiddag");
        assertEquals(VOLLEDIG, Coverage.of(fixed(START, "maandag-voormiddag", "maandag-namiddag", "dinsdag-voormiddag"), requested, TOLERANCE), "the same half-days");
        assertEquals(VOLLEDIG, Coverage.of(fixed(START, "maandag-voormiddag", "maandag-namiddag", "dinsdag-voormiddag", "vrijdag-namiddag"), requested, TOLERANCE), "a superset");
        assertEquals(GEDEELTELIJK, Coverage.of(fixed(START, "maandag-voormiddag"), requested, TOLERANCE), "one of three half-days");
        assertEquals(GEEN, Coverage.of(fixed(START, "woensdag-voormiddag", "donderdag-voormiddag", "vrijdag-voormiddag"), requested, TOLERANCE),
                "as many half-days, but none of the requested ones");
    }

    @Test
    void aVariablePlanOnEitherSideComparesHalfDaysPerWeek() {
        assertEquals(VOLLEDIG, Coverage.of(variable(START, 6), variable(START, 6), TOLERANCE));
        assertEquals(GEDEELTELIJK, Coverage.of(variable(START, 5), variable(START, 6), TOLERANCE));
        assertEquals(VOLLEDIG, Coverage.of(fixed(START, "maandag-voormiddag", "dinsdag-voormiddag"), variable(START, 2), TOLERANCE), "fixed 2 against variable 2");
        assertEquals(GEDEELTELIJK, Coverage.of(fixed(START, "maandag-voormiddag"), variable(START, 2), TOLERANCE));
        assertEquals(VOLLEDIG, Coverage.of(variable(START, 4), fixed(START, "maandag-voormiddag", "dinsdag-voormiddag"), TOLERANCE), "variable 4 against fixed 2");
        assertEquals(GEDEELTELIJK, Coverage.of(variable(START, 1), fixed(START, "maandag-voormiddag", "dinsdag-voormiddag"), TOLERANCE));
    }

    @Test
    void theAssignedStartMayBeLateByTheToleranceAndNoMore() {
        CarePlan requested = variable(START, 4);
        assertEquals(VOLLEDIG, Coverage.of(variable(START.minusMonths(3), 4), requested, TOLERANCE), "earlier is fine");
        assertEquals(VOLLEDIG, Coverage.of(variable(START.plusDays(TOLERANCE), 4), requested, TOLERANCE), "exactly the tolerance");
        assertEquals(GEDEELTELIJK, Coverage.of(variable(START.plusDays(TOLERANCE + 1), 4), requested, TOLERANCE), "one day later: the first weeks stay unanswered");
        assertEquals(GEDEELTELIJK, Coverage.of(variable(START.plusDays(1), 4), requested, 0), "no tolerance configured");
        assertEquals(GEEN, Coverage.of(fixed(START.plusYears(1), "vrijdag-namiddag"), fixed(START, "maandag-voormiddag"), TOLERANCE),
                "no common half-day stays not covered, whatever the date");
    }
}
