package be.kohub.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import be.kohub.RunningHub;
import be.kohub.access.ApiKeys;
import be.kohub.ingest.DocumentGraphs;
import be.kohub.ingest.DocumentMeta;

/**
 * A small generated set, bulk-loaded into TDB2, served by a real hub: generated documents read
 * and re-post through the API as if the API had stored them, a new request and an assignment for
 * a generated child work and cancel what the assignment covers, and the same seed gives the same bytes.
 */
// Embedded only: the generator bulk-loads a TDB2 directory (a Fuseki store is loaded with its own tools).
@Tag("embedded-only")
class GeneratorTest {
    private static final Settings SETTINGS = new Settings(200, 500, 300, 0.5, 42, "http://localhost:8080", Settings.DEFAULT_AS_OF, 50);
    @TempDir
    static Path temp;
    private static ScaleGenerator.Summary summary;
    private static RunningHub hub;

    @BeforeAll
    static void generateLoadAndServe() throws IOException {
        Path out = temp.resolve("out");
        summary = new ScaleGenerator(SETTINGS).generate(out);
        Path db = temp.resolve("db");
        Tdb2BulkLoad.Loaded loaded = Tdb2BulkLoad.load(out.resolve(ScaleGenerator.QUADS), db, (format, args) -> {});
        assertEquals(summary.quads(), loaded.quads());
        hub = RunningHub.on(db, b -> b.base(SETTINGS.base()).clients(ApiKeys.fromFile(out.resolve(ScaleGenerator.CLIENTS)))
                .identityKey(ScaleGenerator.identityKey(SETTINGS.seed())));
    }

    @AfterAll
    static void stop() {
        if (hub != null)
            hub.close();
    }

    @Test
    void generatesWhatWasAskedFor() {
        assertEquals(300, summary.locations());
        assertEquals(200, summary.children());
        assertEquals(500, summary.requestStatuses().values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(summary.assignments() > 70 && summary.assignments() < 130, "about half the children assigned: " + summary.assignments());
        // The cancellation rule ran: assignments closed other requests of their children.
        assertTrue(summary.requestStatuses().getOrDefault("geannuleerd", 0) > 0, summary.requestStatuses().toString());
        assertTrue(summary.requestStatuses().getOrDefault("toegewezen", 0) > 0, summary.requestStatuses().toString());
    }

    @Test
    void aGeneratedRequestReadsThroughTheApi() {
        ScaleGenerator.Example request = example("aanvraag");
        HttpResponse<String> read = hub.get(path(request.iri()), "application/ld+json", Map.of("Authorization", "Bearer " + key("opgroeien")));
        assertEquals(200, read.statusCode(), read.body());
        JsonNode body = RunningHub.json(read);
        assertEquals(request.body().path("kindcode").asText(), body.path("kindcode").asText());
        assertEquals(meta(request.iri()).etag(), read.headers().firstValue("ETag").orElseThrow().replace("W/", ""));
        assertTrue(read.body().contains(request.body().path("aanvragers").get(0).path("agent").path("familienaam").asText()),
                "beheer sees the applicants from the personal-data graph: " + read.body());
    }

    @Test
    void reposting_a_generated_document_through_the_api_changes_only_its_version() {
        for (String type : List.of("locatie", "aanvraag", "toewijzing")) {
            ScaleGenerator.Example example = example(type);
            Graph before = graph(example.iri());
            long version = meta(example.iri()).version();
            Graph personalBefore = graph(DocumentGraphs.personal(NodeFactory.createURI(example.iri())).getURI());
            HttpResponse<String> repost = hub.postJsonLd(collection(type), key(example.client()), bytes(example.body()));
            assertEquals(200, repost.statusCode(), type + ": " + repost.body());
            assertEquals(example.iri(), RunningHub.json(repost).path("id").asText(), "the hub maps the source's id to the generated IRI");
            assertEquals(version + 1, RunningHub.json(repost).path("versie").asLong());
            assertTrue(graph(example.iri()).isIsomorphicWith(before), type + ": the API stores the same document graph");
            assertTrue(graph(DocumentGraphs.personal(NodeFactory.createURI(example.iri())).getURI()).isIsomorphicWith(personalBefore),
                    type + ": and the same personal data");
        }
    }

    @Test
    void a_new_request_and_an_assignment_for_a_generated_child_cancel_its_covered_requests() {
        OpenChild child = summary.openChildren().get(0);
        ObjectNode request = child.requestBody().deepCopy();
        ((ObjectNode) request.withArray("identificator").get(0)).put("notatie", "TEST-NIEUW-1");
        HttpResponse<String> posted = hub.postJsonLd("/aanvragen", key(child.requestClient()), bytes(request));
        assertEquals(201, posted.statusCode(), posted.body());
        String added = RunningHub.json(posted).path("id").asText();

        ObjectNode assignment = RunningHub.JSON.createObjectNode();
        assignment.put("@context", "https://data.kohub.be/context/v1.jsonld").put("type", "Toewijzing");
        assignment.putArray("identificator").addObject().put("type", "Identificator").put("notatie", "TEST-TW-1");
        assignment.put("kindcode", child.kindcode()).put("vestiging", child.location()).put("startdatum", child.start());
        assignment.set("opvangplan", child.plan());
        assignment.put("aanvraag", child.request());
        HttpResponse<String> assigned = hub.postJsonLd("/toewijzingen", key(child.locationClient()), bytes(assignment));
        assertEquals(201, assigned.statusCode(), assigned.body());

        Map<String, JsonNode> changed = new java.util.HashMap<>();
        RunningHub.json(assigned).path("gewijzigdeAanvragen").forEach(c -> changed.put(c.path("aanvraag").asText(), c));
        assertEquals("toegewezen", changed.get(child.request()).path("naar").asText(), assigned.body());
        assertEquals("geannuleerd", changed.get(added).path("naar").asText(), assigned.body());
        assertEquals("toegewezen-elders", changed.get(added).path("reden").asText());
        HttpResponse<String> cancelled = hub.get(path(added), "application/ld+json", Map.of("Authorization", "Bearer " + key("opgroeien")));
        assertEquals("geannuleerd", RunningHub.json(cancelled).path("status").asText(), cancelled.body());
    }

    @Test
    void the_same_seed_gives_the_same_bytes() throws IOException {
        Path again = temp.resolve("again");
        new ScaleGenerator(SETTINGS).generate(again);
        for (String file : List.of(ScaleGenerator.QUADS, ScaleGenerator.CLIENTS, ScaleGenerator.IDENTITY_KEY, ScaleGenerator.SAMPLES,
                ScaleGenerator.SUMMARY))
            assertEquals(-1, Files.mismatch(temp.resolve("out").resolve(file), again.resolve(file)), file);
    }

    private static ScaleGenerator.Example example(String type) {
        return summary.examples().stream().filter(e -> e.type().equals(type)).findFirst().orElseThrow();
    }

    private static DocumentMeta meta(String iri) {
        return hub.hub.store().read(tx -> DocumentMeta.find(tx, NodeFactory.createURI(iri))).orElseThrow();
    }

    private static Graph graph(String name) {
        return hub.hub.store().read(tx -> tx.graph(NodeFactory.createURI(name)));
    }

    private static String key(String client) {
        return ScaleGenerator.key(SETTINGS.seed(), client);
    }

    private static String collection(String type) {
        return switch (type) {
            case "locatie" -> "/locaties";
            case "aanvraag" -> "/aanvragen";
            default -> "/toewijzingen";
        };
    }

    private static String path(String iri) {
        return iri.substring(SETTINGS.base().length()).replace("/id/aanvraag/", "/aanvragen/");
    }

    private static byte[] bytes(JsonNode body) {
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
