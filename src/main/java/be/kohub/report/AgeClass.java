package be.kohub.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Age classes of the child at the requested start, in whole months (docs/rapporten.md). */
public final class AgeClass {
    public static final List<String> ALL = List.of("ongeboren", "0-5m", "6-11m", "12-17m", "18-23m", "24-35m", "36m+", "onbekend");

    private AgeClass() {}

    /** The class of a child born (or expected) on {@code birth} at {@code start}. */
    public static String of(LocalDate birth, LocalDate start) {
        if (birth == null)
            return "onbekend";
        if (start.isBefore(birth))
            return "ongeboren";
        long months = ChronoUnit.MONTHS.between(birth, start);
        if (months < 6) return "0-5m";
        if (months < 12) return "6-11m";
        if (months < 18) return "12-17m";
        if (months < 24) return "18-23m";
        if (months < 36) return "24-35m";
        return "36m+";
    }
}
