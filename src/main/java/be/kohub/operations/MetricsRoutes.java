package be.kohub.operations;

import java.nio.charset.StandardCharsets;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import be.kohub.access.Action;

/** {@code GET /metrics}: the hub's metrics for Prometheus, to a scraper with role monitoring or to beheer. */
public final class MetricsRoutes {
    private final HubMetrics metrics;

    public MetricsRoutes(HubMetrics metrics) {
        this.metrics = metrics;
    }

    public void register(RoutesConfig routes) {
        routes.get("/metrics", this::scrape, Action.METRIEKEN_LEZEN);
    }

    private void scrape(Context ctx) {
        String accept = ctx.header("Accept");
        ctx.header("Cache-Control", "no-store").contentType(HubMetrics.contentType(accept))
                .result(metrics.scrape(accept).getBytes(StandardCharsets.UTF_8));
    }
}
