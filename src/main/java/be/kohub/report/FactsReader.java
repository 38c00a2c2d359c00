package be.kohub.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;

import be.kohub.store.Queries;
import be.kohub.vocab.KO;
import be.kohub.vocab.OSLO;
import be.kohub.store.ReadTx;

/**
 * Reads the report facts from the store with one query ({@code queries/reports/facts.rq}): one
 * index scan per predicate, no join in the store. The rows are joined here by subject: a
 * request's own triples, its preferences' locations and their municipalities, its status
 * changes, and the location of the assignment that answered it.
 */
public final class FactsReader {
    /** The boolean categories, by the code the reports use for them. */
    private static final Map<Node, String> FLAGS = Map.of(KO.dringend, "dringend",
            KO.verruimdeOpeningsurenNodig, "verruimde-openingsuren", KO.specifiekeZorgnood, "specifieke-zorgnood");
    private static final Set<Node> MULTI = Set.of(KO.voorrangsgroep, KO.kwetsbaarheidsindicator, KO.voorkeur, KO.statuswijziging);
    private static final Var S = Var.alloc("s"), P = Var.alloc("p"), O = Var.alloc("o");

    private FactsReader() {}

    /** Subject → object per predicate (the last object for single-valued ones, all for the others). */
    private static final class Rows {
        final Map<Node, Map<Node, Node>> single = new HashMap<>();
        final Map<Node, Map<Node, List<Node>>> multi = new HashMap<>();

        Map<Node, Node> one(Node predicate) {
            return single.getOrDefault(predicate, Map.of());
        }

        List<Node> many(Node predicate, Node subject) {
            return multi.getOrDefault(predicate, Map.of()).getOrDefault(subject, List.of());
        }
    }

    public static ReportFacts read(ReadTx tx) {
        Rows rows = new Rows();
        tx.forEach(Queries.load("reports/facts.rq"), b -> {
            Node p = b.get(P);
            if (MULTI.contains(p))
                rows.multi.computeIfAbsent(p, k -> new HashMap<>()).computeIfAbsent(b.get(S), k -> new ArrayList<>(2)).add(b.get(O));
            else
                rows.single.computeIfAbsent(p, k -> new HashMap<>()).put(b.get(S), b.get(O));
        });
        Map<Node, Node> kind = rows.one(KO.kind), residence = rows.one(KO.woonplaats), counter = rows.one(KO.lokaalLoket);
        Map<Node, Node> location = rows.one(KO.vestiging), contact = rows.one(OSLO.CONTACT_POINT);
        Map<Node, Node> address = rows.one(OSLO.LOCN_ADDRESS), municipality = rows.one(KO.gemeente);
        Map<Node, Node> status = rows.one(OSLO.ADMS_STATUS), time = rows.one(OSLO.PROV_AT_TIME);
        Map<Node, Node> reason = rows.one(KO.statusreden), cause = rows.one(KO.veroorzaaktDoor);
        java.util.function.Function<Node, String> municipalityOf = loc -> {
            Node c = loc == null ? null : contact.get(loc);
            Node a = c == null ? null : address.get(c);
            Node m = a == null ? null : municipality.get(a);
            return m == null ? null : code(m.getURI());
        };

        List<RequestFact> requests = new ArrayList<>();
        rows.one(KO.gewensteStartdatum).forEach((iri, start) -> {
            RequestFact fact = new RequestFact(iri.getURI());
            fact.child = uri(kind.get(iri));
            fact.residence = code(uri(residence.get(iri)));
            fact.counter = code(uri(counter.get(iri)));
            fact.start = LocalDate.parse(start.getLiteralLexicalForm());
            FLAGS.forEach((flag, category) -> {
                Node v = rows.one(flag).get(iri);
                if (v != null && "true".equals(v.getLiteralLexicalForm()))
                    fact.categories.add(category);
            });
            rows.many(KO.voorrangsgroep, iri).forEach(c -> fact.categories.add("voorrangsgroep:" + code(c.getURI())));
            if (!rows.many(KO.kwetsbaarheidsindicator, iri).isEmpty())
                fact.categories.add("kwetsbaar");
            for (Node preference : rows.many(KO.voorkeur, iri)) {
                String m = municipalityOf.apply(location.get(preference));
                if (m != null)
                    fact.locationMunicipalities.add(m);
            }
            for (Node change : rows.many(KO.statuswijziging, iri)) {
                Node t = time.get(change), s = status.get(change);
                if (t != null && s != null)
                    apply(fact, code(s.getURI()), code(uri(reason.get(change))), Instant.parse(t.getLiteralLexicalForm()), uri(cause.get(change)));
            }
            if (fact.child != null && fact.registered != null)
                requests.add(fact);
        });

        Map<String, String> assignmentMunicipality = new HashMap<>();
        rows.one(KO.toegewezenStartdatum).keySet().forEach(assignment -> {
            String m = municipalityOf.apply(location.get(assignment));
            if (m != null)
                assignmentMunicipality.put(assignment.getURI(), m);
        });
        Map<String, LocalDate> births = new HashMap<>();
        rows.one(OSLO.VERWACHTE_GEBOORTEDATUM)
                .forEach((child, day) -> births.put(child.getURI(), LocalDate.parse(day.getLiteralLexicalForm())));
        rows.one(OSLO.BIRTH_DATE)
                .forEach((child, day) -> births.put(child.getURI(), LocalDate.parse(day.getLiteralLexicalForm())));
        return new ReportFacts(requests, births, assignmentMunicipality);
    }

    /** One status change of a request, in any order: the earliest of each kind counts. */
    private static void apply(RequestFact fact, String status, String reason, Instant time, String causedBy) {
        fact.registered = earliest(fact.registered, time);
        if (causedBy != null)
            fact.firstAnswer = earliest(fact.firstAnswer, time);
        boolean elsewhere = "toegewezen-elders".equals(reason);
        if ("toegewezen".equals(status) || ("geannuleerd".equals(status) && elsewhere)) {
            if (fact.answered == null || time.isBefore(fact.answered)) {
                fact.answered = time;
                fact.answeredBy = causedBy;
            }
        } else if ("gedeeltelijk-toegewezen".equals(status)) {
            if (fact.partial == null || time.isBefore(fact.partial)) {
                fact.partial = time;
                fact.partialBy = causedBy;
            }
        } else if ("geannuleerd".equals(status)) {
            fact.cancelled = earliest(fact.cancelled, time);
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static String uri(Node n) {
        return n == null || !n.isURI() ? null : n.getURI();
    }

    /** The code at the end of a code-list or municipality IRI ({@code …/gemeente/44021} → 44021). */
    static String code(String iri) {
        return iri == null ? null : iri.substring(iri.lastIndexOf('/') + 1);
    }
}
