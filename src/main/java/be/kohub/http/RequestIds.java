package be.kohub.http;

import java.util.UUID;
import java.util.regex.Pattern;

import io.javalin.http.Context;
import org.slf4j.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a sane token (so that a
 * load balancer's or vendor's id can be followed through the hub), else a new UUID. The id is
 * echoed in the answer's header, put in the logging MDC so that every log line of the request
 * carries it, and written into every problem+json answer ({@link Problems}).
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    /** The MDC key, and the field name in the JSON log lines and in problem+json. */
    public static final String KEY = "requestId";
    private static final String ATTRIBUTE = "kohub.requestId";
    /** Letters, digits and a few separators, as load balancers and tracing headers use; nothing a log reader could trip over. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@/+=-]{0,127}");

    private RequestIds() {}

    /** Runs first for every request, matched or not. */
    public static void assign(Context ctx) {
        String offered = ctx.header(HEADER);
        String id = offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        MDC.put(KEY, id);
    }

    /** The id of the current request (null outside one). */
    public static String of(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }

    /** Forgets the id once the request is done, so that a pooled thread does not lend it to other work. */
    public static void release() {
        MDC.remove(KEY);
    }
}
