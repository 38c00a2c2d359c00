package be.kohub.http;

import java.nio.charset.StandardCharsets;
import java.io.StringWriter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import be.kohub.validation.Problem;
import be.kohub.validation.ValidationReport;

/** Turns every refusal into an RFC 9457 problem+json answer, in one place. */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    public static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {}

    public static void send(Context ctx, Rejected rejected) {
        ObjectNode body = body(rejected, ctx.path());
        withRequestId(ctx, body);
        ctx.status(rejected.type.status).contentType(MEDIA_TYPE).result(body.toPrettyString().getBytes(StandardCharsets.UTF_8));
    }

    public static void sendUnexpected(Context ctx, Exception e) {
        LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "about:blank");
        body.put("title", "Interne fout / Internal error");
        body.put("status", 500);
        body.put("instance", ctx.path());
        withRequestId(ctx, body);
        ctx.status(500).contentType(MEDIA_TYPE).result(body.toPrettyString().getBytes(StandardCharsets.UTF_8));
    }

    public static ObjectNode body(Rejected rejected, String instance) {
        ProblemType type = rejected.type;
        ObjectNode body = JSON.createObjectNode();
        body.put("type", type.uri());
        body.put("title", type.titleNl + " / " + type.titleEn);
        body.put("status", type.status);
        if (!rejected.report.problems().isEmpty())
            body.put("detail", rejected.report.problems().get(0).messageNl());
        body.put("instance", instance);
        body.set("problems", problems(rejected.report));
        if (rejected.report.shaclReport() != null)
            body.set("validationReport", validationReport(rejected.report));
        return body;
    }

    /** The request's id (RequestIds), also in the X-Request-Id header and on the request's log lines: what to quote to the operators. */
    private static void withRequestId(Context ctx, ObjectNode body) {
        String id = RequestIds.of(ctx);
        if (id != null)
            body.put(RequestIds.KEY, id);
    }

    /** The readable list: one entry per problem. */
    public static ArrayNode problems(ValidationReport report) {
        ArrayNode list = JSON.createArrayNode();
        for (Problem p : report.problems()) {
            ObjectNode entry = list.addObject();
            putIfSet(entry, "focusNode", p.focusNode());
            putIfSet(entry, "path", p.path());
            putIfSet(entry, "field", p.field());
            putIfSet(entry, "value", p.value());
            ObjectNode message = entry.putObject("message");
            message.put("nl", p.messageNl());
            message.put("en", p.messageEn());
            putIfSet(entry, "shape", p.shape());
            putIfSet(entry, "constraint", p.constraint());
            entry.put("severity", p.severity());
        }
        return list;
    }

    /** The W3C SHACL validation report, as JSON-LD. */
    public static com.fasterxml.jackson.databind.JsonNode validationReport(ValidationReport report) {
        StringWriter out = new StringWriter();
        RDFDataMgr.write(out, report.shaclReport(), RDFFormat.JSONLD11_PRETTY);
        try {
            return JSON.readTree(out.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null)
            node.put(field, value);
    }
}
