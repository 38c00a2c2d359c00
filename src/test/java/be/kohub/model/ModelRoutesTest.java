package be.kohub.model;

import static be.kohub.RunningHub.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import be.kohub.RunningHub;

/**
 * The published model through a real hub: every URL against the files it publishes (Turtle
 * parses to the files' graph, JSON-LD to the same graph), versioned and current URLs and the
 * headers that tie them, HTML to the specification pages, 404 and 406 as problems; and the
 * changes from the archived shapes 0.1 to the current ones against what the two files say.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelRoutesTest {
    private static final String SH = "http://www.w3.org/ns/shacl#";
    private static final List<String> TYPES = List.of("aanvraag", "locatie", "toewijzing");
    private RunningHub hub;
    private String current;

    @BeforeAll
    void start() throws IOException {
        hub = RunningHub.start();
        current = declaredVersion(Path.of("shapes/locatie.ttl"));
    }

    @AfterAll
    void stop() {
        hub.close();
    }

    @Test
    void theCurrentVersionIsTheOneTheShapesFilesName() throws IOException {
        for (String type : TYPES)
            assertEquals(current, declaredVersion(Path.of("shapes", type + ".ttl")), type);
        Graph index = parse(hub.get("/model", "text/turtle"), Lang.TURTLE);
        assertTrue(index.contains(NodeFactory.createURI(base() + "/model"), OWL.versionInfo.asNode(), NodeFactory.createLiteralString(current)));
        assertTrue(index.contains(NodeFactory.createURI(base() + "/model/" + current), OWL.versionInfo.asNode(), NodeFactory.createLiteralString(current)));
    }

    @Test
    void shapesAreTheFilesInTurtleAndTheSameGraphInJsonLd() throws IOException {
        for (String type : TYPES) {
            Path file = Path.of("shapes", type + ".ttl");
            Graph expected = RDFDataMgr.loadGraph(file.toString());
            for (String path : List.of("/model/shapes/" + type, "/model/" + current + "/shapes/" + type)) {
                HttpResponse<String> turtle = hub.get(path, "text/turtle");
                assertEquals(200, turtle.statusCode(), path);
                assertTrue(turtle.headers().firstValue("Content-Type").orElseThrow().startsWith("text/turtle"));
                assertEquals(Files.readString(file), turtle.body(), path + " is the file as written");
                assertTrue(expected.isIsomorphicWith(parse(turtle, Lang.TURTLE)), path);
                HttpResponse<String> jsonLd = hub.get(path, "application/ld+json");
                assertEquals("application/ld+json", jsonLd.headers().firstValue("Content-Type").orElseThrow());
                assertTrue(expected.isIsomorphicWith(parse(jsonLd, Lang.JSONLD)), path + " as JSON-LD");
                assertTrue(expected.isIsomorphicWith(parse(hub.get(path, null), Lang.JSONLD)), path + " without Accept");
                assertTrue(expected.isIsomorphicWith(parse(hub.get(path, "application/n-triples"), Lang.NTRIPLES)), path + " as N-Triples");
            }
            // Every shape's IRI carries the version.
            expected.find(Node.ANY, RDF.type.asNode(), NodeFactory.createURI(SH + "NodeShape")).forEachRemaining(t ->
                    assertTrue(t.getSubject().getURI().contains("/shapes/" ) && t.getSubject().getURI().contains("/" + current + "#"), t.getSubject().getURI()));
        }
        Graph all = GraphFactory.createDefaultGraph();
        for (String type : TYPES)
            RDFDataMgr.read(all, Path.of("shapes", type + ".ttl").toString());
        assertTrue(all.isIsomorphicWith(parse(hub.get("/model/shapes", "text/turtle"), Lang.TURTLE)));
    }

    @Test
    void theUnversionedUrlNamesItsVersionedTwinAndAnOldVersionTheCurrentOne() throws IOException {
        HttpResponse<String> unversioned = hub.get("/model/shapes/locatie", "text/turtle");
        String versioned = base() + "/model/" + current + "/shapes/locatie";
        assertEquals(versioned, unversioned.headers().firstValue("Content-Location").orElseThrow());
        assertEquals("<" + versioned + ">; rel=\"canonical\"", unversioned.headers().firstValue("Link").orElseThrow());
        assertTrue(unversioned.headers().allValues("Vary").contains("Accept"));
        HttpResponse<String> old = hub.get("/model/0.1/shapes/locatie", "text/turtle");
        assertEquals(200, old.statusCode());
        assertEquals(Files.readString(Path.of("shapes/versies/0.1/locatie.ttl")), old.body());
        assertEquals("<" + base() + "/model/shapes/locatie>; rel=\"latest-version\"", old.headers().firstValue("Link").orElseThrow());
        assertTrue(old.headers().firstValue("Content-Location").isEmpty());
        assertFalse(RDFDataMgr.loadGraph("shapes/versies/0.1/locatie.ttl").isIsomorphicWith(parse(unversioned, Lang.TURTLE)));
    }

    @Test
    void theOntologyIsItsFilesAndEachCodeListItsSchemeAndConcepts() throws IOException {
        Graph ontology = GraphFactory.createDefaultGraph();
        Graph codeLists = GraphFactory.createDefaultGraph();
        try (Stream<Path> files = Files.walk(Path.of("ontology"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ttl")).toList())
                RDFDataMgr.read(file.getParent().getFileName().toString().equals("codelijsten") ? codeLists : ontology, file.toString());
        }
        for (String path : List.of("/model/ontologie", "/model/" + current + "/ontologie")) {
            assertTrue(ontology.isIsomorphicWith(parse(hub.get(path, "text/turtle"), Lang.TURTLE)), path);
            assertTrue(ontology.isIsomorphicWith(parse(hub.get(path, "application/ld+json"), Lang.JSONLD)), path);
        }
        assertTrue(codeLists.isIsomorphicWith(parse(hub.get("/model/codelijsten", "text/turtle"), Lang.TURTLE)));
        Graph everything = GraphFactory.createDefaultGraph();
        ontology.find().forEachRemaining(everything::add);
        codeLists.find().forEachRemaining(everything::add);
        List<Node> schemes = everything.find(Node.ANY, RDF.type.asNode(), SKOS.ConceptScheme.asNode()).mapWith(Triple::getSubject).toList();
        assertTrue(schemes.size() > 10, schemes.toString());
        for (Node scheme : schemes) {
            Graph expected = GraphFactory.createDefaultGraph();
            everything.find(scheme, Node.ANY, Node.ANY).forEachRemaining(expected::add);
            everything.find(Node.ANY, SKOS.inScheme.asNode(), scheme).forEachRemaining(t ->
                    everything.find(t.getSubject(), Node.ANY, Node.ANY).forEachRemaining(expected::add));
            String name = scheme.getURI().substring(scheme.getURI().lastIndexOf('/') + 1);
            HttpResponse<String> served = hub.get("/model/codelijsten/" + name, "text/turtle");
            assertEquals(200, served.statusCode(), name);
            assertTrue(expected.isIsomorphicWith(parse(served, Lang.TURTLE)), name);
            assertTrue(expected.isIsomorphicWith(parse(hub.get("/model/" + current + "/codelijsten/" + name, "application/ld+json"), Lang.JSONLD)), name);
        }
        assertProblem(hub.get("/model/codelijsten/bestaat-niet", "text/turtle"), 404);
    }

    @Test
    void framesAreTheFramesTheHubAnswersWith() throws IOException {
        for (String type : TYPES) {
            HttpResponse<String> frame = hub.get("/model/frames/" + type, "application/ld+json");
            assertEquals(200, frame.statusCode(), type);
            assertEquals(RunningHub.JSON.readTree(Path.of("src/main/resources/frames", type + ".json").toFile()), json(frame));
            assertEquals(json(frame), json(hub.get("/model/" + current + "/frames/" + type, "application/json")));
            assertProblem(hub.get("/model/frames/" + type, "text/turtle"), 406);
        }
        assertProblem(hub.get("/model/frames/kinderopvang", null), 404);
    }

    @Test
    void htmlGoesToTheSpecificationPages() {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        assertRedirect(hub.get("/model", browser), base() + "/specificatie");
        assertRedirect(hub.get("/model/" + current, browser), base() + "/specificatie");
        for (String type : TYPES) {
            assertRedirect(hub.get("/model/shapes/" + type, browser), base() + "/specificatie/" + type);
            assertRedirect(hub.get("/model/" + current + "/shapes/" + type, "text/html"), base() + "/specificatie/" + type);
        }
        // An archived version has no specification page: its changes to the current one.
        assertRedirect(hub.get("/model/0.1/shapes/locatie", "text/html"), base() + "/model/wijzigingen?sinds=0.1");
        // Where there is no page, a browser gets RDF.
        HttpResponse<String> ontology = hub.get("/model/ontologie", browser);
        assertEquals(200, ontology.statusCode());
        assertEquals("application/ld+json", ontology.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void unknownVersionsTypesAndFormatsAreProblems() {
        assertProblem(hub.get("/model/9.9/shapes/locatie", "text/turtle"), 404);
        assertProblem(hub.get("/model/latest", "text/turtle"), 404);
        assertProblem(hub.get("/model/shapes/kinderopvang", "text/turtle"), 404);
        assertProblem(hub.get("/model/0.1/shapes/aanvraag", "text/turtle"), 404);
        assertProblem(hub.get("/model/0.1/ontologie", "text/turtle"), 404);
        assertProblem(hub.get("/model/0.1/frames/locatie", null), 404);
        assertProblem(hub.get("/model/shapes/locatie", "application/pdf"), 406);
        assertProblem(hub.get("/model", "image/png"), 406);
        assertProblem(hub.get("/model/ontologie", "text/html"), 406);
    }

    @Test
    void theIndexListsEveryPartAndEachIsServed() {
        HttpResponse<String> jsonLd = hub.get("/model", "application/ld+json");
        assertEquals(200, jsonLd.statusCode());
        assertEquals("dcat:Catalog", json(jsonLd).get("@type").asText());
        Graph index = parse(jsonLd, Lang.JSONLD);
        assertTrue(index.isIsomorphicWith(parse(hub.get("/model", "text/turtle"), Lang.TURTLE)));
        Node accessUrl = NodeFactory.createURI("http://www.w3.org/ns/dcat#accessURL");
        List<String> urls = index.find(Node.ANY, accessUrl, Node.ANY).mapWith(t -> t.getObject().getURI()).toList();
        Set<String> expected = new TreeSet<>();
        for (String type : TYPES) {
            expected.add(base() + "/model/" + current + "/shapes/" + type);
            expected.add(base() + "/model/" + current + "/frames/" + type);
        }
        expected.add(base() + "/model/0.1/shapes/locatie");
        expected.add(base() + "/model/" + current + "/ontologie");
        expected.add(base() + "/model/" + current + "/codelijsten/opvangvorm");
        expected.add(base() + "/context/v1.jsonld");
        assertTrue(urls.containsAll(expected), urls.toString());
        for (String url : urls) {
            HttpResponse<String> part = hub.get(url.substring(base().length()), "application/ld+json");
            assertEquals(200, part.statusCode(), url);
        }
        Graph versionOnly = parse(hub.get("/model/0.1", "text/turtle"), Lang.TURTLE);
        assertFalse(versionOnly.contains(Node.ANY, accessUrl, NodeFactory.createURI(base() + "/model/" + current + "/ontologie")));
        assertTrue(versionOnly.contains(Node.ANY, accessUrl, NodeFactory.createURI(base() + "/model/0.1/shapes/locatie")));
    }

    @Test
    void theChangesSinceTheArchivedVersionAreWhatTheTwoFilesSay() throws IOException {
        HttpResponse<String> answer = hub.get("/model/wijzigingen?sinds=0.1", "application/json");
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode body = json(answer);
        assertEquals("0.1", body.get("from").asText());
        assertEquals(current, body.get("to").asText());
        assertTrue(body.get("changes").size() > 0);
        assertEquals(body, json(hub.get("/model/wijzigingen?van=0.1&naar=" + current, null)));
        assertEquals(body, json(hub.get("/model/wijzigingen", null)), "without parameters: from the version before the current one");

        // Derived here from the files: which of 0.1's shapes are no longer the same graph, and which shapes are new.
        String oldText = Files.readString(Path.of("shapes/versies/0.1/locatie.ttl"));
        Graph old = graph(oldText);
        Map<String, Graph> now = Map.of();
        Graph currentShapes = GraphFactory.createDefaultGraph();
        for (String type : TYPES)
            RDFParser.fromString(Files.readString(Path.of("shapes", type + ".ttl")).replace("/" + current + "#", "#"), Lang.TURTLE).parse(currentShapes);
        Set<String> changed = new TreeSet<>();
        Set<String> added = new TreeSet<>();
        for (Node shape : namedShapes(currentShapes)) {
            if (!old.contains(shape, RDF.type.asNode(), NodeFactory.createURI(SH + "NodeShape")))
                added.add(local(shape));
            else if (!description(old, shape).isIsomorphicWith(description(currentShapes, shape)))
                changed.add(local(shape));
        }
        assertFalse(changed.isEmpty());
        Set<String> reportedChanged = new TreeSet<>();
        Set<String> reportedAdded = new TreeSet<>();
        for (JsonNode change : body.get("changes")) {
            String shape = change.get("shape").asText();
            if (change.get("constraint").asText().equals("vorm") && change.get("change").asText().equals("added")) {
                reportedAdded.add(shape);
                assertFalse(change.get("breaking").asBoolean(), shape + " targets nothing 0.1 knew");
            } else {
                reportedChanged.add(shape);
            }
        }
        assertEquals(changed, reportedChanged);
        assertEquals(added, reportedAdded);

        // The KBO check number rule: 0.1's query used xsd: without declaring it, so it could not run.
        String oldQuery = sparqlSelect(old, "KboNummerShape");
        assertThrows(QueryParseException.class, () -> QueryFactory.create(oldQuery));
        JsonNode kbo = find(body, "locatie#KboNummerShape", "sh:sparql");
        assertEquals("changed", kbo.get("change").asText());
        assertTrue(kbo.get("breaking").asBoolean());
        assertTrue(kbo.get("note").asText().contains("xsd"), kbo.toString());
        assertTrue(kbo.get("old").asText().contains("xsd:integer(SUBSTR"));
        // Its Dutch message was corrected ("foute" to "fout"): wording only.
        JsonNode wording = find(body, "locatie#KboNummerShape", "sh:sparql/sh:message");
        assertEquals("wording", wording.get("change").asText());
        assertFalse(wording.get("breaking").asBoolean());
        assertTrue(wording.get("old").asText().contains("foute controlegetal") && wording.get("new").asText().contains("fout controlegetal"));
        assertEquals(body.get("breaking").asLong(), count(body, true));
        assertEquals(body.get("nonBreaking").asLong(), count(body, false));
    }

    @Test
    void theChangesPageIsHtmlForTheWorkingGroup() {
        HttpResponse<String> page = hub.get("/model/wijzigingen?sinds=0.1", "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        JsonNode json = json(hub.get("/model/wijzigingen?sinds=0.1", "application/json"));
        for (JsonNode change : json.get("changes"))
            assertTrue(page.body().contains(change.get("shape").asText()), change.toString());
        assertTrue(page.body().contains("<strong>" + json.get("breaking").asLong() + "</strong> brekend"));
        assertFalse(page.body().contains("<script"));
        // The query text is escaped, not markup.
        assertTrue(page.body().contains("&lt;http://www.w3.org/2004/02/skos/core#notation&gt;"));
    }

    @Test
    void badChangesParametersAreProblems() {
        assertProblem(hub.get("/model/wijzigingen?sinds=7.7", null), 404);
        assertProblem(hub.get("/model/wijzigingen?van=" + current + "&naar=0.1", null), 400);
        assertProblem(hub.get("/model/wijzigingen?sinds=0.1&van=0.1", null), 400);
        assertProblem(hub.get("/model/wijzigingen?sinds=0.1", "text/turtle"), 406);
        assertEquals(0, json(hub.get("/model/wijzigingen?van=0.1&naar=0.1", null)).get("changes").size());
    }

    @Test
    void validationNamesTheVersionOfTheShapeThatFired() {
        HttpResponse<String> answer = hub.post("/validatie", null, "application/ld+json",
                RunningHub.sample("conformiteit/locatie/ongeldig/postcode-drie-cijfers.jsonld"));
        JsonNode problem = json(answer).get("problems").get(0);
        assertEquals("https://data.kohub.be/shapes/locatie/" + current + "#AdresShape/postcode", problem.get("shape").asText());
    }

    private String base() {
        return hub.hub.base();
    }

    private static String declaredVersion(Path file) {
        Graph graph = RDFDataMgr.loadGraph(file.toString());
        return graph.find(Node.ANY, OWL.versionInfo.asNode(), Node.ANY).next().getObject().getLiteralLexicalForm();
    }

    private static Graph parse(HttpResponse<String> response, Lang lang) {
        assertEquals(200, response.statusCode(), response.body());
        return graph(response.body(), lang);
    }

    private static Graph graph(String text) {
        return graph(text, Lang.TURTLE);
    }

    private static Graph graph(String text, Lang lang) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(text, lang).parse(graph);
        return graph;
    }

    private static List<Node> namedShapes(Graph graph) {
        return graph.find(Node.ANY, RDF.type.asNode(), NodeFactory.createURI(SH + "NodeShape")).mapWith(Triple::getSubject)
                .filterKeep(Node::isURI).toList();
    }

    /** A shape with everything its blank nodes say: its concise bounded description. */
    private static Graph description(Graph graph, Node shape) {
        Graph description = GraphFactory.createDefaultGraph();
        List<Node> todo = new ArrayList<>(List.of(shape));
        while (!todo.isEmpty())
            graph.find(todo.remove(0), Node.ANY, Node.ANY).forEachRemaining(t -> {
                description.add(t);
                if (t.getObject().isBlank())
                    todo.add(t.getObject());
            });
        return description;
    }

    private static String local(Node shape) {
        String iri = shape.getURI();
        String document = iri.substring(0, iri.indexOf('#'));
        return document.substring(document.lastIndexOf('/') + 1) + iri.substring(iri.indexOf('#'));
    }

    private static String sparqlSelect(Graph graph, String shapeName) {
        Node shape = namedShapes(graph).stream().filter(s -> s.getURI().endsWith("#" + shapeName)).findFirst().orElseThrow();
        Node constraint = graph.find(shape, NodeFactory.createURI(SH + "sparql"), Node.ANY).next().getObject();
        return graph.find(constraint, NodeFactory.createURI(SH + "select"), Node.ANY).next().getObject().getLiteralLexicalForm();
    }

    private static JsonNode find(JsonNode body, String shape, String constraint) {
        for (JsonNode change : body.get("changes"))
            if (change.get("shape").asText().equals(shape) && change.get("constraint").asText().equals(constraint))
                return change;
        throw new AssertionError("no change of " + constraint + " at " + shape + " in " + body);
    }

    private static long count(JsonNode body, boolean breaking) {
        long n = 0;
        for (JsonNode change : body.get("changes"))
            if (change.get("breaking").asBoolean() == breaking)
                n++;
        return n;
    }

    private static void assertRedirect(HttpResponse<String> response, String location) {
        assertEquals(303, response.statusCode(), response.body());
        assertEquals(location, response.headers().firstValue("Location").orElseThrow());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertNotNull(json(response).get("title"));
    }
}
