package be.kohub.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import be.kohub.Resources;
import be.kohub.access.Action;

/**
 * The API contract: {@code GET /openapi.json} (OpenAPI 3.1, built once from the registered
 * routes and their descriptions) and {@code GET /api-docs}, Swagger UI from its WebJar over it.
 */
public final class OpenApiRoutes {
    private static final String SWAGGER_UI = "/META-INF/resources/webjars/swagger-ui/" + webJarVersion() + "/";
    /** Page and assets by route: the page and its script from web/api-docs/, the rest from the WebJar. */
    private static final Map<String, String> ASSETS = new LinkedHashMap<>();

    static {
        ASSETS.put("/api-docs", "/web/api-docs/index.html");
        ASSETS.put("/api-docs/api-docs.js", "/web/api-docs/api-docs.js");
        ASSETS.put("/api-docs/swagger-ui.css", SWAGGER_UI + "swagger-ui.css");
        ASSETS.put("/api-docs/swagger-ui-bundle.js", SWAGGER_UI + "swagger-ui-bundle.js");
    }

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");

    private final Supplier<ObjectNode> document;
    private volatile byte[] json;

    /** @param document builds the document; called once, on the first request (the routes are known by then) */
    public OpenApiRoutes(Supplier<ObjectNode> document) {
        this.document = document;
    }

    public void register(RoutesConfig routes) {
        routes.get("/openapi.json", this::openApi, Action.API_CONTRACT_LEZEN);
        ASSETS.forEach((path, resource) -> {
            byte[] body = Resources.bytes(resource);
            String type = TYPES.get(resource.substring(resource.lastIndexOf('.') + 1));
            routes.get(path, ctx -> asset(ctx, body, type), Action.API_CONTRACT_LEZEN);
        });
    }

    public void describe(ApiDescription api) {
        api.get("/openapi.json", "This document: the API contract (OpenAPI 3.1)").tag("API")
                .description("Generated from the routes the hub registers and the descriptions next to them in the code; "
                        + "the examples are the sample documents of `sample-data/`.")
                .answer(200, "The OpenAPI 3.1 document", Media.json("OpenApiDocument"));
        api.get("/api-docs", "The API contract as a browsable page (Swagger UI)").tag("API")
                .answer(200, "HTML page; it loads `/openapi.json`", Media.text("text/html"));
        ASSETS.keySet().stream().filter(p -> !p.equals("/api-docs")).forEach(path -> api.get(path, "An asset of the API page").tag("API")
                .answer(200, "Style sheet or script, from the Swagger UI WebJar or the page's own", Media.text(
                        path.endsWith(".css") ? "text/css" : "text/javascript")));
    }

    private void openApi(Context ctx) {
        byte[] body = json;
        if (body == null) {
            synchronized (this) {
                if (json == null)
                    json = document.get().toPrettyString().getBytes(StandardCharsets.UTF_8);
                body = json;
            }
        }
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.contentType("application/json").result(body);
    }

    private static void asset(Context ctx, byte[] body, String type) {
        // Swagger UI sets style attributes from its script; nothing is loaded from elsewhere.
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(type).result(body);
    }

    private static String webJarVersion() {
        Properties props = new Properties();
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null)
                throw new IllegalStateException("the Swagger UI WebJar is missing");
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props.getProperty("version");
    }
}
