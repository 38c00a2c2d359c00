package be.kohub.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.apache.jena.graph.Graph;

import be.kohub.access.Action;
import be.kohub.http.Problems;
import be.kohub.ingest.DocumentReader;
import be.kohub.ingest.DocumentType;
import be.kohub.ingest.IngestPipeline;

/**
 * Validation for vendors: {@code POST /validatie} validates a document as the write endpoints
 * would (the same reader, limits and shapes) and stores nothing; {@code GET /validatie} is the
 * page on which a vendor pastes or uploads a document and reads the result next to it (HTML,
 * CSS and script from {@code src/main/resources/web/validatie/}).
 */
public final class ValidationRoutes {
    private static final Map<String, String> ASSETS = Map.of(
            "/validatie", "/web/validatie/index.html",
            "/validatie/validatie.js", "/web/validatie/validatie.js",
            "/validatie/validatie.css", "/web/validatie/validatie.css");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");

    private final DocumentReader reader;
    private final IngestPipeline pipeline;
    private final Supplier<List<DocumentType>> types;

    public ValidationRoutes(DocumentReader reader, IngestPipeline pipeline, Supplier<List<DocumentType>> types) {
        this.reader = reader;
        this.pipeline = pipeline;
        this.types = types;
    }

    public void register(RoutesConfig routes) {
        ASSETS.forEach((path, resource) -> {
            byte[] body = read(resource);
            String type = TYPES.get(resource.substring(resource.lastIndexOf('.') + 1));
            routes.get(path, ctx -> asset(ctx, body, type), Action.VALIDEREN);
        });
        routes.post("/validatie", this::validate, Action.VALIDEREN);
    }

    /** {@code POST /validatie}: a dry run; answers the report, stores nothing. Unreadable input is problem+json. */
    private void validate(Context ctx) {
        DocumentReader.Format format = DocumentReader.Format.of(ctx.contentType());
        Graph document = reader.readOne(ctx.bodyAsBytes(), format);
        List<DocumentType> known = types.get();
        ValidationReport report = pipeline.dryRun(document, known);
        ObjectNode answer = answer(report, pipeline.typeOf(document, known));
        ctx.contentType("application/json").result(answer.toPrettyString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The answer of {@code POST /validatie} (and of {@code kohub validate --json}): whether the
     * document conforms, its type, the readable problems and the W3C SHACL report as JSON-LD.
     */
    public static ObjectNode answer(ValidationReport report, Optional<DocumentType> type) {
        ObjectNode answer = Problems.JSON.createObjectNode();
        answer.put("conforms", report.conforms());
        answer.put("documentType", type.map(DocumentType::name).orElse(null));
        answer.set("problems", Problems.problems(report));
        if (report.shaclReport() != null)
            answer.set("validationReport", Problems.validationReport(report));
        return answer;
    }

    private static void asset(Context ctx, byte[] body, String type) {
        ctx.header("Content-Security-Policy", "default-src 'self'; style-src 'self'; form-action 'none'; frame-ancestors 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(type).result(body);
    }

    private static byte[] read(String resource) {
        try (InputStream in = ValidationRoutes.class.getResourceAsStream(resource)) {
            if (in == null)
                throw new IllegalStateException("missing validation page asset " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
