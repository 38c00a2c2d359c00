package be.kohub.assignments;


import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.graph.GraphFactory;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import be.kohub.access.Action;
import be.kohub.access.Authenticator;
import be.kohub.access.Client;
import be.kohub.access.Role;
import be.kohub.http.DocumentPaths;
import be.kohub.http.JsonLdFramer;
import be.kohub.http.Params;
import be.kohub.http.RdfOutput;
import be.kohub.ingest.DocumentGraphs;
import be.kohub.ingest.DocumentMeta;
import be.kohub.ingest.DocumentReader;
import be.kohub.ingest.DocumentReader.Format;
import be.kohub.ingest.IngestPipeline;
import be.kohub.ingest.IngestResult;
import be.kohub.locations.LocationState;
import be.kohub.store.Store;
import be.kohub.vocab.KO;
import be.kohub.openapi.ApiDescription;
import be.kohub.openapi.Media;
import be.kohub.openapi.OperationDoc;

/** HTTP API of assignments: {@code /toewijzingen}, with acceptance, refusal and ending. */
public final class AssignmentRoutes {
    private final AssignmentHandler handler;
    private final AssignmentActions actions;
    private final Store store;
    private final IngestPipeline pipeline;
    private final DocumentReader reader;
    private final JsonLdFramer framer;
    private final RdfOutput output;
    private final DocumentPaths paths;

    public AssignmentRoutes(AssignmentHandler handler, AssignmentActions actions, Store store, IngestPipeline pipeline,
                            DocumentReader reader, JsonLdFramer framer, RdfOutput output) {
        this.handler = handler;
        this.actions = actions;
        this.store = store;
        this.pipeline = pipeline;
        this.reader = reader;
        this.framer = framer;
        this.output = output;
        this.paths = new DocumentPaths(pipeline.iriPrefix(handler), "/toewijzingen", "toewijzing", "assignment");
    }

    public AssignmentHandler handler() {
        return handler;
    }

    public void register(RoutesConfig routes) {
        routes.post("/toewijzingen", this::post, Action.TOEWIJZING_SCHRIJVEN);
        routes.get("/toewijzingen/{id}", this::get, Action.TOEWIJZING_LEZEN);
        routes.post("/toewijzingen/{id}/aanvaarding", ctx -> act(ctx, actions::accept), Action.TOEWIJZING_SCHRIJVEN);
        routes.post("/toewijzingen/{id}/weigering", ctx -> act(ctx, actions::refuse), Action.TOEWIJZING_SCHRIJVEN);
        routes.post("/toewijzingen/{id}/beeindiging", ctx -> act(ctx, actions::end), Action.TOEWIJZING_SCHRIJVEN);
    }

    /** The API contract of these routes (GET /openapi.json), next to their registrations. */
    public void describe(ApiDescription api) {
        var ex = api.examples();
        String id = "The assignment's id: the UUID at the end of its IRI";
        api.post("/toewijzingen", "Assign a place to a child").tag("Toewijzingen")
                .description("A JSON-LD assignment at one of the caller's locations. It closes the child's requests it covers, "
                        + "in every municipality (docs/requests.md); `gewijzigdeAanvragen` lists them.")
                .body(Media.jsonLd("ToewijzingDocument").example(ex.sample("familieverhaal/08-toewijzing-genk.jsonld")), Media.text(Media.TURTLE))
                .answer(201, "Assigned", Media.json("Geschreven")).answerHeader("Location", "`/toewijzingen/{id}`").answerHeader("ETag", "The version")
                .answer(200, "An assignment the hub knew (same caller and identifier), updated", Media.json("Geschreven"))
                .problems(OperationDoc.DOCUMENT_PROBLEMS)
                .problems(ProblemType.CONFLICT, ProblemType.ONBEKENDE_VERWIJZING, ProblemType.ONGELDIGE_KINDCODE);
        api.get("/toewijzingen/{id}", "Read an assignment with its status history").tag("Toewijzingen")
                .path("id", id, OperationDoc.UUID_PATTERN, null)
                .answer(200, "The assignment, framed", Media.jsonLd("JsonLdDocument"), Media.text(Media.TURTLE), Media.text(Media.N_TRIPLES))
                .answerHeader("ETag", "The version")
                .problems(ProblemType.NIET_GEVONDEN, ProblemType.NIET_AANVAARDBAAR);
        for (String[] step : new String[][] {{"aanvaarding", "The parents accept the assignment", "{}"},
                {"weigering", "The parents refuse the assignment", "weigering.json"},
                {"beeindiging", "The care ends", "beeindiging.json"}}) {
            var op = api.post("/toewijzingen/{id}/" + step[0], step[1]).tag("Toewijzingen")
                    .path("id", id, OperationDoc.UUID_PATTERN, null);
            op.body(step[2].equals("{}") ? Media.json("Toewijzingsstap") : Media.json("Toewijzingsstap").example(ex.file(step[2])))
                    .answer(200, "The new status, with the requests it changed (`gewijzigdeAanvragen`)", Media.json("Geschreven"))
                    .problems(OperationDoc.COMMAND_PROBLEMS).problems(ProblemType.MEDIATYPE, ProblemType.NIET_GEVONDEN, ProblemType.CONFLICT);
        }
    }

    private void post(Context ctx) {
        Graph document = reader.readOne(ctx.bodyAsBytes(), Format.of(ctx.contentType()));
        IngestResult result = pipeline.ingest(Authenticator.client(ctx), handler, document, null);
        Params.written(ctx, result.created() ? 201 : 200, paths.path(result.iri()), result.iri(), result.version(), result.details());
    }

    private interface Action3 {
        AssignmentActions.Outcome run(Client client, Node iri, com.fasterxml.jackson.databind.JsonNode body);
    }

    private void act(Context ctx, Action3 action) {
        Node iri = paths.iri(ctx);
        byte[] body = ctx.bodyAsBytes();
        AssignmentActions.Outcome outcome = action.run(Authenticator.client(ctx), iri,
                body.length == 0 ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : reader.readCommand(body));
        Params.written(ctx, 200, null, iri, outcome.version(), outcome.details());
    }

    /** An assignment holds no personal data (only the child's code); who reads it: {@link AssignmentAccess}. */
    private void get(Context ctx) {
        Node iri = paths.iri(ctx);
        Client client = Authenticator.client(ctx);
        RdfOutput.negotiate(ctx);
        record Found(Graph graph, String etag) {}
        Found found = store.read(tx -> {
            DocumentMeta meta = DocumentMeta.find(tx, iri).filter(m -> m.type().equals(AssignmentHandler.TYPE)).orElseThrow(() -> paths.notFound(iri));
            Graph document = tx.graph(iri);
            Node location = document.find(iri, KO.vestiging, Node.ANY).next().getObject();
            LocationState state = LocationState.find(tx, location).orElse(new LocationState(location, null, null, null));
            if (!AssignmentAccess.allowed(tx, client, iri, meta, document, state))
                throw new Rejected(ProblemType.NIET_GEVONDEN, "Geen toewijzing " + iri.getURI() + " die jij mag zien.",
                        "No assignment " + iri.getURI() + " that you may see.");
            Graph graph = GraphFactory.createDefaultGraph();
            document.find().forEachRemaining(graph::add);
            tx.graph(DocumentGraphs.status(iri)).find().forEachRemaining(graph::add);
            return new Found(graph, meta.etag());
        });
        ctx.header("ETag", found.etag());
        output.send(ctx, found.graph(), framer, false);
    }
}
