package be.kohub.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.apache.jena.graph.Node;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;

/** Query parameters, cursor paging and JSON answers, the same way on every route. */
public final class Params {
    private Params() {}

    /** The parameter if it matches {@code pattern}, null if absent, else a 400. */
    public static String param(Context ctx, String name, Pattern pattern) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank())
            return null;
        if (!pattern.matcher(value).matches())
            throw badParam(name, value);
        return value;
    }

    public static int intParam(Context ctx, String name, int dflt, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null)
            return dflt;
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max)
                throw badParam(name, value);
            return n;
        } catch (NumberFormatException e) {
            throw badParam(name, value);
        }
    }

    /** The position a {@code cursor} parameter stands for (exclusive), or null for the first page. */
    public static String cursor(Context ctx) {
        String cursor = ctx.queryParam("cursor");
        if (cursor == null || cursor.isBlank())
            return null;
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw badParam("cursor", cursor);
        }
    }

    /** Sets {@code Link: <…&cursor=…>; rel="next"} when the page query found one more row than {@code limit}. */
    public static void nextLink(Context ctx, List<Node> rows, int limit) {
        if (rows.size() <= limit)
            return;
        String next = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(rows.get(limit - 1).getURI().getBytes(StandardCharsets.UTF_8));
        String query = ctx.queryString() == null ? "" : ctx.queryString().replaceAll("(^|&)cursor=[^&]*", "");
        ctx.header("Link", "<" + ctx.path() + "?" + (query.isEmpty() ? "" : query.replaceFirst("^&", "") + "&") + "cursor=" + next + ">; rel=\"next\"");
    }

    public static Rejected badParam(String name, String value) {
        return new Rejected(ProblemType.ONGELDIGE_PARAMETER,
                "Ongeldige waarde voor " + name + ": '" + value + "'.", "Invalid value for " + name + ": '" + value + "'.");
    }

    /** The answer to a write: id, version and ETag (also as headers), plus what the write reports. */
    public static void written(Context ctx, int status, String location, Node iri, long version, com.fasterxml.jackson.databind.node.ObjectNode details) {
        com.fasterxml.jackson.databind.node.ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        body.put("id", iri.getURI());
        body.put("versie", version);
        body.put("etag", be.kohub.ingest.DocumentMeta.etag(version));
        if (details != null)
            body.setAll(details);
        if (location != null)
            ctx.header("Location", location);
        ctx.header("ETag", be.kohub.ingest.DocumentMeta.etag(version));
        json(ctx, status, body);
    }

    public static void json(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType("application/json").result(body.toPrettyString().getBytes(StandardCharsets.UTF_8));
    }
}
