package be.kohub.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import be.kohub.Errors.ProblemType;
import be.kohub.access.Action;
import be.kohub.access.Role;

/**
 * Builds the OpenAPI 3.1 document from the code: the routes the server registered (with the
 * access action each carries, which gives its security and roles) and the descriptions the route
 * classes wrote next to their registrations; the JSON Schemas of the bodies come from
 * {@code openapi/schemas.yaml} and the introduction from {@code openapi/inleiding.md}.
 * Serialised with swagger-core's 3.1 mapper. A route without a description is left out and a
 * description without a route is kept, so that the contract test finds both.
 */
public final class OpenApiDocument {
    public static final String ACTION = "x-kohub-actie";
    public static final String ROLES = "x-kohub-rollen";
    private static final List<ProblemType> EVERY_ROUTE = List.of(ProblemType.NIET_AANGEMELD, ProblemType.TE_VEEL_POGINGEN);

    private OpenApiDocument() {}

    /**
     * @param base       the hub's public base URL (the server of the document, and the base of example IRIs)
     * @param routes     every route as "METHOD path" with its action ({@code Hub.routes()})
     * @param describers the {@code describe} methods of the route classes
     */
    public static ObjectNode build(String base, Map<String, Action> routes, List<Consumer<ApiDescription>> describers,
                                   Supplier<LocalDate> today) {
        ApiDescription api = new ApiDescription(new Examples(base, today));
        describers.forEach(d -> d.accept(api));
        OpenAPI doc = new OpenAPI(SpecVersion.V31).openapi("3.1.0")
                .info(new Info().title("kohub — child care data exchange").version("1")
                        .description(Examples.read("openapi/inleiding.md"))
                        .license(new License().name("EUPL-1.2").identifier("EUPL-1.2")))
                .servers(List.of(new Server().url(base)))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("`Authorization: Bearer <API key or OIDC access token>` (docs/credentials.md)."))
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key").description("The API key in its own header.")));
        Paths paths = new Paths();
        for (OperationDoc described : api.operations().values()) {
            Action action = routes.get(described.key());
            Operation operation = described.build(operationId(described), accessProblems(action));
            if (action != null)
                secure(operation, action);
            PathItem item = paths.computeIfAbsent(described.path, p -> new PathItem());
            item.operation(PathItem.HttpMethod.valueOf(described.method), operation);
        }
        doc.paths(paths);
        ObjectNode json = Json31.mapper().valueToTree(doc);
        ((ObjectNode) json.get("components")).set("schemas", schemas());
        return json;
    }

    private static List<ProblemType> accessProblems(Action action) {
        List<ProblemType> problems = new ArrayList<>(EVERY_ROUTE);
        if (action == null || !action.allows(Role.PUBLIEK))
            problems.add(ProblemType.GEEN_TOEGANG);
        return problems;
    }

    /** Who may call it, from the route's action: public routes take a credential optionally. */
    private static void secure(Operation operation, Action action) {
        List<String> roles = Arrays.stream(Role.values()).filter(action::allows).map(r -> r.name().toLowerCase()).toList();
        List<SecurityRequirement> security = new ArrayList<>();
        if (action.allows(Role.PUBLIEK))
            security.add(new SecurityRequirement());
        security.add(new SecurityRequirement().addList("bearer"));
        security.add(new SecurityRequirement().addList("apiKey"));
        operation.security(security);
        operation.addExtension(ACTION, action.name());
        operation.addExtension(ROLES, roles);
        String access = action.allows(Role.PUBLIEK) ? "**Access:** public, no key needed (action `" + action.name() + "`)."
                : "**Access:** roles " + String.join(", ", roles) + " (action `" + action.name() + "`).";
        operation.description(operation.getDescription() == null ? access : operation.getDescription() + "\n\n" + access);
    }

    private static String operationId(OperationDoc doc) {
        return doc.method.toLowerCase() + Arrays.stream(doc.path.split("[^A-Za-z0-9]+")).filter(s -> !s.isEmpty())
                .map(s -> Character.toUpperCase(s.charAt(0)) + s.substring(1)).reduce("", String::concat);
    }

    private static JsonNode schemas() {
        try {
            return new YAMLMapper().readTree(Examples.read("openapi/schemas.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The route keys the document describes ("METHOD path"), for the contract test and the start-up check. */
    public static java.util.Set<String> describedRoutes(JsonNode document) {
        java.util.Set<String> keys = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> keys.add(m.toUpperCase() + " " + p.getKey())));
        return keys;
    }
}
