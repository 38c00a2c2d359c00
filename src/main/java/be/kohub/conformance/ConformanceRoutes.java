package be.kohub.conformance;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import be.kohub.access.Action;

/** {@code GET /conformiteit.zip}: the conformance pack for vendors (docs/conformiteit.md); public, like validation. */
public final class ConformanceRoutes {
    private final ConformancePack pack;

    public ConformanceRoutes(ConformancePack pack) {
        this.pack = pack;
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
