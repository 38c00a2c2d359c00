package be.kohub.validation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.apache.jena.graph.Graph;

import be.kohub.Resources;
import be.kohub.Errors.ProblemType;
import be.kohub.access.Action;
import be.kohub.http.Problems;
import be.kohub.ingest.DocumentReader;
import be.kohub.ingest.DocumentType;
import be.kohub.ingest.IngestPipeline;
import be.kohub.openapi.ApiDescription;
import be.kohub.openapi.Media;

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

    /** The API contract of these routes (GET /openapi.json), next to their registrations. */
    public static void describe(ApiDescription api) {
        api.post("/validatie", "Validate a document without storing it").tag("Validatie")
                .description("A dry run of the write path: the document is parsed (no remote contexts), its type recognised and "
                        + "checked against the hub's SHACL shapes. The answer is always 200 for a readable document; "
                        + "`conforms` says whether it would be accepted, `documentType` which type it was read as (null: none, "
                        + "which never conforms). Each problem names focus node, path, value, message, shape and constraint "
                        + "component. Nothing is stored. The page GET /validatie and `kohub validate` use it; docs/conformiteit.md.")
                .body(Media.jsonLd("JsonLdDocument").example(api.examples().sample("locaties/gent-kdv-de-knuffelboom.jsonld"))
                                .example(api.examples().sample("conformiteit/locatie/ongeldig/postcode-drie-cijfers.jsonld"))
                                .example(api.examples().sample("familieverhaal/03-aanvraag-gent.jsonld")),
                        Media.text(Media.TURTLE))
                .answer(200, "The validation result: the readable list of problems and the W3C SHACL report",
                        Media.json("ValidationResult").example(api.examples().file("validatie-conform.json"))
                                .example(api.examples().file("validatie-schending.json")))
                .problems(ProblemType.ONGELDIGE_JSON, ProblemType.ONGELDIGE_JSONLD, ProblemType.ONGELDIGE_RDF,
                        ProblemType.ONBEKENDE_CONTEXT, ProblemType.TE_DIEP, ProblemType.TE_GROOT,
                        ProblemType.MEDIATYPE, ProblemType.DOCUMENTSTRUCTUUR);
        api.get("/validatie", "The validation page: paste or upload a document, read the problems next to it").tag("Validatie")
                .description("HTML with its own script and style sheet (no inline script, Content-Security-Policy default-src 'self'); "
                        + "it posts to POST /validatie.")
                .answer(200, "HTML", Media.text("text/html"));
        api.get("/validatie/validatie.js", "The validation page's script").tag("Validatie")
                .answer(200, "JavaScript", Media.text("text/javascript"));
        api.get("/validatie/validatie.css", "The validation page's style sheet").tag("Validatie")
                .answer(200, "CSS", Media.text("text/css"));
    }

    public void register(RoutesConfig routes) {
        ASSETS.forEach((path, resource) -> {
            byte[] body = Resources.bytes(resource);
            String type = TYPES.get(resource.substring(resource.lastIndexOf('.') + 1));
            routes.get(path, ctx -> asset(ctx, body, type), Action.VALIDEREN);
        });
        routes.post("/validatie", this::validate, Action.VALIDEREN);
    }

    /** {@code POST /validatie}: a dry run; answers the report, stores nothing. Unreadable input is problem+json. */
    private void validate(Context ctx) {
        DocumentReader.Format format = DocumentReader.Format.of(ctx.contentType());
        Graph document = reader.readOne(ctx.bodyAsBytes(), format);
        ObjectNode answer = answer(pipeline.validate(document, types.get()));
        ctx.contentType("application/json").result(answer.toPrettyString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The answer of {@code POST /validatie} (and of {@code kohub validate --json}): whether the
     * document conforms, its type, the readable problems and the W3C SHACL report as JSON-LD.
     */
    public static ObjectNode answer(IngestPipeline.DryRun dryRun) {
        ValidationReport report = dryRun.report();
        Optional<DocumentType> type = dryRun.type();
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
}
