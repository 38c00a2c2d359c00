package be.kohub.conformance;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import be.kohub.access.Action;
import be.kohub.openapi.ApiDescription;
import be.kohub.openapi.Media;

/** {@code GET /conformiteit.zip}: the conformance pack for vendors (docs/conformiteit.md); public, like validation. */
public final class ConformanceRoutes {
    private final ConformancePack pack;

    public ConformanceRoutes(ConformancePack pack) {
        this.pack = pack;
    }

    /** The API contract of this route (GET /openapi.json), next to its registration. */
    public void describe(ApiDescription api) {
        api.get("/conformiteit.zip", "The conformance pack: valid and invalid example documents with the violations expected").tag("Validatie")
                .description("sample-data/conformiteit/ as one archive, with a manifest per document type; docs/conformiteit.md.")
                .answer(200, "The archive", Media.text("application/zip")).answerHeader("ETag", "The pack's version")
                .answer(304, "Not modified (If-None-Match)");
    }

    public void register(RoutesConfig routes) {
        routes.get("/conformiteit.zip", this::download, Action.VALIDEREN);
    }

    private void download(Context ctx) {
        ctx.header("ETag", pack.etag());
        ctx.header("Cache-Control", "no-cache");
        if (pack.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.header("Content-Disposition", "attachment; filename=\"kohub-conformiteit.zip\"");
        ctx.contentType("application/zip").result(pack.zip());
    }
}
