package be.kohub.requests;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.graph.GraphFactory;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import be.kohub.access.Action;
import be.kohub.access.Authenticator;
import be.kohub.access.Client;
import be.kohub.access.Role;
import be.kohub.audit.AuditLog;
import be.kohub.codes.ChildCodes;
import be.kohub.codes.KindCode;
import be.kohub.http.DocumentPaths;
import be.kohub.http.JsonLdFramer;
import be.kohub.http.Params;
import be.kohub.http.RdfOutput;
import be.kohub.ingest.DocumentMeta;
import be.kohub.ingest.DocumentReader;
import be.kohub.ingest.DocumentReader.Format;
import be.kohub.ingest.IngestPipeline;
import be.kohub.ingest.IngestResult;
import be.kohub.locations.LocationState;
import be.kohub.store.Queries;
import be.kohub.store.Store;
import be.kohub.openapi.ApiDescription;
import be.kohub.openapi.Media;
import be.kohub.openapi.OperationDoc;

/** HTTP API of requests: {@code /aanvragen} and the cross-counter view {@code /kinderen/{code}/aanvragen}. */
public final class RequestRoutes {
    private final RequestHandler handler;
    private final RequestStatusCommand status;
    private final ConsentCommand consent;
    private final AuditLog audit;
    private final CrossCounterView crossCounter;
    private final ChildCodes children;
    private final Store store;
    private final IngestPipeline pipeline;
    private final DocumentReader reader;
    private final JsonLdFramer framer;
    private final RdfOutput output;
    private final DocumentPaths paths;

    public RequestRoutes(RequestHandler handler, RequestStatusCommand status, ConsentCommand consent, CrossCounterView crossCounter,
                         ChildCodes children, AuditLog audit,
                         Store store, IngestPipeline pipeline, DocumentReader reader, JsonLdFramer framer, RdfOutput output) {
        this.handler = handler;
        this.status = status;
        this.consent = consent;
        this.audit = audit;
        this.crossCounter = crossCounter;
        this.children = children;
        this.store = store;
        this.pipeline = pipeline;
        this.reader = reader;
        this.framer = framer;
        this.output = output;
        this.paths = new DocumentPaths(pipeline.iriPrefix(handler), "/aanvragen", "aanvraag", "request");
    }

    public RequestHandler handler() {
        return handler;
    }

    public void register(RoutesConfig routes) {
        routes.post("/aanvragen", this::post, Action.AANVRAAG_SCHRIJVEN);
        routes.get("/aanvragen", this::listForLocation, Action.AANVRAAG_LEZEN);
        routes.get("/aanvragen/{id}", this::get, Action.AANVRAAG_LEZEN);
        routes.post("/aanvragen/{id}/status", this::changeStatus, Action.AANVRAAG_SCHRIJVEN);
        routes.post("/aanvragen/{id}/toestemming", this::changeConsent, Action.AANVRAAG_SCHRIJVEN);
        routes.get("/kinderen/{code}/aanvragen", this::ofChild, Action.KIND_AANVRAGEN_LEZEN);
    }

    /** The API contract of these routes (GET /openapi.json), next to their registrations. */
    public void describe(ApiDescription api) {
        var ex = api.examples();
        String id = "The request's id: the UUID at the end of its IRI";
        api.post("/aanvragen", "Register a request for child care (new or known)").tag("Aanvragen")
                .description("A JSON-LD request for a child code, with the applicants, the wanted start, the care plan and the "
                        + "preferred locations. Recognised by the caller's own identifier: 201 new, 200 known (updated). "
                        + "`meldingen` lists preferred locations that do not take requests now.")
                .body(Media.jsonLd("AanvraagDocument").example(ex.sample("familieverhaal/03-aanvraag-gent.jsonld")), Media.text(Media.TURTLE))
                .answer(201, "Registered", Media.json("Geschreven")).answerHeader("Location", "`/aanvragen/{id}`").answerHeader("ETag", "The version")
                .answer(200, "A request the hub knew (same caller and identifier), updated", Media.json("Geschreven"))
                .problems(OperationDoc.DOCUMENT_PROBLEMS)
                .problems(ProblemType.CONFLICT, ProblemType.ONBEKENDE_VERWIJZING, ProblemType.ONGELDIGE_KINDCODE);
        api.get("/aanvragen", "The requests naming one of the caller's locations").tag("Aanvragen")
                .query("locatie", "The IRI of a location of the caller (organiser)", "^https?://\\S{1,300}$", ex.locationIri("gent-kdv-de-knuffelboom"))
                .queryInt("limit", "Requests per page", 1, 100, 20)
                .query("cursor", "Where the page starts: copy it from the `Link` header", null, null)
                .header("X-Doel", "Why you read personal data (audit log), e.g. `dossierbehandeling`", false, null)
                .answer(200, "A page of requests; people only where the parents consented", Media.jsonLd("JsonLdGraaf"),
                        Media.text(Media.TURTLE), Media.text(Media.N_TRIPLES))
                .answerHeader("Link", "`<…&cursor=…>; rel=\"next\"` when there are more")
                .problems(ProblemType.ONGELDIGE_PARAMETER, ProblemType.NIET_AANVAARDBAAR);
        api.get("/aanvragen/{id}", "Read a request with its status and history").tag("Aanvragen")
                .description("People only for the roles that may see them; a request the caller may not see is 404 (docs/security.md).")
                .path("id", id, OperationDoc.UUID_PATTERN, null)
                .header("X-Doel", "Why you read personal data (audit log)", false, null)
                .answer(200, "The request, framed", Media.jsonLd("JsonLdDocument"), Media.text(Media.TURTLE), Media.text(Media.N_TRIPLES))
                .answerHeader("ETag", "The version")
                .problems(ProblemType.NIET_GEVONDEN, ProblemType.NIET_AANVAARDBAAR);
        api.post("/aanvragen/{id}/status", "Change the status of a request (e.g. cancel it)").tag("Aanvragen")
                .path("id", id, OperationDoc.UUID_PATTERN, null)
                .body(Media.json("StatusWijziging").example(ex.file("aanvraag-annuleren.json")))
                .answer(200, "The new status; `gewijzigd` false when it already had it", Media.json("StatusGewijzigd"))
                .problems(OperationDoc.COMMAND_PROBLEMS).problems(ProblemType.MEDIATYPE, ProblemType.NIET_GEVONDEN, ProblemType.CONFLICT);
        api.post("/aanvragen/{id}/toestemming", "The parents give or withdraw consent to share the request").tag("Aanvragen")
                .path("id", id, OperationDoc.UUID_PATTERN, null)
                .body(Media.json("Toestemming").example(ex.file("toestemming-intrekken.json")))
                .answer(200, "The consent now; `gewijzigd` false when unchanged", Media.json("ToestemmingGewijzigd"))
                .problems(OperationDoc.COMMAND_PROBLEMS).problems(ProblemType.MEDIATYPE, ProblemType.NIET_GEVONDEN);
        api.get("/kinderen/{code}/aanvragen", "Cross-counter view of a child's open requests").tag("Aanvragen")
                .description("The caller's own requests for the child, and the municipalities and status of other open requests "
                        + "whose parents consented to share them.")
                .path("code", "The child code", OperationDoc.CHILD_CODE_PATTERN, be.kohub.openapi.Examples.CHILD_CODE)
                .header("X-Doel", "Why you read personal data (audit log)", false, null)
                .answer(200, "Own requests and the other municipalities", Media.json("KindAanvragen"))
                .problems(ProblemType.NIET_GEVONDEN, ProblemType.ONGELDIGE_KINDCODE);
    }

    private void post(Context ctx) {
        Graph document = reader.readOne(ctx.bodyAsBytes(), Format.of(ctx.contentType()));
        IngestResult result = pipeline.ingest(Authenticator.client(ctx), handler, document, null);
        audit.record(ctx, AuditLog.Handeling.GESCHREVEN, List.of(result.iri()));
        Params.written(ctx, result.created() ? 201 : 200, paths.path(result.iri()), result.iri(), result.version(), result.details());
    }

    private void get(Context ctx) {
        Node iri = paths.iri(ctx);
        Client client = Authenticator.client(ctx);
        RdfOutput.negotiate(ctx);
        record Found(Graph graph, String etag, RequestAccess.View view) {}
        Found found = store.read(tx -> {
            DocumentMeta meta = DocumentMeta.find(tx, iri).filter(m -> m.type().equals(RequestHandler.TYPE))
                    .orElseThrow(() -> RequestAccess.notFound(iri));
            RequestAccess.View view = RequestAccess.view(tx, client, iri, meta, tx.graph(iri));
            return new Found(RequestAccess.assemble(tx, iri, view, GraphFactory.createDefaultGraph()), meta.etag(), view);
        });
        if (found.view() == RequestAccess.View.VOLLEDIG)
            audit.record(ctx, AuditLog.Handeling.GELEZEN, List.of(iri));
        ctx.header("ETag", found.etag());
        output.send(ctx, found.graph(), framer, false);
    }

    /** {@code GET /aanvragen?locatie=…}: the requests naming one of the organiser's locations, paged. */
    private void listForLocation(Context ctx) {
        Client client = Authenticator.client(ctx);
        String location = Params.param(ctx, "locatie", Pattern.compile("^https?://\\S{1,300}$"));
        if (location == null)
            throw Params.badParam("locatie", "");
        int limit = Params.intParam(ctx, "limit", 20, 1, 100);
        String after = Params.cursor(ctx);
        RdfOutput.negotiate(ctx);
        Node loc = NodeFactory.createURI(location);
        record Page(List<Node> iris, Graph graph, List<Node> withPeople) {}
        Page page = store.read(tx -> {
            LocationState state = LocationState.require(tx, loc, "locatie");
            if (client.role() != Role.BEHEER && !(client.role() == Role.KO && state.organiserKbo() != null && state.organiserKbo().equals(client.organisator())))
                throw new Rejected(ProblemType.GEEN_TOEGANG, "Alleen de organisator van de locatie ziet de aanvragen ervoor.",
                        "Only the location's organiser sees the requests for it.");
            Query query = Queries.bind("requests/by-location.rq", Map.of("loc", loc,
                    "after", NodeFactory.createLiteralString(after == null ? "" : after)));
            query.setLimit(limit + 1);
            List<Node> iris = tx.select(query).stream().map(row -> row.get(Var.alloc("aanvraag"))).toList();
            Graph graph = GraphFactory.createDefaultGraph();
            List<Node> withPeople = new java.util.ArrayList<>();
            for (Node iri : iris.stream().limit(limit).toList()) {
                Graph document = tx.graph(iri);
                RequestAccess.View view = client.role() == Role.BEHEER || RequestAccess.consented(document, iri)
                        ? RequestAccess.View.VOLLEDIG : RequestAccess.View.ZONDER_PERSOONSGEGEVENS;
                RequestAccess.assemble(tx, iri, view, graph);
                if (view == RequestAccess.View.VOLLEDIG)
                    withPeople.add(iri);
            }
            return new Page(iris, graph, withPeople);
        });
        audit.record(ctx, AuditLog.Handeling.GELEZEN, page.withPeople());
        Params.nextLink(ctx, page.iris(), limit);
        output.send(ctx, page.graph(), framer, true);
    }

    private void changeStatus(Context ctx) {
        Node iri = paths.iri(ctx);
        RequestStatusCommand.Outcome outcome = status.change(Authenticator.client(ctx), iri, reader.readCommand(ctx.bodyAsBytes()));
        var details = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        details.put("status", outcome.status());
        details.put("gewijzigd", outcome.changed());
        Params.written(ctx, 200, null, iri, outcome.version(), details);
    }

    private void changeConsent(Context ctx) {
        Node iri = paths.iri(ctx);
        ConsentCommand.Outcome outcome = consent.change(Authenticator.client(ctx), iri, reader.readCommand(ctx.bodyAsBytes()));
        var details = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        details.put("toestemmingDelen", outcome.consent());
        details.put("gewijzigd", outcome.changed());
        Params.written(ctx, 200, null, iri, outcome.version(), details);
    }

    private void ofChild(Context ctx) {
        KindCode code = KindCode.parse(ctx.pathParam("code"));
        Client client = Authenticator.client(ctx);
        CrossCounterView.Answer answer = store.read(tx -> crossCounter.of(tx, client, code, children.found(tx, code)));
        audit.record(ctx, AuditLog.Handeling.GELEZEN, answer.requests());
        Params.json(ctx, 200, answer.body());
    }
}
