package be.kohub.requests;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.graph.Node;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import be.kohub.access.Client;
import be.kohub.ingest.CommandFields;
import be.kohub.ingest.DocumentMeta;
import be.kohub.lifecycle.Lifecycle;
import be.kohub.model.CodeLists;
import be.kohub.store.WriteQueue;

/**
 * {@code POST /aanvragen/{id}/status}: {@code {"status", "reden"?, "toelichting"?}} by the system
 * or counter that registered the request. A closed request stays closed; toegewezen and
 * gedeeltelijk toegewezen come only from an assignment (so that the cancellation rule runs);
 * geannuleerd needs a reason. Sending the current status and reason again changes nothing.
 */
public final class RequestStatusCommand {
    private final WriteQueue writes;
    private final CodeLists codes;

    /** The request's version after the command, and whether it changed. */
    public record Outcome(long version, boolean changed, String status) {}

    public RequestStatusCommand(WriteQueue writes, CodeLists codes) {
        this.writes = writes;
        this.codes = codes;
    }

    public Outcome change(Client client, Node iri, JsonNode body) {
        CommandFields fields = new CommandFields(body, codes);
        Node status = fields.code("status", "aanvraagstatus", true);
        Node reason = fields.has("reden") ? fields.code("reden", "statusreden", false) : null;
        String comment = fields.text("toelichting", false);
        if (status != null && codes.code(status).contains("toegewezen"))
            fields.problem("status", codes.code(status), "Een aanvraag wordt (gedeeltelijk) toegewezen met POST /toewijzingen, zodat de andere aanvragen van het kind mee afgesloten worden.",
                    "A request is (partially) assigned with POST /toewijzingen, so that the child's other requests are closed with it.");
        if (status != null && codes.code(status).equals("geannuleerd") && reason == null)
            fields.problem("reden", null, "Een annulering heeft een reden (bv. ingetrokken-door-ouder, vervallen, andere).",
                    "A cancellation needs a reason (e.g. ingetrokken-door-ouder, vervallen, andere).");
        fields.check();
        return writes.write(tx -> {
            DocumentMeta meta = RequestAccess.requireRegistrar(tx, client, iri,
                    "Alleen wie de aanvraag registreerde, wijzigt haar status.", "Only who registered the request changes its status.");
            Lifecycle.Current current = Lifecycle.current(tx, iri).orElseThrow();
            if (current.status().equals(status) && Objects.equals(current.reason(), reason))
                return new Outcome(meta.version(), false, codes.code(status));
            if (!codes.open(current.status()))
                throw new Rejected(ProblemType.CONFLICT,
                        "De aanvraag is al afgesloten (" + codes.code(current.status()) + "); registreer een nieuwe aanvraag.",
                        "The request is already closed (" + codes.code(current.status()) + "); register a new request.");
            tx.update(Lifecycle.change(tx, iri, new Lifecycle.Change(status, reason, comment, client.system(), null, writes.now()), null));
            return new Outcome(meta.version() + 1, true, codes.code(status));
        });
    }
}
