package be.kohub.assignments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.update.UpdateRequest;

import be.kohub.lifecycle.Lifecycle;
import be.kohub.model.CodeLists;
import be.kohub.store.Queries;
import be.kohub.store.ReadTx;

/**
 * The rule that makes the central layer worth having (DESIGN.md §1): an assignment that takes
 * effect closes the child's open requests it covers, in every municipality. The linked request
 * (if any) becomes toegewezen, or gedeeltelijk toegewezen when the assignment covers it only
 * partly; every other open request of the child that the assigned plan covers is cancelled
 * with reason toegewezen elders, and one it covers partly is marked gedeeltelijk toegewezen.
 * It only reads and returns the updates, so that the caller applies them in its transaction.
 */
public final class AssignmentRule {
    private final CodeLists codes;
    private final int toleranceDays;

    /** One request the rule changes, for the answer and for the updates. */
    public record RequestChange(Node request, Node from, Node to, Node reason, Coverage coverage, UpdateRequest update) {}

    public AssignmentRule(CodeLists codes, int toleranceDays) {
        this.codes = codes;
        this.toleranceDays = toleranceDays;
    }

    public List<RequestChange> apply(ReadTx tx, Node assignment, Node child, CarePlan assigned, Node linked, Node agent, Instant now) {
        List<RequestChange> changes = new ArrayList<>();
        for (Binding row : tx.select(Queries.bind("assignments/open-requests.rq", Map.of("kind", child)))) {
            Node request = row.get(Var.alloc("aanvraag"));
            Node status = row.get(Var.alloc("status"));
            Coverage coverage = Coverage.of(assigned, requested(row), toleranceDays);
            Node to;
            Node reason = null;
            if (request.equals(linked)) {
                to = codes.require("aanvraagstatus", coverage == Coverage.VOLLEDIG ? "toegewezen" : "gedeeltelijk-toegewezen", "status");
            } else if (coverage == Coverage.GEEN) {
                continue;
            } else {
                to = codes.require("aanvraagstatus", coverage == Coverage.VOLLEDIG ? "geannuleerd" : "gedeeltelijk-toegewezen", "status");
                reason = codes.require("statusreden", "toegewezen-elders", "reden");
            }
            Lifecycle.Change change = new Lifecycle.Change(to, reason, null, agent, assignment, now);
            changes.add(new RequestChange(request, status, to, reason, coverage, Lifecycle.change(tx, request, change, null)));
        }
        return changes;
    }

    /** One request moved by an assignment outside the rule (an offer, a refusal), without a coverage. */
    public RequestChange move(ReadTx tx, Node request, Node to, Node reason, Node agent, Node assignment, Instant now) {
        Node from = Lifecycle.current(tx, request).orElseThrow().status();
        return new RequestChange(request, from, to, reason, null,
                Lifecycle.change(tx, request, new Lifecycle.Change(to, reason, null, agent, assignment, now), null));
    }

    /** The answer's list of changed requests: id, status before and after, reason, coverage (null when not judged). */
    public void describe(List<RequestChange> changes, ArrayNode out) {
        for (RequestChange change : changes) {
            var entry = out.addObject();
            entry.put("aanvraag", change.request().getURI());
            entry.put("van", codes.code(change.from()));
            entry.put("naar", codes.code(change.to()));
            if (change.reason() != null)
                entry.put("reden", codes.code(change.reason()));
            if (change.coverage() != null)
                entry.put("dekking", change.coverage().name().toLowerCase());
        }
    }

    private static CarePlan requested(Binding row) {
        Node perWeek = row.get(Var.alloc("perWeek"));
        Node days = row.get(Var.alloc("dagdelen"));
        Set<String> halfDays = new TreeSet<>();
        if (days != null && !days.getLiteralLexicalForm().isBlank())
            Arrays.stream(days.getLiteralLexicalForm().split(" ")).map(d -> d.substring(d.lastIndexOf('/') + 1)).forEach(halfDays::add);
        return new CarePlan(halfDays, halfDays.isEmpty() && perWeek != null ? Integer.parseInt(perWeek.getLiteralLexicalForm()) : null,
                LocalDate.parse(row.get(Var.alloc("start")).getLiteralLexicalForm()));
    }
}
