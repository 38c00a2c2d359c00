package be.kohub.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;

import be.kohub.store.Queries;
import be.kohub.vocab.KO;
import be.kohub.vocab.OSLO;
import be.kohub.store.ReadTx;

/**
 * Reads report facts from the store: all of them with one query ({@code queries/reports/facts.rq},
 * one index scan per predicate, no join in the store), or one request's with
 * {@code queries/reports/request-facts.rq}. Either way the triples are joined here by subject, the
 * same way: a request's own triples, its preferences' locations and their municipalities, its
 * status changes and the municipality of the assignments that caused them, and its child's birth.
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

        void add(Node s, Node p, Node o) {
            if (MULTI.contains(p))
                multi.computeIfAbsent(p, k -> new HashMap<>()).computeIfAbsent(s, k -> new ArrayList<>(2)).add(o);
            else
                single.computeIfAbsent(p, k -> new HashMap<>()).put(s, o);
        }

        Map<Node, Node> one(Node predicate) {
            return single.getOrDefault(predicate, Map.of());
        }

        List<Node> many(Node predicate, Node subject) {
            return multi.getOrDefault(predicate, Map.of()).getOrDefault(subject, List.of());
        }
    }

    /** The facts of every request in the store. */
    public static List<RequestFact> read(ReadTx tx) {
        Rows rows = new Rows();
        tx.forEach(Queries.load("reports/facts.rq"), b -> rows.add(b.get(S), b.get(P), b.get(O)));
        return join(rows);
    }

    /** The facts of one request; empty when the store holds no request by that IRI. */
    public static Optional<RequestFact> read(ReadTx tx, Node request) {
        Rows rows = new Rows();
        tx.construct(Queries.bind("reports/request-facts.rq", Map.of("aanvraag", request)))
                .find().forEachRemaining(t -> rows.add(t.getSubject(), t.getPredicate(), t.getObject()));
        return join(rows).stream().filter(f -> f.iri.equals(request.getURI())).findFirst();
    }

    private static List<RequestFact> join(Rows rows) {
        Map<Node, Node> kind = rows.one(KO.kind), residence = rows.one(KO.woonplaats), counter = rows.one(KO.lokaalLoket);
        Map<Node, Node> location = rows.one(KO.vestiging), contact = rows.one(OSLO.CONTACT_POINT);
        Map<Node, Node> address = rows.one(OSLO.LOCN_ADDRESS), municipality = rows.one(KO.gemeente);
        Map<Node, Node> status = rows.one(OSLO.ADMS_STATUS), time = rows.one(OSLO.PROV_AT_TIME);
        Map<Node, Node> reason = rows.one(KO.statusreden), cause = rows.one(KO.veroorzaaktDoor);
        Map<Node, Node> birth = rows.one(OSLO.BIRTH_DATE), expected = rows.one(OSLO.VERWACHTE_GEBOORTEDATUM);
        Function<Node, String> municipalityOf = resource -> {
            Node l = resource == null ? null : location.get(resource);
            Node c = l == null ? null : contact.get(l);
            Node a = c == null ? null : address.get(c);
            Node m = a == null ? null : municipality.get(a);
            return m == null ? null : code(m.getURI());
        };

        List<RequestFact> requests = new ArrayList<>();
        rows.one(KO.gewensteStartdatum).forEach((iri, start) -> {
            RequestFact fact = new RequestFact(iri.getURI());
            Node child = kind.get(iri);
            fact.child = uri(child);
            fact.residence = code(uri(residence.get(iri)));
            fact.counter = code(uri(counter.get(iri)));
            fact.start = LocalDate.parse(start.getLiteralLexicalForm());
            Node born = child == null ? null : birth.getOrDefault(child, expected.get(child));
            fact.birth = born == null ? null : LocalDate.parse(born.getLiteralLexicalForm());
            FLAGS.forEach((flag, category) -> {
                Node v = rows.one(flag).get(iri);
                if (v != null && "true".equals(v.getLiteralLexicalForm()))
                    fact.categories.add(category);
            });
            rows.many(KO.voorrangsgroep, iri).forEach(c -> fact.categories.add("voorrangsgroep:" + code(c.getURI())));
            if (!rows.many(KO.kwetsbaarheidsindicator, iri).isEmpty())
                fact.categories.add("kwetsbaar");
            for (Node preference : rows.many(KO.voorkeur, iri)) {
                String m = municipalityOf.apply(preference);
                if (m != null)
                    fact.locationMunicipalities.add(m);
            }
            for (Node change : rows.many(KO.statuswijziging, iri)) {
                Node t = time.get(change), s = status.get(change);
                if (t != null && s != null) {
                    Node assignment = cause.get(change);
                    apply(fact, code(s.getURI()), code(uri(reason.get(change))), Instant.parse(t.getLiteralLexicalForm()),
                            assignment, assignment == null ? null : municipalityOf.apply(assignment));
                }
            }
            if (fact.child != null && fact.registered != null)
                requests.add(fact.freeze());
        });
        return requests;
    }

    /** One status change of a request, in any order: the earliest of each kind counts. */
    private static void apply(RequestFact fact, String status, String reason, Instant time, Node causedBy, String causeMunicipality) {
        fact.registered = earliest(fact.registered, time);
        if (causedBy != null)
            fact.firstAnswer = earliest(fact.firstAnswer, time);
        boolean elsewhere = "toegewezen-elders".equals(reason);
        if ("toegewezen".equals(status) || ("geannuleerd".equals(status) && elsewhere)) {
            if (fact.answered == null || time.isBefore(fact.answered)) {
                fact.answered = time;
                fact.answeredIn = causeMunicipality;
            }
        } else if ("gedeeltelijk-toegewezen".equals(status)) {
            if (fact.partial == null || time.isBefore(fact.partial)) {
                fact.partial = time;
                fact.partlyAnsweredIn = causeMunicipality;
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
