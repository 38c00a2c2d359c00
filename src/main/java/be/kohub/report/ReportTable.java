package be.kohub.report;

import java.util.List;

/**
 * A computed report: one row per combination of dimension values, in a stable order.
 *
 * @param graceDays the grace period the outcomes were judged with
 */
public record ReportTable(Report report, ReportQuery query, int graceDays, List<Row> rows) {
    /** One cell of the report: the dimension values (in the order of {@link Report#dimensions()}) and the figures. */
    public record Row(List<String> keys, Figures figures) {}
}
