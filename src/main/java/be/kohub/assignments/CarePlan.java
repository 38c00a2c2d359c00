package be.kohub.assignments;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

import be.kohub.vocab.KO;

/**
 * A weekly care plan (opvangplan) with its start date: either fixed half-days (codes of the
 * dagdeel list, e.g. maandag-voormiddag) or a variable plan of a number of half-days per week.
 */
public record CarePlan(Set<String> halfDays, Integer perWeek, LocalDate start) {

    public boolean fixed() {
        return perWeek == null;
    }

    /** Half-days per week: the number of fixed half-days, or the variable plan's number. */
    public int count() {
        return fixed() ? halfDays.size() : perWeek;
    }

    /** Reads the plan of a request or assignment from its document graph. */
    public static CarePlan of(Graph document, Node subject, Node startProperty) {
        Node plan = document.find(subject, KO.opvangplan, Node.ANY).next().getObject();
        Set<String> days = new TreeSet<>();
        document.find(plan, KO.dagdeel, Node.ANY).mapWith(Triple::getObject)
                .forEachRemaining(d -> days.add(d.getURI().substring(d.getURI().lastIndexOf('/') + 1)));
        Integer perWeek = document.find(plan, KO.dagdelenPerWeek, Node.ANY).nextOptional()
                .map(t -> Integer.parseInt(t.getObject().getLiteralLexicalForm())).orElse(null);
        LocalDate start = LocalDate.parse(document.find(subject, startProperty, Node.ANY).next().getObject().getLiteralLexicalForm());
        return new CarePlan(days, days.isEmpty() ? perWeek : null, start);
    }
}
