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

    @Test
    void everyExampleFitsItsSchema() {
        List<String> failures = new ArrayList<>();
        int[] checked = {0};
        forEachOperation((route, op) -> forEachExample(op, (where, mediaType, schemaRef, example) -> {
            if (!JSON_TYPES.contains(mediaType) || schemaRef == null)
                return;
            List<Error> errors = schema(schemaRef).validate(example.get("value"));
            checked[0]++;
            if (!errors.isEmpty())
                failures.add(route + " " + where + " " + mediaType + " " + example.path(Examples.SOURCE).asText() + ": " + errors);
        }));
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(checked[0] >= 20, "examples checked: " + checked[0]);
        // the schemas are not empty promises: an answer without its fields does not fit
        assertFalse(schema("#/components/schemas/Problem").validate(JSON.createObjectNode()).isEmpty());
        assertFalse(schema("#/components/schemas/Geschreven").validate(JSON.createObjectNode().put("id", "x")).isEmpty());
    }

    @Test
    void documentExamplesConformToTheShapesAndInvalidOnesFailAsExpected() throws IOException {
        List<String> failures = new ArrayList<>();
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        forEachOperation((route, op) -> forEachExample(op, (where, mediaType, schemaRef, example) -> {
            if (where.equals("request") && mediaType.equals("application/ld+json"))
                documents.put(example.path(Examples.SOURCE).asText(), example.get("value"));
        }));
        assertTrue(documents.keySet().containsAll(List.of("sample-data/locaties/gent-kdv-de-knuffelboom.jsonld",
                "sample-data/familieverhaal/03-aanvraag-gent.jsonld", "sample-data/familieverhaal/08-toewijzing-genk.jsonld")), documents.keySet().toString());
        for (var document : documents.entrySet()) {
            HttpResponse<String> answer = hub.post("/validatie", null, "application/ld+json", document.getValue().toString().getBytes(StandardCharsets.UTF_8));
            assertEquals(200, answer.statusCode(), document.getKey() + ": " + answer.body());
            JsonNode result = json(answer);
            boolean invalid = document.getKey().contains("/ongeldig/");
            if (result.get("conforms").asBoolean() == invalid)
                failures.add(document.getKey() + (invalid ? " conforms, but is an invalid example" : " does not conform: " + result.get("problems")));
            if (invalid) {
                // an invalid example of the conformance pack: its manifest names the paths of its problems
                Path file = Path.of(document.getKey());
                Path typeFolder = file.getParent().getParent();
                String entry = typeFolder.relativize(file).toString();
                List<String> expected = new ArrayList<>();
                for (JsonNode example : JSON.readTree(typeFolder.resolve("manifest.json").toFile()).get("ongeldig"))
                    if (example.get("bestand").asText().equals(entry))
                        example.get("verwacht").forEach(v -> expected.add(v.path("path").asText()));
                List<String> named = new ArrayList<>();
                result.get("problems").forEach(problem -> named.add(problem.path("path").asText()));
                if (expected.isEmpty() || !named.containsAll(expected))
                    failures.add(document.getKey() + ": the problems do not name " + expected + ": " + result.get("problems"));
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** The answers shown for POST /validatie are what it answers for the same sample documents. */
    @Test
    void validationAnswerExamplesAreWhatTheHubAnswers() {
        JsonNode examples = doc.at("/paths/~1validatie/post/responses/200/content/application~1json/examples");
        Map<String, String> inputs = Map.of("validatie-conform", "locaties/gent-kdv-de-rups.jsonld",
                "validatie-schending", "conformiteit/locatie/ongeldig/postcode-drie-cijfers.jsonld");
        assertEquals(inputs.keySet(), toSet(examples.fieldNames()));
        inputs.forEach((name, sample) -> {
            JsonNode live = json(hub.postJsonLd("/validatie", null, RunningHub.sample(sample)));
            JsonNode shown = examples.get(name).get("value");
            assertEquals(live.get("conforms"), shown.get("conforms"), name);
            assertEquals(live.get("problems"), shown.get("problems"), name);
        });
    }

    /**
     * Every route, called as a client whose role may (anonymous for public routes) with the
     * documented example body filled in with live values, answers a documented status, and its
     * body fits the documented schema for that status and media type.
     */
    @Test
    void everyRouteAnswersAsDescribed() {
        Map<String, String> locations = hub.loadSampleLocations();
        Map<String, String> keys = new HashMap<>();
        for (String client : List.of("opgroeien", "opgroeien-analist", "llko-gent", "llko-hasselt", "ko-stad-gent", "ko-kinderkorf-limburg"))
            keys.put(client, key(client));
        StoryPlayer story = new StoryPlayer(hub.url(""), keys, locations);
        story.play(RunningHub.SAMPLES.resolve("familieverhaal")).forEach(step -> assertTrue(step.asExpected(), step.toString()));
        Map<String, String> kept = story.kept();
        HttpResponse<String> subscribed = hub.post("/abonnementen", key("llko-gent"), "application/json",
                "{\"callbackUrl\": \"https://198.51.100.7/kohub\", \"gebeurtenistypes\": [\"locatie.ingetrokken\"]}".getBytes(StandardCharsets.UTF_8));
        assertEquals(201, subscribed.statusCode(), subscribed.body());
        HttpResponse<String> client = hub.post("/beheer/clients", key("opgroeien"), "application/json",
                "{\"name\": \"contract-test\", \"role\": \"ko\", \"organisator\": \"0299541641\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(201, client.statusCode(), client.body());
        Map<String, String> ids = new HashMap<>(Map.of("locaties", last(locations.get("gent-kdv-de-knuffelboom")),
                "aanvragen", last(kept.get("aanvraag-gent")), "toewijzingen", last(kept.get("toewijzing-genk")),
                "abonnementen", json(subscribed).get("id").asText(), "kindcodes", kept.get("kindcode"), "kinderen", kept.get("kindcode"),
                "clients", "contract-test", "pagina", "1"));
        // live values for what the examples show: the sample locations' IRIs, the story's child code
        Examples shown = new Examples(hub.hub.base(), LocalDate::now);
        Map<String, String> live = new LinkedHashMap<>();
        locations.forEach((name, iri) -> live.put(shown.locationIri(name), iri));
        live.put(Examples.CHILD_CODE, kept.get("kindcode"));

        List<String> failures = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> operations = new ArrayList<>();
        forEachOperation((route, op) -> operations.add(Map.entry(route, op)));
        // deletions last, the child's erasure at the very end
        operations.sort(java.util.Comparator.comparing((Map.Entry<String, JsonNode> e) -> e.getKey().startsWith("DELETE /kinderen") ? 2
                : e.getKey().startsWith("DELETE") ? 1 : 0));
        for (var entry : operations) {
            String route = entry.getKey();
            JsonNode op = entry.getValue();
            String method = route.split(" ")[0];
            String caller = caller(hub.hub.routes().get(route));
            String path = fillPath(route.split(" ", 2)[1], ids, op);
            String query = query(op, live);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Accept", accept(op));
            if (requiredHeader(op, "If-Match"))
                headers.put("If-Match", hub.send("GET", path, caller == null ? null : key(caller), null, null, Map.of())
                        .headers().firstValue("ETag").orElseThrow());
            String contentType = null;
            byte[] body = null;
            JsonNode requestContent = op.at("/requestBody/content");
            if (!requestContent.isMissingNode()) {
                var first = requestContent.fields().next();
                contentType = first.getKey();
                JsonNode example = first.getValue().path("examples").elements().hasNext() ? first.getValue().path("examples").elements().next() : null;
                body = (example == null ? "{}" : fill(read(example.path(Examples.SOURCE).asText()), locations, kept.get("kindcode"))).getBytes(StandardCharsets.UTF_8);
            }
            HttpResponse<String> answer = hub.send(method, path + query, caller == null ? null : key(caller), contentType, body, headers);
            String status = Integer.toString(answer.statusCode());
            JsonNode response = op.path("responses").path(status);
            if (response.isMissingNode()) {
                failures.add(route + " as " + caller + ": undocumented status " + status + ": " + answer.body());
                continue;
            }
            if (answer.statusCode() >= 300)
                refused.add(route + " " + status);
            // what a POST created is what the next routes use (e.g. an open request to cancel)
            String created = answer.statusCode() == 201 ? answer.headers().firstValue("Location").orElse("") : "";
            if (created.matches("^/[a-z]+/[^/]+$"))
                ids.put(created.split("/")[1], created.split("/")[2]);
            String type = answer.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
            if (answer.body().isEmpty())
                continue;
            JsonNode media = response.path("content").path(type);
            if (media.isMissingNode()) {
                failures.add(route + ": " + status + " answered " + type + ", documented " + toSet(response.path("content").fieldNames()));
                continue;
            }
            String ref = media.path("schema").path("$ref").asText(null);
            if (ref != null && JSON_TYPES.contains(type)) {
                List<Error> errors = schema(ref).validate(json(answer));
                if (!errors.isEmpty())
                    failures.add(route + ": " + status + " does not fit " + ref + ": " + errors);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        // the calls really reach the routes: every one succeeds, but accepting or refusing an assignment the
        // organiser made directly (not proposed), which is a conflict
        List<String> expected = new java.util.ArrayList<>(List.of("POST /toewijzingen/{id}/aanvaarding 409", "POST /toewijzingen/{id}/weigering 409"));
        if (be.kohub.TestStores.remote())
            expected.add("POST /beheer/backup 409"); // a remote store is backed up by its own server
        assertEquals(expected.stream().sorted().toList(), refused.stream().sorted().toList(), "refused calls");
    }

    private static String caller(Action action) {
        if (action.allows(Role.PUBLIEK))
            return null;
        for (String client : List.of("opgroeien", "llko-gent", "ko-stad-gent", "opgroeien-analist"))
            if (action.allows(roleOf(client)))
                return client;
        throw new IllegalStateException("no demo client may " + action);
    }

    private static Role roleOf(String client) {
        return switch (client) {
            case "opgroeien" -> Role.BEHEER;
            case "opgroeien-analist" -> Role.ANALIST;
            default -> client.startsWith("llko") ? Role.LLKO : Role.KO;
        };
    }

    private static String fillPath(String template, Map<String, String> ids, JsonNode op) {
        Matcher m = Pattern.compile("([^/]+)/\\{([^}]+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = ids.get(m.group(1));
            if (value == null)
                for (JsonNode p : op.path("parameters"))
                    if (p.path("in").asText().equals("path") && p.path("name").asText().equals(m.group(2)))
                        value = p.path("example").asText(null);
            assertNotNull(value, "no value for " + m.group() + " in " + template);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "/" + value));
        }
        return m.appendTail(out).toString();
    }

    private static String query(JsonNode op, Map<String, String> live) {
        List<String> pairs = new ArrayList<>();
        for (JsonNode p : op.path("parameters"))
            if (p.path("in").asText().equals("query") && p.has("example"))
                pairs.add(p.get("name").asText() + "=" + URLEncoder.encode(live.getOrDefault(p.get("example").asText(), p.get("example").asText()),
                        StandardCharsets.UTF_8));
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static String accept(JsonNode op) {
        var responses = op.path("responses").fields();
        while (responses.hasNext()) {
            var r = responses.next();
            if (r.getKey().startsWith("2") && r.getValue().path("content").fieldNames().hasNext())
                return r.getValue().path("content").fieldNames().next();
        }
        return "*/*";
    }

    private static boolean requiredHeader(JsonNode op, String name) {
        for (JsonNode p : op.path("parameters"))
            if (p.path("in").asText().equals("header") && p.path("name").asText().equals(name) && p.path("required").asBoolean())
                return true;
        return false;
    }

    /** The example's file with live values, as StoryPlayer fills the story's files. */
    private String fill(String text, Map<String, String> locations, String childCode) {
        Matcher m = Pattern.compile("\\{\\{([a-z-]+)(?::([^}]+))?}}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "datum" -> LocalDate.now().plusDays(Long.parseLong(m.group(2).replace("+", ""))).toString();
                case "kindcode" -> childCode;
                case "locatie" -> locations.get(m.group(2));
                case "basis" -> hub.hub.base();
                default -> throw new IllegalStateException("no live value for " + m.group());
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    private static String read(String source) {
        if (source.startsWith("sample-data/"))
            try {
                return Files.readString(Path.of(source));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        return resource(source);
    }

    private static String last(String iri) {
        return iri.substring(iri.lastIndexOf('/') + 1);
    }

    private static Set<String> toSet(java.util.Iterator<String> names) {
        Set<String> set = new TreeSet<>();
        names.forEachRemaining(set::add);
        return set;
    }

    private Schema schema(String ref) {
        return schemas.getSchema(SchemaLocation.of(DOC + ref));
    }

    private interface ExampleCheck {
        void check(String where, String mediaType, String schemaRef, JsonNode example);
    }

    /** Every example of an operation: of its request body ("request") and of each answer (its status). */
    private static void forEachExample(JsonNode op, ExampleCheck check) {
        Map<String, JsonNode> contents = new LinkedHashMap<>();
        contents.put("request", op.at("/requestBody/content"));
        op.path("responses").fields().forEachRemaining(r -> contents.put(r.getKey(), r.getValue().path("content")));
        contents.forEach((where, content) -> content.fields().forEachRemaining(media -> media.getValue().path("examples").elements()
                .forEachRemaining(example -> check.check(where, media.getKey(), media.getValue().path("schema").path("$ref").asText(null), example))));
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
