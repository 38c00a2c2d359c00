package be.kohub.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

import be.kohub.store.Queries;
import be.kohub.store.ReadTx;

/**
 * Reads the report facts from the store: seven flat queries ({@code queries/reports/*.rq}), each
 * one streaming pass over an index, joined here by IRI. Flat scans joined in memory are what keep
 * the yearly report set fast at Flanders scale: the store never has to group or sort.
 */
public final class FactsReader {
    private static final String CODE_PREFIX = "/";

    private FactsReader() {}

    public static ReportFacts read(ReadTx tx) {
        Map<String, RequestFact> requests = new HashMap<>();
        Map<String, String> locationMunicipality = new HashMap<>();
        Map<String, String> assignmentLocation = new HashMap<>();
        Map<String, LocalDate> births = new HashMap<>();

        rows(tx, "reports/requests.rq", get -> {
            RequestFact fact = requests.computeIfAbsent(get.uri("aanvraag"), RequestFact::new);
            fact.child = get.uri("kind");
            fact.residence = code(get.uri("woonplaats"));
            fact.counter = code(get.uri("loket"));
            fact.start = LocalDate.parse(get.lexical("start"));
        });
        rows(tx, "reports/request-categories.rq", get -> {
            RequestFact fact = requests.get(get.uri("aanvraag"));
            if (fact != null) {
                String kind = get.lexical("soort");
                String code = code(get.uri("code"));
                fact.categories.add(kind.equals("voorrangsgroep") ? kind + ":" + code : kind);
            }
        });
        rows(tx, "reports/location-municipalities.rq", get -> locationMunicipality.put(get.uri("vestiging"), code(get.uri("gemeente"))));
        rows(tx, "reports/request-locations.rq", get -> {
            RequestFact fact = requests.get(get.uri("aanvraag"));
            String municipality = locationMunicipality.get(get.uri("vestiging"));
            if (fact != null && municipality != null)
                fact.locationMunicipalities.add(municipality);
        });
        rows(tx, "reports/assignments.rq", get -> assignmentLocation.put(get.uri("toewijzing"), get.uri("vestiging")));
        rows(tx, "reports/children.rq", get -> {
            String born = get.lexical("geboren");
            String child = get.uri("kind");
            if (born != null)
                births.put(child, LocalDate.parse(born));
            else
                births.putIfAbsent(child, LocalDate.parse(get.lexical("verwacht")));
        });
        rows(tx, "reports/status-changes.rq", get -> {
            RequestFact fact = requests.get(get.uri("resource"));
            if (fact != null)
                apply(fact, code(get.uri("status")), code(get.uri("reden")), Instant.parse(get.lexical("tijd")), get.uri("oorzaak"));
        });

        Map<String, String> assignmentMunicipality = new HashMap<>();
        assignmentLocation.forEach((assignment, location) -> {
            String municipality = locationMunicipality.get(location);
            if (municipality != null)
                assignmentMunicipality.put(assignment, municipality);
        });
        requests.values().removeIf(f -> f.start == null || f.registered == null);
        return new ReportFacts(requests.values(), births, assignmentMunicipality);
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

    /** The code at the end of a code-list or municipality IRI ({@code …/gemeente/44021} → 44021). */
    static String code(String iri) {
        return iri == null ? null : iri.substring(iri.lastIndexOf(CODE_PREFIX) + 1);
    }

    private static void rows(ReadTx tx, String query, Consumer<Values> handler) {
        tx.forEach(Queries.load(query), row -> handler.accept(new Values(row)));
    }

    /** Typed access to one row. */
    private record Values(Binding row) {
        String uri(String name) {
            Node n = row.get(Var.alloc(name));
            return n == null ? null : n.getURI();
        }

        String lexical(String name) {
            Node n = row.get(Var.alloc(name));
            return n == null ? null : n.getLiteralLexicalForm();
        }
    }
}
