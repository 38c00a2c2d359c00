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
