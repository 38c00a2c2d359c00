package be.kohub.openapi;

import static be.kohub.RunningHub.JSON;
import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import be.kohub.RunningHub;
import be.kohub.access.Action;
import be.kohub.access.Role;
import be.kohub.cli.StoryPlayer;

/**
 * The API contract against the real hub: every route it registers is described in
 * {@code GET /openapi.json} and nothing else is; the document is valid OpenAPI 3.1 (swagger-parser
 * and the official JSON Schema); every example validates against its schema, every document
 * example against the SHACL shapes (through {@code POST /validatie}); and every route, called as
 * a client that may, answers a documented status with a body that fits the documented schema.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractTest {
    private static final String DOC = "https://kohub.test/openapi.json";
    private static final Set<String> JSON_TYPES = Set.of("application/json", "application/ld+json", "application/problem+json",
            "application/sparql-results+json");
    private RunningHub hub;
    private JsonNode doc;
    private SchemaRegistry schemas;

    @BeforeAll
    void start() {
        hub = RunningHub.start();
        HttpResponse<String> answer = hub.get("/openapi.json", "application/json");
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        doc = json(answer);
        schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemas(Map.of(DOC, answer.body(), "https://kohub.test/oas-3.1.json", resource("openapi/oas-3.1-schema.json"))));
    }

    @AfterAll
    void stop() {
        hub.close();
    }

    @Test
    void describesEveryRouteTheServerRegistersAndNoOther() {
        Set<String> registered = hub.hub.routes().keySet();
        Set<String> described = OpenApiDocument.describedRoutes(doc);
        Set<String> undescribed = new TreeSet<>(registered);
        undescribed.removeAll(described);
        Set<String> unregistered = new TreeSet<>(described);
        unregistered.removeAll(registered);
        assertTrue(undescribed.isEmpty(), "routes without a description in /openapi.json (add one next to their registration): " + undescribed);
        assertTrue(unregistered.isEmpty(), "described but not served: " + unregistered);
        // the access rule of each route is the one the server enforces
        forEachOperation((route, op) -> {
            Action action = hub.hub.routes().get(route);
            assertEquals(action.name(), op.path(OpenApiDocument.ACTION).asText(), route);
            List<String> roles = new ArrayList<>();
            op.path(OpenApiDocument.ROLES).forEach(r -> roles.add(r.asText()));
            for (Role role : Role.values())
                assertEquals(action.allows(role), roles.contains(role.name().toLowerCase()), route + " " + role);
            boolean optional = false;
            for (JsonNode requirement : op.path("security"))
                optional |= requirement.isEmpty();
            assertEquals(action.allows(Role.PUBLIEK), optional, route + ": a credential is optional exactly on public routes");
            assertTrue(op.path("responses").has("401"), route);
            assertEquals(!action.allows(Role.PUBLIEK), op.path("responses").has("403"), route);
        });
    }

    @Test
    void isValidOpenApi31() {
        assertEquals("3.1.0", doc.path("openapi").asText());
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(doc.toString(), null, options);
        assertNotNull(parsed.getOpenAPI(), String.valueOf(parsed.getMessages()));
        assertTrue(parsed.getMessages().isEmpty(), "swagger-parser: " + parsed.getMessages());
        assertEquals(io.swagger.v3.oas.models.SpecVersion.V31, parsed.getOpenAPI().getSpecVersion());
        List<Error> errors = schemas.getSchema(SchemaLocation.of("https://kohub.test/oas-3.1.json")).validate(doc);
        assertTrue(errors.isEmpty(), "against the OpenAPI 3.1 schema: " + errors);
        // a broken document is caught by the same check: it cannot pass by accident
        var broken = doc.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.at("/paths/~1locaties/post/responses/201")).remove("description");
        assertFalse(schemas.getSchema(SchemaLocation.of("https://kohub.test/oas-3.1.json")).validate(broken).isEmpty());
    }

    private interface OperationCheck {
        void check(String route, JsonNode operation);
    }

    private void forEachOperation(OperationCheck check) {
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
                op -> check.check(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue())));
    }

    private static String resource(String name) {
        try (var in = OpenApiContractTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
