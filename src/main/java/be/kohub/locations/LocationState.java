package be.kohub.locations;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import be.kohub.store.Queries;
import be.kohub.store.ReadTx;

/**
 * A location as requests and assignments see it: its organiser, its municipality, and until
 * when it takes no requests (a request stop).
 */
public record LocationState(Node iri, String organiserKbo, String municipality, LocalDate stopUntil) {

    /** The location named in a request or assignment; a 422 if the hub has no such (active) location. */
    public static LocationState require(ReadTx tx, Node iri, String field) {
        return find(tx, iri).orElseThrow(() -> new Rejected(ProblemType.ONBEKENDE_VERWIJZING,
                field + ": de hub heeft geen actieve locatie " + iri + ".",
                field + ": the hub has no active location " + iri + "."));
    }

    public static Optional<LocationState> find(ReadTx tx, Node iri) {
        if (!iri.isURI())
            return Optional.empty();
        List<Binding> rows = tx.select(Queries.bind("locations/state.rq", Map.of("loc", iri)));
        if (rows.isEmpty() || rows.get(0).contains(Var.alloc("withdrawn")))
            return Optional.empty();
        Binding row = rows.get(0);
        Node takes = row.get(Var.alloc("takesRequests"));
        Node until = row.get(Var.alloc("stopUntil"));
        LocalDate stop = takes != null && takes.getLiteralLexicalForm().equals("false") && until != null
                ? LocalDate.parse(until.getLiteralLexicalForm()) : null;
        Node kbo = row.get(Var.alloc("kbo"));
        Node municipality = row.get(Var.alloc("gemeente"));
        return Optional.of(new LocationState(iri, kbo == null ? null : kbo.getLiteralLexicalForm(),
                municipality == null ? null : municipality.getURI().substring(municipality.getURI().lastIndexOf('/') + 1), stop));
    }

    /** The request stop's end date if it is still in force on {@code day}. */
    public Optional<LocalDate> stoppedOn(LocalDate day) {
        return stopUntil != null && !stopUntil.isBefore(day) ? Optional.of(stopUntil) : Optional.empty();
    }
}
