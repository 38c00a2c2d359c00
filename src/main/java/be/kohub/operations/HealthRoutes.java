package be.kohub.operations;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import io.javalin.http.Context;
import io.javalin.config.RoutesConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import be.kohub.access.Action;
import be.kohub.store.Queries;
import be.kohub.store.Store;
import be.kohub.vocab.KO;

/**
 * For load balancers and orchestrators: {@code GET /health} says the process answers (it does not
 * touch the store, so a slow store does not get a healthy process restarted); {@code GET /ready}
 * runs a real query on the store within a short timeout and answers 503 problem+json when the
 * store fails or is too slow, so that traffic goes to other instances. Public; no data in either.
 */
public final class HealthRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(HealthRoutes.class);
    private final Store store;
    private final Duration timeout;
    /** At most one check at a time: a hung store must not collect a thread per probe. */
    private final AtomicReference<CompletableFuture<Boolean>> running = new AtomicReference<>();
    private final ExecutorService checker = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kohub-ready-check");
        t.setDaemon(true);
        return t;
    });

    public HealthRoutes(Store store, Duration timeout) {
        this.store = store;
        this.timeout = timeout;
    }

    public void register(RoutesConfig routes) {
        routes.get("/health", this::health, Action.GEZONDHEID_LEZEN);
        routes.get("/ready", this::ready, Action.GEZONDHEID_LEZEN);
    }

    private void health(Context ctx) {
        answer(ctx, "UP");
    }

    private void ready(Context ctx) {
        String failure;
        try {
            if (check().get(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                answer(ctx, "READY");
                return;
            }
            failure = "the model graph is missing from the store";
        } catch (TimeoutException e) {
            failure = "the store did not answer within " + timeout.toMillis() + " ms";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        } catch (java.util.concurrent.ExecutionException e) {
            failure = "the store failed: " + e.getCause();
        }
        LOG.warn("not ready: {}", failure);
        throw new Rejected(ProblemType.NIET_GEREED, "De opslag antwoordt niet zoals verwacht; zie de logboeken van de hub.",
                "The store does not answer as expected; see the hub's logs.");
    }

    private CompletableFuture<Boolean> check() {
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> current = running.updateAndGet(c -> c == null || c.isDone() ? mine : c);
        if (current == mine) {
            checker.execute(() -> {
                try {
                    mine.complete(store.read(tx -> tx.ask(Queries.bind("operations/ready.rq", Map.of("model", KO.MODEL_GRAPH)))));
                } catch (Throwable e) {
                    mine.completeExceptionally(e);
                }
            });
        }
        return current;
    }

    private static void answer(Context ctx, String status) {
        ctx.header("Cache-Control", "no-store").contentType("application/json")
                .result(("{\"status\": \"" + status + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    public void close() {
        checker.shutdownNow();
    }
}
