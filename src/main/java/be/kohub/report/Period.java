package be.kohub.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference period: a calendar year ({@code 2025}) or a quarter ({@code 2025-K1}, also
 * {@code 2025-Q1}). A request belongs to the period in which its requested start date falls.
 */
public record Period(int year, int quarter) {
    private static final Pattern FORMAT = Pattern.compile("^(\\d{4})(?:-[KQkq]([1-4]))?$");

    public static Period parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
        if (!m.matches())
            throw new IllegalArgumentException(text);
        return new Period(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
    }

    public static Period year(int year) {
        return new Period(year, 0);
    }

    public static Period quarterOf(LocalDate day) {
        return new Period(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    public boolean isYear() {
        return quarter == 0;
    }

    public LocalDate first() {
        return isYear() ? LocalDate.of(year, 1, 1) : LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    /** The first day after the period. */
    public LocalDate end() {
        return isYear() ? first().plusYears(1) : first().plusMonths(3);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(first()) && day.isBefore(end());
    }

    public List<Period> quarters() {
        if (!isYear())
            return List.of(this);
        List<Period> quarters = new ArrayList<>();
        for (int q = 1; q <= 4; q++)
            quarters.add(new Period(year, q));
        return quarters;
    }

    @Override
    public String toString() {
        return isYear() ? Integer.toString(year) : year + "-K" + quarter;
    }
}
