package be.kohub.webhooks;

import java.time.Clock;

import io.javalin.config.RoutesConfig;

import be.kohub.access.ApiKeys;
import be.kohub.ingest.DocumentReader;
import be.kohub.model.CodeLists;
import be.kohub.store.Store;
import be.kohub.store.WriteQueue;
import be.kohub.openapi.ApiDescription;
import be.kohub.openapi.Media;
import be.kohub.openapi.OperationDoc;

/**
 * Webhooks assembled (docs/webhooks.md): the outbox hook on every write transaction, the routes
 * of {@code /abonnementen}, and the worker that delivers. Made when the hub is built (so the
 * outbox sees every write from the first), delivering from {@link #start()}, stopped by {@link #close()}.
 */
public final class Webhooks implements AutoCloseable {
    private final DeliveryWorker worker;
    private final WebhookRoutes routes;

    public Webhooks(Store store, WriteQueue writes, CodeLists codes, DocumentReader reader, ApiKeys fileKeys, WebhookSettings settings) {
        // The outbox's own times (next attempt, age) are real time: retrying is about the receiver's clock, not the hub's.
        Clock clock = Clock.systemUTC();
        Destinations destinations = new Destinations(settings.allowPrivateNetworks());
        EventTypes types = new EventTypes(codes);
        this.worker = new DeliveryWorker(store, writes, destinations, settings, clock);
        writes.onCommit(new Outbox(types, new Owners(fileKeys), codes, clock, worker::wake));
        this.routes = new WebhookRoutes(new Subscriptions(store, writes, clock, worker::wake), types, destinations, reader, codes);
    }

    public void register(RoutesConfig config) {
        routes.register(config);
    }

    /** The API contract of the webhook routes (GET /openapi.json). */
    public void describe(ApiDescription api) {
        routes.describe(api);
    }

    /** Starts delivering, first whatever an earlier run left pending. */
    public void start() {
        worker.start();
    }

    @Override
    public void close() {
        worker.close();
    }
}
