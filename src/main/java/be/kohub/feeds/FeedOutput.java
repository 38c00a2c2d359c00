package be.kohub.feeds;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

import io.javalin.http.Context;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;

import be.kohub.http.RdfOutput;

/**
 * Answers a feed resource: the format the client asks for (JSON-LD, TriG or N-Quads: members
 * carry named graphs, so triple-only formats are not offered), an {@code ETag} over the bytes,
 * {@code 304} for a matching {@code If-None-Match}, and caching: a page that will never change
 * is {@code immutable} for a year, anything else may be kept {@code maxAge} seconds.
 */
final class FeedOutput {
    static final String JSONLD = "application/ld+json";
    static final String TRIG = "application/trig";
    static final String NQUADS = "application/n-quads";
    private static final long YEAR = 365L * 24 * 3600;

    private final long maxAge;

    FeedOutput(long maxAgeSeconds) {
        this.maxAge = maxAgeSeconds;
    }

    void send(Context ctx, DatasetGraph data, boolean immutable, boolean personal) {
        String format = negotiate(ctx);
        byte[] body = write(data, format);
        String etag = "\"" + digest(body) + "\"";
        ctx.header("Vary", personal ? "Accept, Authorization, X-API-Key" : "Accept");
        ctx.header("Cache-Control", (personal ? "private" : "public") + ", max-age=" + (immutable ? YEAR + ", immutable" : Long.toString(maxAge)));
        ctx.header("ETag", etag);
        String match = ctx.header("If-None-Match");
        if (match != null && List.of(match.split(",")).stream().map(String::trim).anyMatch(m -> m.equals(etag) || m.equals("W/" + etag))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(format.equals(JSONLD) ? JSONLD : format + "; charset=utf-8").result(body);
    }

    /** JSON-LD, TriG or N-Quads: members carry a named graph, so triple-only formats are not offered (406). */
    static String negotiate(Context ctx) {
        return RdfOutput.choose(ctx, List.of(JSONLD, TRIG, NQUADS));
    }

    private static byte[] write(DatasetGraph data, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, data, switch (format) {
            case TRIG -> RDFFormat.TRIG_BLOCKS;
            case NQUADS -> RDFFormat.NQUADS;
            default -> RDFFormat.JSONLD11;
        });
        return out.toByteArray();
    }

    private static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
