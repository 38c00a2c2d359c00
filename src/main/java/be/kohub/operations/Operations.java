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

    public void close() {
        health.close();
    }
}
