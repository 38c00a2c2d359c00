package be.kohub.erasure;

import java.time.LocalDate;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

import be.kohub.report.AgeClass;

/**
 * The birth date an erased child keeps: the earliest day of its birth month that puts the child in
 * the same age class at every requested start of its requests (report/AgeClass), so that the age
 * figures stay identical. Usually that is the first of the month; only when a start lies so that the
 * class changes within the month is it a later day (at worst the date itself).
 */
final class GeneralisedBirth {
    private GeneralisedBirth() {}

    static Node date(LocalDate birth, List<LocalDate> starts) {
        LocalDate candidate = birth.withDayOfMonth(1);
        while (candidate.isBefore(birth) && !sameClasses(candidate, birth, starts))
            candidate = candidate.plusDays(1);
        return NodeFactory.createLiteralDT(candidate.toString(), XSDDatatype.XSDdate);
    }

    private static boolean sameClasses(LocalDate candidate, LocalDate birth, List<LocalDate> starts) {
        return starts.stream().allMatch(start -> AgeClass.of(candidate, start).equals(AgeClass.of(birth, start)));
    }
}
