package be.kohub.codes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.apache.jena.graph.Graph;

import be.kohub.access.Action;
import be.kohub.access.Authenticator;
import be.kohub.audit.AuditLog;
import be.kohub.http.JsonLdFramer;
import be.kohub.http.Params;
import be.kohub.http.RdfOutput;
import be.kohub.ingest.DocumentReader;
import be.kohub.store.Store;
import be.kohub.Errors.ProblemType;
import be.kohub.openapi.ApiDescription;
import be.kohub.openapi.Media;
import be.kohub.openapi.OperationDoc;
import be.kohub.openapi.Examples;

/** HTTP API of unique child codes: {@code /kindcodes}. */
public final class ChildCodeRoutes {
    private final ChildCodes children;
    private final Store store;
    private final DocumentReader reader;
    private final JsonLdFramer framer;
    private final RdfOutput output;

    private final AuditLog audit;

    public ChildCodeRoutes(ChildCodes children, AuditLog audit, Store store, DocumentReader reader, JsonLdFramer framer, RdfOutput output) {
        this.children = children;
        this.audit = audit;
        this.store = store;
        this.reader = reader;
        this.framer = framer;
        this.output = output;
    }

    public void register(RoutesConfig routes) {
        routes.post("/kindcodes", this::issue, Action.KINDCODE_AANVRAGEN);
        routes.get("/kindcodes/{code}", this::get, Action.KINDCODE_LEZEN);
        routes.post("/kindcodes/{code}/geboorte", this::birth, Action.KINDCODE_AANVRAGEN);
    }

    /** The API contract of these routes (GET /openapi.json), next to their registrations. */
    public void describe(ApiDescription api) {
        var ex = api.examples();
        String code = "The child code, `KC` and 12 digits";
        api.post("/kindcodes", "Get the child code of a (future) child").tag("Kindcodes")
                .description("Plain JSON: a parent's national register number (`insz`) and their relation, with an expected birth date "
                        + "and proof, or a birth date. The same parent and a birth date within the window give the same code: "
                        + "201 for a new code, 200 for the known one. The number is kept only as a keyed hash (docs/requests.md).")
                .body(Media.json("KindcodeAanvraag").example(ex.sample("familieverhaal/01-kindcode-ongeboren.json"))
                        .example(ex.sample("familieverhaal/02-kindcode-opnieuw-in-hasselt.json")))
                .answer(201, "A new child code", Media.json("KindcodeGeschreven").example(ex.file("kindcode-nieuw.json")))
                .answerHeader("Location", "`/kindcodes/{code}`").answerHeader("ETag", "The child's version")
                .answer(200, "The code already known for this child", Media.json("KindcodeGeschreven"))
                .problems(OperationDoc.COMMAND_PROBLEMS).problems(ProblemType.MEDIATYPE);
        api.get("/kindcodes/{code}", "Read a child, without personal data").tag("Kindcodes")
                .path("code", code, OperationDoc.CHILD_CODE_PATTERN, Examples.CHILD_CODE)
                .answer(200, "The child: code, (expected) birth date, municipality", Media.jsonLd("JsonLdDocument"),
                        Media.text(Media.TURTLE), Media.text(Media.N_TRIPLES))
                .problems(ProblemType.NIET_GEVONDEN, ProblemType.ONGELDIGE_KINDCODE, ProblemType.NIET_AANVAARDBAAR);
        api.post("/kindcodes/{code}/geboorte", "Record a child's birth").tag("Kindcodes")
                .path("code", code, OperationDoc.CHILD_CODE_PATTERN, Examples.CHILD_CODE)
                .body(Media.json("Geboorte").example(ex.sample("familieverhaal/07-geboorte.json")))
                .answer(200, "Recorded (again: unchanged)", Media.json("KindcodeGeschreven"))
                .problems(OperationDoc.COMMAND_PROBLEMS)
                .problems(ProblemType.MEDIATYPE, ProblemType.NIET_GEVONDEN, ProblemType.ONGELDIGE_KINDCODE, ProblemType.CONFLICT);
    }

    private void issue(Context ctx) {
        ChildCodes.Issued issued = children.issue(Authenticator.client(ctx), reader.readCommand(ctx.bodyAsBytes()));
        audit.record(ctx, AuditLog.Handeling.GESCHREVEN, java.util.List.of(issued.iri()));
        answer(ctx, issued, issued.created() ? 201 : 200);
    }

    private void birth(Context ctx) {
        KindCode code = KindCode.parse(ctx.pathParam("code"));
        ChildCodes.Issued issued = children.birth(Authenticator.client(ctx), code, reader.readCommand(ctx.bodyAsBytes()));
        audit.record(ctx, AuditLog.Handeling.GESCHREVEN, java.util.List.of(issued.iri()));
        answer(ctx, issued, 200);
    }

    /** The child without personal data: code, (expected) birth date, municipality of residence. */
    private void get(Context ctx) {
        KindCode code = KindCode.parse(ctx.pathParam("code"));
        RdfOutput.negotiate(ctx);
        Graph child = store.read(tx -> tx.graph(children.found(tx, code)));
        output.send(ctx, child, framer, false);
    }

    private static void answer(Context ctx, ChildCodes.Issued issued, int status) {
        var details = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        details.put("kindcode", issued.code().value());
        details.put("nieuw", issued.created());
        Params.written(ctx, status, "/kindcodes/" + issued.code().value(), issued.iri(), issued.version(), details);
    }
}
