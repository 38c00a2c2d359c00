package be.kohub.operations;

import java.util.Set;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

import be.kohub.access.Authenticator;
import be.kohub.http.RequestIds;

/**
 * Runs once every request is answered: one log line (logger {@code kohub.http}) and the request's
 * count and latency in the metrics. Both name the route template ({@code /aanvragen/{id}}), never
 * the path: paths carry ids and child codes, which belong in neither.
 */
public final class RequestLog implements RequestLogger {
    private static final Logger LOG = LoggerFactory.getLogger("kohub.http");
    /** Probes and scrapes come every few seconds: logged at debug level only. */
    private static final Set<String> QUIET = Set.of("/health", "/ready", "/metrics");
    private final HubMetrics metrics;

    public RequestLog(HubMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(Context ctx, Float millis) {
        String route = route(ctx);
        int status = ctx.statusCode();
        String method = ctx.method().name();
        metrics.request(method, route, status, (long) (millis * 1_000_000));
        // An asynchronous answer may end on another thread than it began: the id is set again here.
        String id = RequestIds.of(ctx);
        if (id != null)
            MDC.put(RequestIds.KEY, id);
        try {
            Level level = status >= 500 ? Level.WARN : QUIET.contains(route) ? Level.DEBUG : Level.INFO;
            LOG.atLevel(level).setMessage("{} {} {}")
                    .addArgument(method).addArgument(route).addArgument(status)
                    .addKeyValue("method", method).addKeyValue("route", route).addKeyValue("status", status)
                    .addKeyValue("durationMs", Math.round(millis * 10) / 10.0)
                    .addKeyValue("client", Authenticator.client(ctx).name())
                    .log();
        } finally {
            RequestIds.release();
        }
    }

    /** The matched route's template, or "unmatched" (a 404 for a path no route knows). */
    static String route(Context ctx) {
        try {
            Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }
}
