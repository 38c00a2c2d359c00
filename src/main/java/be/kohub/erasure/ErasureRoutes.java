package be.kohub.erasure;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.apache.jena.graph.Node;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import be.kohub.access.Action;
import be.kohub.access.Authenticator;
import be.kohub.audit.AuditLog;
import be.kohub.codes.KindCode;
import be.kohub.http.Params;
import be.kohub.openapi.ApiDescription;
import be.kohub.openapi.Media;
import be.kohub.openapi.OperationDoc;

/** HTTP API of erasure and retention: {@code DELETE /kinderen/{code}} and {@code POST /beheer/bewaartermijn} (beheer only). */
public final class ErasureRoutes {
    private final ChildErasure erasure;
    private final RetentionJob retention;
    private final AuditLog audit;

    public ErasureRoutes(ChildErasure erasure, RetentionJob retention, AuditLog audit) {
        this.erasure = erasure;
        this.retention = retention;
        this.audit = audit;
    }

    public void register(RoutesConfig routes) {
        routes.delete("/kinderen/{code}", this::erase, Action.KIND_WISSEN);
        routes.post("/beheer/bewaartermijn", this::applyRetention, Action.BEWAARTERMIJN_TOEPASSEN);
    }

    /** The API contract of these routes (GET /openapi.json), next to their registrations. */
    public void describe(ApiDescription api) {
        api.delete("/kinderen/{code}", "Erase a child (GDPR art. 17)").tag("Beheer")
                .description("Removes the child's personal data from its requests and assignments; what remains and why: docs/erasure.md.")
                .path("code", "The child code", OperationDoc.CHILD_CODE_PATTERN, be.kohub.openapi.Examples.CHILD_CODE)
                .answer(200, "The pseudonym and the documents changed", Media.json("Gewist"))
                .problems(ProblemType.NIET_GEVONDEN, ProblemType.ONGELDIGE_KINDCODE);
        api.post("/beheer/bewaartermijn", "Run the retention job now").tag("Beheer")
                .answer(200, "The retention period, the cut-off and the documents purged", Media.json("Bewaartermijn"))
                .problems(ProblemType.CONFLICT);
    }

    /** Answers what was pseudonymised; the code is not repeated, the caller knows it. */
    private void erase(Context ctx) {
        KindCode code = KindCode.parse(ctx.pathParam("code"));
        ChildErasure.Erased erased = erasure.erase(Authenticator.client(ctx), code);
        List<Node> touched = new java.util.ArrayList<>(List.of(erased.pseudonym()));
        touched.addAll(erased.requests());
        touched.addAll(erased.assignments());
        audit.record(ctx, AuditLog.Handeling.GEWIST, touched);
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("pseudoniem", erased.pseudonym().getURI());
        iris(answer.putArray("aanvragen"), erased.requests());
        iris(answer.putArray("toewijzingen"), erased.assignments());
        Params.json(ctx, 200, answer);
    }

    private void applyRetention(Context ctx) {
        if (!retention.enabled())
            throw new Rejected(ProblemType.CONFLICT, "De bewaartermijn staat uit: persoonsgegevens worden niet automatisch verwijderd.",
                    "Retention is off: personal data is not removed automatically.");
        RetentionJob.Purged purged = retention.run(Authenticator.client(ctx).system());
        audit.record(ctx, AuditLog.Handeling.GEWIST, purged.documents());
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        Duration period = retention.period();
        answer.put("bewaartermijn", period.toSeconds() % 86_400 == 0 ? "P" + period.toDays() + "D" : period.toString());
        answer.put("geslotenUiterlijk", purged.closedBy().toString());
        iris(answer.putArray("verwijderd"), purged.documents());
        Params.json(ctx, 200, answer);
    }

    private static void iris(ArrayNode into, List<Node> iris) {
        iris.forEach(n -> into.add(n.getURI()));
    }
}
