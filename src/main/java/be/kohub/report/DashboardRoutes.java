package be.kohub.report;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

import be.kohub.Resources;
import be.kohub.access.Action;
import be.kohub.http.Problems;
import be.kohub.model.CodeLists;
import be.kohub.vocab.KO;
import be.kohub.openapi.ApiDescription;
import be.kohub.openapi.Media;

/**
 * The dashboard page ({@code /dashboard}) and its assets: HTML, CSS and script from
 * {@code src/main/resources/web/dashboard/}, Chart.js from its WebJar, and the choice lists
 * (municipalities, counters) from the code lists. None of it holds figures: the page fetches
 * those from {@code /rapporten} with the user's key.
 */
public final class DashboardRoutes {
    private static final String CHART_JS = "/META-INF/resources/webjars/chart.js/4.5.1/dist/chart.umd.min.js";
    private static final Map<String, String> ASSETS = Map.of(
            "/dashboard", "/web/dashboard/index.html",
            "/dashboard/dashboard.js", "/web/dashboard/dashboard.js",
            "/dashboard/dashboard.css", "/web/dashboard/dashboard.css",
            "/dashboard/lib/chart.umd.min.js", CHART_JS);
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");

    private final byte[] choices;

    public DashboardRoutes(Graph model, CodeLists codes) {
        this.choices = choiceLists(model, codes).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public void register(RoutesConfig routes) {
        ASSETS.forEach((path, resource) -> {
            byte[] body = Resources.bytes(resource);
            String type = TYPES.get(resource.substring(resource.lastIndexOf('.') + 1));
            routes.get(path, ctx -> asset(ctx, body, type), Action.DASHBOARD);
        });
        routes.get("/dashboard/keuzelijsten.json", ctx -> asset(ctx, choices, "application/json"), Action.DASHBOARD);
    }

    /** The API contract of these routes (GET /openapi.json), next to their registrations. */
    public void describe(ApiDescription api) {
        ASSETS.keySet().stream().sorted().forEach(path -> api.get(path, path.equals("/dashboard")
                        ? "The dashboard of the reports (it fetches the figures with the user's key)" : "An asset of the dashboard").tag("Rapporten")
                .answer(200, "HTML, script or style sheet", Media.text(TYPES.get(ASSETS.get(path).substring(ASSETS.get(path).lastIndexOf('.') + 1))
                        .split(";")[0])));
        api.get("/dashboard/keuzelijsten.json", "The dashboard's choice lists: municipalities and counters").tag("Rapporten")
                .answer(200, "The choice lists", Media.json("Keuzelijsten"));
    }

    private static void asset(Context ctx, byte[] body, String type) {
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' blob: data:; style-src 'self'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(type).result(body);
    }

    private static ObjectNode choiceLists(Graph model, CodeLists codes) {
        ObjectNode root = Problems.JSON.createObjectNode();
        ArrayNode municipalities = root.putArray("gemeenten");
        codes.members("gemeente").stream().map(c -> Map.entry(FactsReader.code(c.getURI()), codes.label(c).orElse(c.getURI())))
                .sorted(Map.Entry.comparingByValue())
                .forEach(e -> municipalities.addObject().put("code", e.getKey()).put("naam", e.getValue()));
        ArrayNode counters = root.putArray("loketten");
        model.find(Node.ANY, RDF.type.asNode(), KO.iri("LokaalLoket")).mapWith(Triple::getSubject).toList().stream()
                .map(c -> Map.entry(FactsReader.code(c.getURI()), codes.label(c).orElse(c.getURI()))).sorted(Map.Entry.comparingByValue())
                .forEach(e -> counters.addObject().put("code", e.getKey()).put("naam", e.getValue()));
        return root;
    }
}
