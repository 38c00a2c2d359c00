package be.kohub.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;

import be.kohub.store.Queries;
import be.kohub.store.ReadTx;

/**
 * The report definitions run as SPARQL in the store ({@code queries/reports/definitions/unique-requests.rq}):
 * one row per unique request, classified by the query itself. It is the reference the hub's
 * own computation is checked against, and the naive baseline of the reports benchmark.
 */
public final class SparqlDefinition {
    /** One unique request as the query classifies it. */
    public record Row(String child, Outcome outcome, long requests, long requestsUnanswered, Long daysToFirstAnswer) {}

    private static final String NEVER = "9999-12-31";

    private SparqlDefinition() {}

    public static List<Row> uniqueRequests(ReadTx tx, Period period, LocalDate asOf, int graceDays) {
        Map<String, Node> params = Map.of(
                "van", date(period.first()), "tot", date(period.end()), "peildatum", date(asOf),
                "respijt", NodeFactory.createLiteralDT("P" + graceDays + "D", XSDDatatype.XSDdayTimeDuration));
        List<Row> rows = new ArrayList<>();
        tx.forEach(Queries.bind("reports/definitions/unique-requests.rq", params), b -> {
            Node first = b.get(Var.alloc("eersteAntwoord"));
            LocalDate registered = LocalDate.parse(b.get(Var.alloc("eersteRegistratie")).getLiteralLexicalForm());
            Long days = first.getLiteralLexicalForm().equals(NEVER) ? null : Math.max(0, ChronoUnit.DAYS.between(registered, LocalDate.parse(first.getLiteralLexicalForm())));
            rows.add(new Row(b.get(Var.alloc("kind")).getURI(),
                    Outcome.values()[Integer.parseInt(b.get(Var.alloc("uitkomst")).getLiteralLexicalForm()) - 1],
                    Long.parseLong(b.get(Var.alloc("aanvragen")).getLiteralLexicalForm()),
                    Long.parseLong(b.get(Var.alloc("aanvragenOnbeantwoord")).getLiteralLexicalForm()), days));
        });
        return rows;
    }

    /** The overview figures of the rows, counted the same way as {@link Figures}. */
    public static Map<Measure, Long> overview(List<Row> rows) {
        Map<Measure, Long> v = new EnumMap<>(Measure.class);
        for (Measure m : Measure.values())
            v.put(m, 0L);
        List<Long> days = new ArrayList<>();
        for (Row r : rows) {
            v.merge(Measure.AANVRAGEN, r.requests(), Long::sum);
            v.merge(Measure.AANVRAGEN_ONBEANTWOORD, r.requestsUnanswered(), Long::sum);
            v.merge(Measure.UNIEKE_AANVRAGEN, 1L, Long::sum);
            v.merge(switch (r.outcome()) {
                case BEANTWOORD -> Measure.BEANTWOORD;
                case GEDEELTELIJK -> Measure.GEDEELTELIJK;
                case LOPEND -> Measure.LOPEND;
                case ONBEANTWOORD -> Measure.ONBEANTWOORD;
                case GEANNULEERD -> Measure.GEANNULEERD;
            }, 1L, Long::sum);
            if (r.daysToFirstAnswer() != null)
                days.add(r.daysToFirstAnswer());
        }
        days.sort(null);
        v.put(Measure.MEDIAAN_DAGEN, days.isEmpty() ? null : days.get((days.size() - 1) / 2));
        return v;
    }

    private static Node date(LocalDate day) {
        return NodeFactory.createLiteralDT(day.toString(), XSDDatatype.XSDdate);
    }
}
