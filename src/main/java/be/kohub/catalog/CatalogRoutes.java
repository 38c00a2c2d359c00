package be.kohub.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;

import be.kohub.access.Action;
import be.kohub.http.JsonLdFramer;
import be.kohub.http.RdfOutput;
import be.kohub.store.Queries;
import be.kohub.Errors.ProblemType;
import be.kohub.openapi.ApiDescription;
import be.kohub.openapi.Media;
import be.kohub.openapi.OperationDoc;

/**
 * {@code GET /catalogus}: the DCAT-AP VL catalog of the hub's datasets, feeds and SPARQL
 * endpoints, for portals and harvesters (docs/catalogus.md). The catalog is a file,
 * {@code catalog/catalogus.ttl}, with IRIs relative to the hub's base; it is read once at start.
 */
public final class CatalogRoutes {
    public static final String FILE = "/catalog/catalogus.ttl";
    private final Graph catalog;
    /** Framed once: the catalog does not change while the hub runs. */
    private final String jsonLd;
    private final RdfOutput output;

    /** @param base the hub's public base URL (without a trailing slash), against which the file's IRIs resolve */
    public CatalogRoutes(String base, RdfOutput output) {
        this.output = output;
        this.catalog = read(base);
        // The frame's context is inline: framing loads nothing.
        this.jsonLd = JsonLdFramer.withFrameContext((url, options) -> {
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "no remote contexts: " + url);
        }, "/frames/catalogus.json").frame(catalog, false);
    }

    public void register(RoutesConfig routes) {
        routes.get("/catalogus", this::get, Action.CATALOGUS_LEZEN);
    }

    /** The API contract of these routes (GET /openapi.json), next to their registrations. */
    public void describe(ApiDescription api) {
        api.get("/catalogus", "The DCAT-AP VL catalog of the hub's datasets and services").tag("Catalogus")
                .description("For portals and harvesters; docs/catalogus.md.")
                .answer(200, "The catalog", Media.jsonLd("JsonLdDocument"), Media.text(Media.TURTLE), Media.text(Media.N_TRIPLES))
                .problems(be.kohub.Errors.ProblemType.NIET_AANVAARDBAAR);
    }

    /** The catalog as the hub serves it: the file resolved against {@code base}, with identifiers. */
    public static Graph read(String base) {
        Graph graph = GraphFactory.createDefaultGraph();
        try (InputStream in = CatalogRoutes.class.getResourceAsStream(FILE)) {
            if (in == null)
                throw new IllegalStateException("missing resource " + FILE);
            RDFParser.source(in).lang(Lang.TURTLE).base(base + "/").parse(graph);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        QueryExec.graph(graph).query(Queries.load("catalog/identifiers.rq")).construct().find().forEachRemaining(graph::add);
        return graph;
    }

    private void get(Context ctx) {
        // A copy: the Turtle writer sets prefixes on the graph it writes, and requests run in parallel.
        Graph copy = GraphFactory.createDefaultGraph();
        catalog.find().forEachRemaining(copy::add);
        copy.getPrefixMapping().setNsPrefixes(catalog.getPrefixMapping());
        ctx.header("Cache-Control", "public, max-age=3600");
        output.send(ctx, copy, graph -> jsonLd);
    }
}
