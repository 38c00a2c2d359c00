package be.kohub.spec;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import be.kohub.access.Action;

/**
 * {@code GET /specificatie} and {@code GET /specificatie/{documenttype}}: the generated
 * specification pages, public like the model they describe.
 */
public final class SpecRoutes {
    private final SpecificationPages pages;

    public SpecRoutes(SpecificationPages pages) {
        this.pages = pages;
    }

    public void describe(be.kohub.openapi.ApiDescription api) {
        api.get("/specificatie", "Index of the generated specification pages").tag("Model")
                .description("One page per document type, generated from ontology/ and shapes/ at start; docs/specificatie.md.")
                .answer(200, "HTML", be.kohub.openapi.Media.text("text/html"));
        api.get("/specificatie/{documenttype}", "The generated specification page of one document type").tag("Model")
                .path("documenttype", "locatie, aanvraag or toewijzing", "[a-z]+", "locatie")
                .answer(200, "HTML: classes, properties, cardinalities, code lists, OSLO alignment, diagram, example", be.kohub.openapi.Media.text("text/html"))
                .problems(be.kohub.Errors.ProblemType.NIET_GEVONDEN);
    }

    public void register(RoutesConfig routes) {
        routes.get("/specificatie", ctx -> send(ctx, pages.index()), Action.MODEL_LEZEN);
        routes.get("/specificatie/{documenttype}", this::page, Action.MODEL_LEZEN);
    }

    private void page(Context ctx) {
        String type = ctx.pathParam("documenttype");
        byte[] page = pages.page(type).orElseThrow(() -> new Rejected(ProblemType.NIET_GEVONDEN,
                "Geen documenttype '" + type + "'; wel: " + String.join(", ", pages.documentTypes()) + ".",
                "No document type '" + type + "'; there are: " + String.join(", ", pages.documentTypes()) + "."));
        send(ctx, page);
    }

    private void send(Context ctx, byte[] html) {
        ctx.header("Content-Security-Policy", pages.contentSecurityPolicy());
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.contentType("text/html; charset=utf-8").result(html);
    }
}
