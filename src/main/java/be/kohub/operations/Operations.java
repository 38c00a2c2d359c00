package be.kohub.operations;

import java.time.Duration;
import java.util.function.Supplier;

import io.javalin.config.JavalinConfig;

import be.kohub.http.RequestIds;
import be.kohub.ingest.IngestOutcomes;
import be.kohub.store.Store;
import be.kohub.store.Tdb2Store;

/**
 * What operators need of a running hub, in one place (docs/operations.md): request ids and JSON
 * request logs, metrics (the store timed, ingest outcomes, requests per route), health and
 * readiness, and backups of the embedded store.
 */
public final class Operations {
    private final HubMetrics metrics = new HubMetrics();
    private final TimedStore store;
    private final HealthRoutes health;
    private final MetricsRoutes metricsRoutes;
    private final BackupRoutes backup;

    public Operations(Store store, Duration readyTimeout) {
        this.store = new TimedStore(store, metrics);
        this.health = new HealthRoutes(this.store, readyTimeout);
        this.metricsRoutes = new MetricsRoutes(metrics);
        this.backup = new BackupRoutes(store instanceof Tdb2Store embedded ? embedded : null);
    }

    /** The store the hub should use: the given one, timed. */
    public Store store() {
        return store;
    }

    /** Where the ingestion pipeline reports what became of each document. */
    public IngestOutcomes ingestOutcomes() {
        return metrics;
    }

    /** Exposes the writer's backlog as a gauge. */
    public void watchWriteQueue(Supplier<Number> pending) {
        metrics.writeQueue(pending);
    }

    /** Request ids, the request log line and the request metrics, for every request; then the routes. */
    public void configure(JavalinConfig config) {
        config.routes.before(RequestIds::assign);
        config.requestLogger.http(new RequestLog(metrics));
        health.register(config.routes);
        metricsRoutes.register(config.routes);
        backup.register(config.routes);
    }

    /** The operations routes in the API contract (GET /openapi.json). */
    public void describe(be.kohub.openapi.ApiDescription api) {
        api.get("/health", "Liveness: the process answers (the store is not asked)").tag("Beheer")
                .answer(200, "Up", be.kohub.openapi.Media.json("Gezondheid"));
        api.get("/ready", "Readiness for a load balancer: the store answered a query within the timeout").tag("Beheer")
                .answer(200, "Ready", be.kohub.openapi.Media.json("Gezondheid"))
                .problems(be.kohub.Errors.ProblemType.NIET_GEREED);
        api.get("/metrics", "Metrics in Prometheus text format (role monitoring or beheer); docs/operations.md").tag("Beheer")
                .answer(200, "Prometheus text exposition", be.kohub.openapi.Media.text("text/plain"));
        api.post("/beheer/backup", "A consistent backup of the embedded store as gzip N-Quads, taken while the hub serves").tag("Beheer")
                .answer(200, "gzip N-Quads", be.kohub.openapi.Media.text("application/gzip"))
                .problems(be.kohub.Errors.ProblemType.CONFLICT);
    }

    public void close() {
        health.close();
    }
}
