package be.kohub.locations;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.graph.GraphFactory;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import be.kohub.access.Action;
import be.kohub.access.Authenticator;
import be.kohub.http.JsonLdFramer;
import be.kohub.http.Params;
import be.kohub.http.Problems;
import be.kohub.http.RdfOutput;
import be.kohub.http.SchemaOrgContext;
import be.kohub.ingest.DocumentMeta;
import be.kohub.ingest.DocumentReader;
import be.kohub.ingest.DocumentReader.Format;
import be.kohub.ingest.IngestPipeline;
import be.kohub.ingest.IngestPipeline.Checked;
import be.kohub.ingest.IngestPipeline.Target;
import be.kohub.ingest.IngestResult;
import be.kohub.store.Queries;
import be.kohub.store.Store;
import be.kohub.openapi.ApiDescription;
import be.kohub.openapi.Media;
import be.kohub.openapi.OperationDoc;

/** HTTP API of location info sheets: {@code /locaties}. */
public final class LocationRoutes {
    private static final Pattern UUID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private static final Pattern NIS = Pattern.compile("^[0-9]{5}$");
    private static final Pattern CODE = Pattern.compile("^[a-z-]{1,40}$");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Validates the documents of batches side by side (their writes wait in the write queue, not here). */
    private static final java.util.concurrent.ExecutorService BATCH_WORKERS = java.util.concurrent.Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), r -> {
                Thread t = new Thread(r, "kohub-batch");
                t.setDaemon(true);
                return t;
            });

    private final LocationHandler handler = new LocationHandler();
    private final Store store;
    private final IngestPipeline pipeline;
    private final DocumentReader reader;
    private final JsonLdFramer framer;
    private final JsonLdFramer schemaOrg = JsonLdFramer.withFrameContext(new SchemaOrgContext(), "/frames/schemaorg-childcare.json");
    private final RdfOutput output;

    public LocationRoutes(Store store, IngestPipeline pipeline, DocumentReader reader, JsonLdFramer framer, RdfOutput output) {
        this.store = store;
        this.pipeline = pipeline;
        this.reader = reader;
        this.framer = framer;
        this.output = output;
    }

    public LocationHandler handler() {
        return handler;
    }

    public void register(RoutesConfig routes) {
        routes.post("/locaties", this::post, Action.LOCATIE_SCHRIJVEN);
        routes.get("/locaties", this::list, Action.LOCATIE_LEZEN);
        routes.get("/locaties/{id}", this::get, Action.LOCATIE_LEZEN);
        routes.put("/locaties/{id}", this::put, Action.LOCATIE_SCHRIJVEN);
        routes.delete("/locaties/{id}", this::delete, Action.LOCATIE_SCHRIJVEN);
        routes.get("/locaties/{id}/geschiedenis", this::history, Action.LOCATIE_LEZEN);
        routes.get("/locaties/{id}/schemaorg", this::schemaOrg, Action.LOCATIE_LEZEN);
    }

    /** The API contract of these routes (GET /openapi.json), next to their registrations. */
    public void describe(ApiDescription api) {
        var ex = api.examples();
        String id = "The sheet's id: the UUID at the end of its IRI (the `Location` header of the POST)";
        api.post("/locaties", "Post a location sheet (new or known), or a batch of them").tag("Locaties")
                .description("One sheet as JSON-LD or Turtle: validated with SHACL, stored when it conforms. The hub recognises a "
                        + "sheet it knows by the caller's own identifier (`identificator` without `toegekendDoor`, or with the "
                        + "caller's name): posting it again updates it (200) instead of creating another (201), so a retry is safe. "
                        + "A JSON array or `application/x-ndjson` is a batch: each document is stored or refused on its own.")
                .body(Media.jsonLd("LocatieDocument").example(ex.sample("locaties/gent-kdv-de-knuffelboom.jsonld")),
                        Media.text(Media.TURTLE), Media.text("application/x-ndjson"))
                .answer(201, "Stored as a new sheet", Media.json("Geschreven").example(ex.file("locatie-geschreven.json")))
                .answerHeader("Location", "The sheet's path, `/locaties/{id}`").answerHeader("ETag", "The new version, `\"v1\"`")
                .answer(200, "A sheet the hub knew (same caller and identifier) is updated; or the result of a batch",
                        Media.json("GeschrevenOfBatch"))
                .answerHeader("Location", "The sheet's path (single documents)").answerHeader("ETag", "The new version (single documents)")
                .answer(422, "Refused: the SHACL report as readable problems and as W3C SHACL JSON-LD; nothing stored",
                        Media.problem().example(ex.file("probleem-shacl-schending.json")))
                .problems(OperationDoc.DOCUMENT_PROBLEMS).problems(ProblemType.CONFLICT, ProblemType.ONBEKENDE_VERWIJZING);
        api.get("/locaties", "List location sheets, filtered and paged").tag("Locaties")
                .description("Pages in a stable order; the next page is in the `Link` header (`rel=\"next\"`) with an opaque `cursor`.")
                .query("gemeente", "NIS code of the municipality", "^[0-9]{5}$", "44021")
                .query("opvangvorm", "Code of the form of care", "^[a-z-]{1,40}$", "groepsopvang")
                .query("status", "Code of the status of the offer", "^[a-z-]{1,40}$", "actief")
                .query("bbox", "minLon,minLat,maxLon,maxLat (WGS84)", null, "3.6,51.0,3.8,51.1")
                .queryInt("limit", "Sheets per page", 1, 100, 20)
                .query("cursor", "Where the page starts: copy it from the `Link` header", null, null)
                .header("Accept", "application/ld+json (default), text/turtle or application/n-triples", false, "application/ld+json")
                .answer(200, "A page of sheets", Media.jsonLd("JsonLdGraaf"), Media.text(Media.TURTLE), Media.text(Media.N_TRIPLES))
                .answerHeader("Link", "`<…&cursor=…>; rel=\"next\"` when there are more")
                .problems(ProblemType.ONGELDIGE_PARAMETER, ProblemType.NIET_AANVAARDBAAR);
        api.get("/locaties/{id}", "Read a location sheet").tag("Locaties")
                .path("id", id, OperationDoc.UUID_PATTERN, null)
                .header("Accept", "application/ld+json (default), text/turtle or application/n-triples", false, null)
                .header("If-None-Match", "The ETag you have: 304 when it is still the current version", false, "\"v1\"")
                .answer(200, "The sheet, framed with the context `{base}/context/v1.jsonld`", Media.jsonLd("LocatieGelezen"),
                        Media.text(Media.TURTLE), Media.text(Media.N_TRIPLES))
                .answerHeader("ETag", "The version, e.g. `\"v3\"`; send it as If-Match to change the sheet")
                .answerHeader("Link", "The schema.org form: `</locaties/{id}/schemaorg>; rel=\"alternate\"`")
                .answer(304, "Not modified (If-None-Match matched)")
                .problems(ProblemType.NIET_GEVONDEN, ProblemType.NIET_AANVAARDBAAR);
        api.put("/locaties/{id}", "Replace a location sheet at its id").tag("Locaties")
                .description("Needs `If-Match` with the ETag of the version you change: without it 428, with an older one 412.")
                .path("id", id, OperationDoc.UUID_PATTERN, null)
                .header("If-Match", "The ETag of the version you change (`*`: any)", true, "\"v1\"")
                .body(Media.jsonLd("LocatieDocument").example(ex.sample("locaties/gent-kdv-de-knuffelboom.jsonld")), Media.text(Media.TURTLE))
                .answer(200, "Stored as the next version", Media.json("Geschreven"))
                .answerHeader("ETag", "The new version")
                .problems(OperationDoc.DOCUMENT_PROBLEMS)
                .problems(ProblemType.NIET_GEVONDEN, ProblemType.CONFLICT, ProblemType.VERSIE_CONFLICT, ProblemType.VERSIE_VEREIST);
        api.delete("/locaties/{id}", "Withdraw a location sheet").tag("Locaties")
                .description("The sheet gets status `ingetrokken` as a new version; its history is kept. Withdrawing it again changes "
                        + "nothing. `If-Match` is optional; when sent it must match (412).")
                .path("id", id, OperationDoc.UUID_PATTERN, null)
                .header("If-Match", "The ETag of the version you withdraw", false, "\"v2\"")
                .answer(204, "Withdrawn").answerHeader("ETag", "The version after withdrawal")
                .problems(ProblemType.NIET_GEVONDEN, ProblemType.VERSIE_CONFLICT);
        api.get("/locaties/{id}/geschiedenis", "The versions of a location sheet").tag("Locaties")
                .path("id", id, OperationDoc.UUID_PATTERN, null)
                .answer(200, "Every version: number, operation, time, system", Media.json("Geschiedenis"))
                .problems(ProblemType.NIET_GEVONDEN);
        api.get("/locaties/{id}/schemaorg", "A location sheet as schema.org ChildCare (for portals)").tag("Locaties")
                .path("id", id, OperationDoc.UUID_PATTERN, null)
                .header("If-None-Match", "The ETag you have", false, null)
                .answer(200, "JSON-LD with `\"@context\": \"https://schema.org\"`, or Turtle, N-Triples", Media.jsonLd("JsonLdDocument"),
                        Media.text(Media.TURTLE), Media.text(Media.N_TRIPLES))
                .answerHeader("ETag", "`\"v{n}-schemaorg\"`")
                .answer(304, "Not modified")
                .problems(ProblemType.NIET_GEVONDEN, ProblemType.NIET_AANVAARDBAAR);
    }

    private void post(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        Format format = Format.of(ctx.contentType());
        if (reader.isBatch(body, format)) {
            postBatch(ctx, body, format);
            return;
        }
        IngestResult result = pipeline.ingest(Authenticator.client(ctx), handler, reader.readOne(body, format), null);
        written(ctx, result, result.created() ? 201 : 200);
    }

    /**
     * Each document of a batch is stored or refused on its own; the answer lists one result per
     * document, in the order sent. The documents are checked (validated) side by side, then all
     * their writes are handed to the write queue one right after the other, so that it commits
     * them together rather than as each check happens to finish.
     */
    private void postBatch(Context ctx, byte[] body, Format format) {
        var client = Authenticator.client(ctx);
        List<DocumentReader.Item> items = reader.readBatch(body, format);
        List<CompletableFuture<Checked>> checks = items.stream()
                .map(item -> CompletableFuture.supplyAsync(() -> check(client, item), BATCH_WORKERS))
                .toList();
        // every check first: handing the writes over as each check happens to end would split them over several commits
        CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
        List<CompletableFuture<ObjectNode>> outcomes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++)
            outcomes.add(submit(ctx, items.get(i), checks.get(i)));
        ArrayNode results = JSON.createArrayNode();
        int stored = 0;
        for (var outcome : outcomes) {
            ObjectNode entry = outcome.join();
            results.add(entry);
            if (entry.get("status").asInt() < 300)
                stored++;
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("stored", stored);
        answer.put("rejected", results.size() - stored);
        answer.set("results", results);
        ctx.status(200).contentType("application/json").result(answer.toPrettyString().getBytes(StandardCharsets.UTF_8));
    }

    private Checked check(be.kohub.access.Client client, DocumentReader.Item item) {
        if (item.error() != null)
            throw item.error();
        return pipeline.check(client, handler, item.graph(), null);
    }

    /** Hands one checked document's write to the queue; the outcome once it committed or was refused. */
    private CompletableFuture<ObjectNode> submit(Context ctx, DocumentReader.Item item, CompletableFuture<Checked> check) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("index", item.index());
        Checked checked;
        try {
            checked = check.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Rejected rejected)
                return CompletableFuture.completedFuture(refused(ctx, entry, rejected));
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return pipeline.submit(checked).handle((result, failure) -> {
            if (failure == null) {
                entry.put("status", result.created() ? 201 : 200);
                entry.put("id", result.iri().getURI());
                entry.put("etag", result.etag());
                return entry;
            }
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof Rejected e)
                return refused(ctx, entry, e);
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        });
    }

    private static ObjectNode refused(Context ctx, ObjectNode entry, Rejected e) {
        entry.put("status", e.type.status);
        entry.set("problem", Problems.body(e, ctx.path()));
        return entry;
    }

    private void put(Context ctx) {
        Node iri = iri(ctx);
        Graph document = reader.readOne(ctx.bodyAsBytes(), Format.of(ctx.contentType()));
        IngestResult result = pipeline.ingest(Authenticator.client(ctx), handler, document, new Target(iri, ctx.header("If-Match")));
        written(ctx, result, 200);
    }

    private void delete(Context ctx) {
        IngestResult result = pipeline.withdraw(Authenticator.client(ctx), handler, iri(ctx), ctx.header("If-Match"));
        ctx.header("ETag", result.etag()).status(204);
    }

    private void written(Context ctx, IngestResult result, int status) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", result.iri().getURI());
        body.put("versie", result.version());
        body.put("etag", result.etag());
        ctx.status(status).header("Location", "/locaties/" + localPart(result.iri())).header("ETag", result.etag())
                .contentType("application/json").result(body.toPrettyString().getBytes(StandardCharsets.UTF_8));
    }

    private void get(Context ctx) {
        Node iri = iri(ctx);
        RdfOutput.negotiate(ctx);
        record Found(Graph graph, DocumentMeta meta) {}
        Found found = store.read(tx -> DocumentMeta.find(tx, iri).filter(m -> m.type().equals(handler.name()))
                .map(meta -> new Found(tx.graph(iri), meta)).orElse(null));
        if (found == null)
            throw notFound(iri);
        String etag = found.meta().etag();
        ctx.header("ETag", etag);
        ctx.header("Link", "</locaties/" + ctx.pathParam("id") + "/schemaorg>; rel=\"alternate\"; type=\"application/ld+json\"; profile=\""
                + SchemaOrgContext.IRI + "\"");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        output.send(ctx, found.graph(), framer, false);
    }

    /**
     * {@code GET /locaties/{id}/schemaorg}: the sheet as a schema.org ChildCare for web portals
     * and search engines (docs/catalogus.md); JSON-LD with {@code "@context": "https://schema.org"},
     * or Turtle and N-Triples. A withdrawn sheet is gone here (404): a portal must stop showing it.
     */
    private void schemaOrg(Context ctx) {
        Node iri = iri(ctx);
        RdfOutput.negotiate(ctx);
        record Found(Graph graph, DocumentMeta meta) {}
        Found found = store.read(tx -> DocumentMeta.find(tx, iri).filter(m -> m.type().equals(handler.name()) && !m.withdrawn())
                .map(meta -> new Found(LocationQueries.schemaOrg(tx, iri), meta)).orElse(null));
        if (found == null)
            throw notFound(iri);
        // Its own validator: the version's ETag belongs to the sheet's own representation.
        String etag = "\"v" + found.meta().version() + "-schemaorg\"";
        ctx.header("ETag", etag);
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        output.send(ctx, found.graph(), graph -> schemaOrg.frame(graph, false));
    }

    private void list(Context ctx) {
        RdfOutput.negotiate(ctx);
        int limit = Params.intParam(ctx, "limit", 20, 1, 100);
        LocationQueries.Filter filter = new LocationQueries.Filter(
                Params.param(ctx, "gemeente", NIS), Params.param(ctx, "opvangvorm", CODE), Params.param(ctx, "status", CODE), bbox(ctx));
        String after = Params.cursor(ctx);
        record Page(List<Node> iris, Graph graph) {}
        Page page = store.read(tx -> {
            List<Node> iris = LocationQueries.page(tx, filter, after, limit + 1);
            Graph graph = GraphFactory.createDefaultGraph();
            iris.stream().limit(limit).forEach(iri -> tx.graph(iri).find().forEachRemaining(graph::add));
            return new Page(iris, graph);
        });
        Params.nextLink(ctx, page.iris(), limit);
        output.send(ctx, page.graph(), framer, true);
    }

    private void history(Context ctx) {
        Node iri = iri(ctx);
        ArrayNode events = store.read(tx -> {
            if (DocumentMeta.find(tx, iri).filter(m -> m.type().equals(handler.name())).isEmpty())
                throw notFound(iri);
            ArrayNode list = JSON.createArrayNode();
            tx.select(Queries.bind("ingest/history.rq", java.util.Map.of("doc", iri))).forEach(row -> {
                ObjectNode event = list.addObject();
                event.put("versie", Long.parseLong(row.get(Var.alloc("version")).getLiteralLexicalForm()));
                event.put("bewerking", row.get(Var.alloc("operation")).getLiteralLexicalForm());
                event.put("tijdstip", row.get(Var.alloc("time")).getLiteralLexicalForm());
                event.put("door", row.get(Var.alloc("agent")).getURI());
            });
            return list;
        });
        ObjectNode body = JSON.createObjectNode();
        body.put("id", iri.getURI());
        body.set("gebeurtenissen", events);
        ctx.contentType("application/json").result(body.toPrettyString().getBytes(StandardCharsets.UTF_8));
    }

    private Node iri(Context ctx) {
        String id = ctx.pathParam("id");
        if (!UUID.matcher(id).matches())
            throw notFound(NodeFactory.createURI(pipeline.iriPrefix(handler) + id));
        return NodeFactory.createURI(pipeline.iriPrefix(handler) + id);
    }

    private String localPart(Node iri) {
        return iri.getURI().substring(pipeline.iriPrefix(handler).length());
    }

    private static Rejected notFound(Node iri) {
        return new Rejected(ProblemType.NIET_GEVONDEN, "Geen locatie " + iri.getURI() + ".", "No location " + iri.getURI() + ".");
    }

    /** {@code bbox=minLon,minLat,maxLon,maxLat} in WGS84. */
    private static BigDecimal[] bbox(Context ctx) {
        String value = ctx.queryParam("bbox");
        if (value == null || value.isBlank())
            return null;
        String[] parts = value.split(",");
        if (parts.length != 4)
            throw Params.badParam("bbox", value);
        try {
            BigDecimal[] box = new BigDecimal[4];
            for (int i = 0; i < 4; i++)
                box[i] = new BigDecimal(parts[i].trim());
            return box;
        } catch (NumberFormatException e) {
            throw Params.badParam("bbox", value);
        }
    }
}
