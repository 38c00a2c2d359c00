package be.kohub.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

import be.kohub.Resources;
import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import be.kohub.access.Action;
import be.kohub.http.JsonLdFramer;
import be.kohub.http.RdfOutput;
import be.kohub.openapi.ApiDescription;
import be.kohub.openapi.Media;
import be.kohub.openapi.OperationDoc;
import be.kohub.store.Queries;

/**
 * The published model (docs/versioning.md, docs/api.md): the ontology, the code lists, the
 * shapes per document type, the frames and the JSON-LD context, each at a versioned URL
 * ({@code /model/1.0/shapes/locatie}) and at an unversioned one for the current version
 * ({@code /model/shapes/locatie}, with {@code Content-Location} and a canonical link to the
 * versioned one), as JSON-LD, Turtle or N-Triples; HTML goes to the specification pages. And
 * the changes between two versions of the shapes ({@code /model/wijzigingen}).
 */
public final class ModelRoutes {
    private static final String HTML = "text/html";
    private static final List<String> RDF_FORMATS = List.of(RdfOutput.JSONLD, RdfOutput.TURTLE, RdfOutput.NTRIPLES);

    private final String base;
    private final ModelVersions versions;
    private final Graph ontology;
    private final Graph codeListFiles;
    private final Map<String, Graph> codeLists = new TreeMap<>();
    private final ModelIndex index;
    private final JsonLdFramer indexFramer;
    private final ChangesPage changes;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    private ModelRoutes(String base, ModelVersions versions, Graph ontology, Graph codeListFiles, Graph allOntology) {
        this.base = base;
        this.versions = versions;
        this.ontology = ontology;
        this.codeListFiles = codeListFiles;
        allOntology.find(null, RDF.type.asNode(), SKOS.ConceptScheme.asNode()).forEachRemaining(t -> {
            String iri = t.getSubject().getURI();
            Graph scheme = QueryExec.graph(allOntology)
                    .query(Queries.bind("model/codelijst.rq", Map.of("schema", NodeFactory.createURI(iri)))).construct();
            scheme.getPrefixMapping().setNsPrefixes(allOntology.getPrefixMapping());
            codeLists.put(iri.substring(iri.lastIndexOf('/') + 1), scheme);
        });
        String[] ontologyTitle = titles(ontology, OWL.Ontology.getURI(), RDFS.label.getURI(), "Ontologie van kohub", "kohub ontology");
        this.index = new ModelIndex(base, versions, codeLists, key -> {
            String[] parts = key.split("/");
            Graph shapes = versions.find(parts[0]).flatMap(v -> v.graph(parts[1])).orElseThrow();
            return titles(shapes, OWL.Ontology.getURI(), RDFS.label.getURI(), "Vormen van " + parts[1], "Shapes of " + parts[1]);
        }, ontologyTitle, base + "/context/v" + versions.current().major() + ".jsonld");
        // The frame's context is inline: framing loads nothing.
        this.indexFramer = JsonLdFramer.withFrameContext((url, options) -> {
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "no remote contexts: " + url);
        }, "/frames/model.json");
        this.changes = new ChangesPage(versions, base);
    }

    /**
     * The packaged model: the ontology's files ({@code /model/ontology}) and the shapes' versions
     * ({@code /model/shapes}, archived versions under {@code versies/}).
     */
    public static ModelRoutes load(String base, ModelFiles model) {
        Graph ontology = GraphFactory.createDefaultGraph();
        Graph codeLists = GraphFactory.createDefaultGraph();
        ModelFiles.texts("/model/ontology").forEach((path, text) ->
                RDFParser.fromString(text, Lang.TURTLE).parse(path.startsWith("codelijsten/") ? codeLists : ontology));
        return new ModelRoutes(base, ModelVersions.load(model.ontology()), ontology, codeLists, model.ontology());
    }

    public ModelVersions versions() {
        return versions;
    }

    /** The API contract of these routes (GET /openapi.json), next to their registrations. */
    public void describe(ApiDescription api) {
        String versioned = "; /model/{versie}/… is the same for one published version (docs/versioning.md)";
        rdf(api.get("/model", "Index of the published model: its versions and their parts (DCAT)"), true)
                .description("Unversioned: the current version, named by Content-Location and a canonical link" + versioned + ".");
        rdf(version(api.get("/model/{versie}", "Index of one published version of the model"), "/{versie}"), true);
        for (String v : List.of("", "/{versie}")) {
            String of = v.isEmpty() ? " (current version)" : " of one version";
            rdf(version(api.get("/model" + v + "/ontologie", "The vocabulary (ontology/*.ttl)" + of), v), false);
            rdf(version(api.get("/model" + v + "/codelijsten", "Every code list" + of), v), false);
            rdf(version(api.get("/model" + v + "/codelijsten/{naam}", "One code list: its skos:ConceptScheme and concepts" + of), v)
                    .path("naam", "The code list's name", "[a-z-]+", "dagdeel"), false);
            rdf(version(api.get("/model" + v + "/shapes", "All SHACL shapes" + of), v), false);
            rdf(version(api.get("/model" + v + "/shapes/{documenttype}", "The SHACL shapes of one document type" + of), v)
                    .path("documenttype", "locatie, aanvraag or toewijzing", "[a-z]+", "locatie"), true);
            version(api.get("/model" + v + "/frames/{documenttype}", "The JSON-LD frame the hub answers with" + of), v)
                    .path("documenttype", "locatie, aanvraag or toewijzing", "[a-z]+", "locatie").tag("Model")
                    .answer(200, "The frame", Media.jsonLd("JsonLdDocument"))
                    .problems(ProblemType.NIET_GEVONDEN, ProblemType.NIET_AANVAARDBAAR);
        }
        api.get("/model/wijzigingen", "The changes in the shapes between two versions, each breaking or not").tag("Model")
                .description("For the working group to review; ?sinds=X (to the current version) or ?van=X&naar=Y; without them, "
                        + "from the version before the current one. ShapeDiff compares the two shape graphs.")
                .query("sinds", "From this version to the current one", "[0-9]+\\.[0-9]+", "0.1")
                .query("van", "From this version (with naar)", "[0-9]+\\.[0-9]+", null)
                .query("naar", "To this version (with van)", "[0-9]+\\.[0-9]+", null)
                .answer(200, "The changes", Media.json("ModelWijzigingen"), Media.text(HTML))
                .problems(ProblemType.ONGELDIGE_PARAMETER, ProblemType.NIET_GEVONDEN, ProblemType.NIET_AANVAARDBAAR);
    }

    private static OperationDoc version(OperationDoc op, String versionSegment) {
        return versionSegment.isEmpty() ? op : op.path("versie", "A published version of the model", "[0-9]+\\.[0-9]+", "1.0");
    }

    private static OperationDoc rdf(OperationDoc op, boolean page) {
        op.tag("Model").answer(200, "The model part", Media.jsonLd("JsonLdDocument"), Media.text(RdfOutput.TURTLE), Media.text(RdfOutput.NTRIPLES));
        if (page)
            op.answer(303, "Accept: text/html: to the specification page (an archived version: to its changes)").answerHeader("Location", "The page");
        return op.problems(ProblemType.NIET_GEVONDEN, ProblemType.NIET_AANVAARDBAAR);
    }

    public void register(RoutesConfig routes) {
        routes.get("/model", ctx -> index(ctx, null), Action.MODEL_LEZEN);
        routes.get("/model/wijzigingen", changes::handle, Action.MODEL_LEZEN);
        routes.get("/model/ontologie", ctx -> ontology(ctx, null), Action.MODEL_LEZEN);
        routes.get("/model/codelijsten", ctx -> codeLists(ctx, null), Action.MODEL_LEZEN);
        routes.get("/model/codelijsten/{naam}", ctx -> codeList(ctx, null), Action.MODEL_LEZEN);
        routes.get("/model/shapes", ctx -> allShapes(ctx, null), Action.MODEL_LEZEN);
        routes.get("/model/shapes/{documenttype}", ctx -> shapes(ctx, null), Action.MODEL_LEZEN);
        routes.get("/model/frames/{documenttype}", ctx -> frame(ctx, null), Action.MODEL_LEZEN);
        routes.get("/model/{versie}", ctx -> index(ctx, version(ctx)), Action.MODEL_LEZEN);
        routes.get("/model/{versie}/ontologie", ctx -> ontology(ctx, version(ctx)), Action.MODEL_LEZEN);
        routes.get("/model/{versie}/codelijsten", ctx -> codeLists(ctx, version(ctx)), Action.MODEL_LEZEN);
        routes.get("/model/{versie}/codelijsten/{naam}", ctx -> codeList(ctx, version(ctx)), Action.MODEL_LEZEN);
        routes.get("/model/{versie}/shapes", ctx -> allShapes(ctx, version(ctx)), Action.MODEL_LEZEN);
        routes.get("/model/{versie}/shapes/{documenttype}", ctx -> shapes(ctx, version(ctx)), Action.MODEL_LEZEN);
        routes.get("/model/{versie}/frames/{documenttype}", ctx -> frame(ctx, version(ctx)), Action.MODEL_LEZEN);
    }

    private ShapesVersion version(Context ctx) {
        String number = ctx.pathParam("versie");
        return versions.find(number).orElseThrow(() -> new Rejected(ProblemType.NIET_GEVONDEN,
                "Geen modelversie '" + number + "'; gepubliceerd: " + numbers() + ".",
                "No model version '" + number + "'; published: " + numbers() + "."));
    }

    private List<String> numbers() {
        return versions.all().stream().map(ShapesVersion::number).toList();
    }

    /** {@code /model[/{versie}]}: the catalog of versions and their parts; HTML is the specification. */
    private void index(Context ctx, ShapesVersion requested) {
        ShapesVersion version = published(ctx, requested, "");
        String format = RdfOutput.choose(ctx, List.of(RdfOutput.JSONLD, RdfOutput.TURTLE, HTML));
        if (format.equals(HTML)) {
            seeOther(ctx, version == versions.current() ? base + "/specificatie"
                    : base + "/model/wijzigingen?sinds=" + version.number());
            return;
        }
        ShapesVersion only = requested == null ? null : version;
        String key = "index/" + (only == null ? "" : only.number());
        if (format.equals(RdfOutput.JSONLD))
            ctx.contentType(RdfOutput.JSONLD).result(cached(key, () -> indexFramer.frame(index.graph(only), false).getBytes(StandardCharsets.UTF_8)));
        else
            send(ctx, key, format, () -> index.graph(only));
    }

    private void ontology(Context ctx, ShapesVersion requested) {
        currentOnly(requested);
        published(ctx, requested, "/ontologie");
        send(ctx, "ontologie", RdfOutput.choose(ctx, RDF_FORMATS), () -> ontology);
    }

    private void codeLists(Context ctx, ShapesVersion requested) {
        currentOnly(requested);
        published(ctx, requested, "/codelijsten");
        send(ctx, "codelijsten", RdfOutput.choose(ctx, RDF_FORMATS), () -> codeListFiles);
    }

    private void codeList(Context ctx, ShapesVersion requested) {
        String name = ctx.pathParam("naam");
        currentOnly(requested);
        Graph scheme = codeLists.get(name);
        if (scheme == null)
            throw new Rejected(ProblemType.NIET_GEVONDEN, "Geen codelijst '" + name + "'; er zijn: " + codeLists.keySet() + ".",
                    "No code list '" + name + "'; there are: " + codeLists.keySet() + ".");
        published(ctx, requested, "/codelijsten/" + name);
        send(ctx, "codelijst/" + name, RdfOutput.choose(ctx, RDF_FORMATS), () -> scheme);
    }

    private void allShapes(Context ctx, ShapesVersion requested) {
        ShapesVersion version = published(ctx, requested, "/shapes");
        send(ctx, "shapes/" + version, RdfOutput.choose(ctx, RDF_FORMATS), version::union);
    }

    /** One document type's shapes: Turtle as the file is written (comments and all). */
    private void shapes(Context ctx, ShapesVersion requested) {
        String type = ctx.pathParam("documenttype");
        ShapesVersion version = requested == null ? versions.current() : requested;
        String text = version.text(type).orElseThrow(() -> new Rejected(ProblemType.NIET_GEVONDEN,
                "Versie " + version + " heeft geen vormen voor '" + type + "'; wel voor: " + version.documentTypes() + ".",
                "Version " + version + " has no shapes for '" + type + "'; it has shapes for: " + version.documentTypes() + "."));
        published(ctx, requested, "/shapes/" + type);
        List<String> offered = List.of(RdfOutput.JSONLD, RdfOutput.TURTLE, RdfOutput.NTRIPLES, HTML);
        String format = RdfOutput.choose(ctx, offered);
        if (format.equals(HTML)) {
            seeOther(ctx, version == versions.current() ? base + "/specificatie/" + type
                    : base + "/model/wijzigingen?sinds=" + version.number());
        } else if (format.equals(RdfOutput.TURTLE)) {
            ctx.contentType(RdfOutput.TURTLE + "; charset=utf-8").result(text.getBytes(StandardCharsets.UTF_8));
        } else {
            send(ctx, "shapes/" + version + "/" + type, format, () -> version.graph(type).orElseThrow());
        }
    }

    /** A frame is a JSON-LD document, not RDF: JSON-LD only. */
    private void frame(Context ctx, ShapesVersion requested) {
        String type = ctx.pathParam("documenttype");
        currentOnly(requested);
        if (!versions.current().documentTypes().contains(type))
            throw new Rejected(ProblemType.NIET_GEVONDEN, "Geen frame voor '" + type + "'; wel voor: " + versions.current().documentTypes() + ".",
                    "No frame for '" + type + "'; there are frames for: " + versions.current().documentTypes() + ".");
        published(ctx, requested, "/frames/" + type);
        RdfOutput.choose(ctx, List.of(RdfOutput.JSONLD));
        ctx.contentType(RdfOutput.JSONLD).result(cached("frame/" + type, () -> Resources.bytes("/frames/" + type + ".json")));
    }

    /**
     * The version asked for (or the current one), with the headers that say which version it is:
     * an unversioned URL names its versioned twin ({@code Content-Location}, {@code rel="canonical"}),
     * an older version the current one ({@code rel="latest-version"}).
     */
    private ShapesVersion published(Context ctx, ShapesVersion requested, String path) {
        ShapesVersion version = requested == null ? versions.current() : requested;
        String versioned = base + "/model/" + version.number() + path;
        ctx.header("Vary", "Accept");
        if (requested == null) {
            ctx.header("Content-Location", versioned);
            ctx.header("Link", "<" + versioned + ">; rel=\"canonical\"");
            ctx.header("Cache-Control", "public, max-age=300");
        } else {
            if (version != versions.current())
                ctx.header("Link", "<" + base + "/model" + path + ">; rel=\"latest-version\"");
            ctx.header("Cache-Control", "public, max-age=86400");
        }
        return version;
    }

    /** Ontology, code lists and frames are kept for the current version only (shapes/versies/README.md). */
    private void currentOnly(ShapesVersion version) {
        if (version != null && version != versions.current())
            throw new Rejected(ProblemType.NIET_GEVONDEN,
                    "Van versie " + version + " zijn alleen de vormen bewaard (/model/" + version + "/shapes).",
                    "Of version " + version + " only the shapes are kept (/model/" + version + "/shapes).");
    }

    private void seeOther(Context ctx, String location) {
        ctx.status(HttpStatus.SEE_OTHER).header("Location", location);
    }

    private void send(Context ctx, String key, String format, Supplier<Graph> graph) {
        RDFFormat rdf = switch (format) {
            case RdfOutput.TURTLE -> RDFFormat.TURTLE_PRETTY;
            case RdfOutput.NTRIPLES -> RDFFormat.NTRIPLES;
            default -> RDFFormat.JSONLD11_PRETTY;
        };
        byte[] body = cached(format + " " + key, () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RDFDataMgr.write(out, graph.get(), rdf);
            return out.toByteArray();
        });
        ctx.contentType(format.equals(RdfOutput.TURTLE) ? RdfOutput.TURTLE + "; charset=utf-8" : format).result(body);
    }

    private byte[] cached(String key, Supplier<byte[]> bytes) {
        return cache.computeIfAbsent(key, k -> bytes.get());
    }

    /** The Dutch and English {@code label} of the resource of type {@code type} in {@code graph}, or the defaults. */
    private static String[] titles(Graph graph, String type, String label, String nl, String en) {
        String[] titles = {nl, en};
        graph.find(null, RDF.type.asNode(), NodeFactory.createURI(type)).forEachRemaining(t ->
                graph.find(t.getSubject(), NodeFactory.createURI(label), null).forEachRemaining(l -> {
                    if ("nl".equals(l.getObject().getLiteralLanguage()))
                        titles[0] = l.getObject().getLiteralLexicalForm();
                    else if ("en".equals(l.getObject().getLiteralLanguage()))
                        titles[1] = l.getObject().getLiteralLexicalForm();
                }));
        return titles;
    }
}
