package be.kohub.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.topbraid.shacl.validation.ValidationUtil;
import org.topbraid.shacl.vocabulary.SH;

import be.kohub.RunningHub;

/**
 * {@code GET /catalogus} on a real hub whose base has a path, so that every relative IRI of
 * catalog/catalogus.ttl must resolve under it: the same graph in Turtle and JSON-LD, the datasets,
 * the LDES streams and SPARQL endpoints with their access rights, and the mandatory properties of
 * DCAT-AP VL (catalog/dcat-ap-vl-shapes.ttl).
 */
class CatalogTest {
    static final String BASE = "https://kohub.example.be/opvang";
    static final String LDES = "https://w3id.org/ldes/specification";
    static final String SPARQL = "https://www.w3.org/TR/sparql11-protocol/";
    static final Node PUBLIC = NodeFactory.createURI("http://publications.europa.eu/resource/authority/access-right/PUBLIC");
    static final Node NON_PUBLIC = NodeFactory.createURI("http://publications.europa.eu/resource/authority/access-right/NON_PUBLIC");
    static RunningHub hub;
    static Graph turtle;

    @BeforeAll
    static void start() {
        hub = RunningHub.start(b -> b.base(BASE));
        HttpResponse<String> answer = hub.get("/catalogus", "text/turtle");
        assertEquals(200, answer.statusCode(), answer.body());
        turtle = parse(answer.body(), Lang.TURTLE);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void turtleAndJsonLdAreTheSameGraph() {
        HttpResponse<String> jsonld = hub.get("/catalogus", null);
        assertEquals(200, jsonld.statusCode(), jsonld.body());
        assertEquals("application/ld+json", jsonld.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("Accept", jsonld.headers().firstValue("Vary").orElseThrow());
        // The JSON-LD carries its context inline: reading it fetches nothing.
        assertTrue(RunningHub.json(jsonld).get("@context").isObject());
        Graph fromJsonLd = parse(jsonld.body(), Lang.JSONLD11);
        assertTrue(fromJsonLd.isIsomorphicWith(turtle), () -> "JSON-LD and Turtle differ: " + difference(fromJsonLd, turtle));
        HttpResponse<String> ntriples = hub.get("/catalogus", "application/n-triples");
        assertTrue(parse(ntriples.body(), Lang.NTRIPLES).isIsomorphicWith(turtle), "N-Triples and Turtle differ");
    }

    @Test
    void everyIriOfTheCatalogAndEveryEndpointIsUnderTheHubsBase() {
        Node catalog = NodeFactory.createURI(BASE + "/catalogus");
        assertTrue(turtle.contains(catalog, RDF.type.asNode(), DCAT.Catalog.asNode()));
        for (Node type : List.of(DCAT.Catalog.asNode(), DCAT.Dataset.asNode(), DCAT.Distribution.asNode(), DCAT.DataService.asNode()))
            for (Node resource : subjects(RDF.type.asNode(), type)) {
                assertTrue(resource.isURI() && resource.getURI().startsWith(BASE + "/catalogus"), resource.toString());
                assertEquals(List.of(resource.getURI()), objects(resource, DCTerms.identifier.asNode()).stream()
                        .map(Node::getLiteralLexicalForm).toList(), "the identifier of " + resource);
            }
        List<Node> endpoints = new ArrayList<>();
        for (Node property : List.of(DCAT.accessURL.asNode(), DCAT.endpointURL.asNode(), DCAT.downloadURL.asNode(), DCAT.landingPage.asNode()))
            turtle.find(Node.ANY, property, Node.ANY).forEachRemaining(t -> endpoints.add(t.getObject()));
        assertFalse(endpoints.isEmpty());
        Set<String> routes = hub.hub.routes().keySet();
        for (Node endpoint : endpoints) {
            assertTrue(endpoint.getURI().startsWith(BASE + "/"), endpoint.toString());
            String path = endpoint.getURI().substring(BASE.length());
            // A collection whose members the hub serves (GET /toewijzingen/{id}) counts, and so does a
            // route one only posts to (POST /abonnementen). Everything else must be a route of this hub.
            boolean served = routes.contains("GET " + path) || routes.contains("POST " + path)
                    || routes.stream().anyMatch(r -> r.startsWith("GET " + path + "/{"));
            assertTrue(served, "the catalog names " + path + ", which the hub does not serve");
        }
    }

    @Test
    void catalogHasTheDatasetsTheLdesStreamsAndTheSparqlEndpoints() {
        Node catalog = NodeFactory.createURI(BASE + "/catalogus");
        Set<String> datasets = new TreeSet<>();
        objects(catalog, DCAT.dataset.asNode()).forEach(d -> datasets.add(d.getURI()));
        assertEquals(Set.of(BASE + "/catalogus#locaties", BASE + "/catalogus#model", BASE + "/catalogus#aanvragen",
                BASE + "/catalogus#toewijzingen", BASE + "/catalogus#rapporten"), datasets);

        Map<String, Node> streams = Map.of("locaties", PUBLIC, "aanvragen", NON_PUBLIC, "toewijzingen", NON_PUBLIC);
        streams.forEach((name, access) -> {
            Node service = service(BASE + "/ldes/" + name);
            assertTrue(turtle.contains(catalog, DCAT.service.asNode(), service));
            assertTrue(turtle.contains(service, DCTerms.conformsTo.asNode(), NodeFactory.createURI(LDES)), name);
            assertEquals(List.of(access), objects(service, DCTerms.accessRights.asNode()), name);
            Node dataset = NodeFactory.createURI(BASE + "/catalogus#" + name);
            assertTrue(turtle.contains(service, DCAT.servesDataset.asNode(), dataset), name);
            assertEquals(List.of(access), objects(dataset, DCTerms.accessRights.asNode()), name);
            // The dataset reaches its stream through a distribution that names the service.
            assertTrue(objects(dataset, DCAT.distribution.asNode()).stream()
                    .anyMatch(d -> turtle.contains(d, DCAT.accessService.asNode(), service)
                            && turtle.contains(d, DCAT.accessURL.asNode(), NodeFactory.createURI(BASE + "/ldes/" + name))), name);
        });

        Map<String, Node> sparql = Map.of("/sparql", PUBLIC, "/sparql/analyse", NON_PUBLIC, "/sparql/loket", NON_PUBLIC, "/sparql/organisator", NON_PUBLIC);
        sparql.forEach((path, access) -> {
            Node service = service(BASE + path);
            assertTrue(turtle.contains(catalog, DCAT.service.asNode(), service));
            assertTrue(turtle.contains(service, DCTerms.conformsTo.asNode(), NodeFactory.createURI(SPARQL)), path);
            assertEquals(List.of(access), objects(service, DCTerms.accessRights.asNode()), path);
        });
        assertTrue(turtle.contains(service(BASE + "/sparql"), DCAT.servesDataset.asNode(), NodeFactory.createURI(BASE + "/catalogus#locaties")));
        // Personal data is never described as public.
        for (String name : List.of("aanvragen", "toewijzingen", "rapporten"))
            for (Node distribution : objects(NodeFactory.createURI(BASE + "/catalogus#" + name), DCAT.distribution.asNode()))
                assertFalse(turtle.contains(distribution, DCTerms.license.asNode(),
                        NodeFactory.createURI("https://data.vlaanderen.be/id/licentie/modellicentie-gratis-hergebruik/v1.0")), distribution.toString());
    }

    @Test
    void catalogHasTheMandatoryPropertiesOfDcatApVl() {
        Resource report = ValidationUtil.validateModel(ModelFactory.createModelForGraph(turtle), shapes(), true);
        assertTrue(report.getProperty(SH.conforms).getBoolean(), () -> results(report));
    }

    @Test
    void theShapesCatchAMissingMandatoryProperty() {
        Graph broken = GraphFactory.createDefaultGraph();
        turtle.find().forEachRemaining(broken::add);
        Node locations = NodeFactory.createURI(BASE + "/catalogus#locaties");
        Node sparql = service(BASE + "/sparql");
        broken.remove(locations, DCTerms.identifier.asNode(), Node.ANY);
        broken.remove(locations, NodeFactory.createURI("https://data.vlaanderen.be/ns/metadata-dcat#statuut"), Node.ANY);
        broken.remove(sparql, DCAT.endpointDescription.asNode(), Node.ANY);
        broken.add(Triple.create(sparql, DCTerms.accessRights.asNode(),
                NodeFactory.createURI("http://publications.europa.eu/resource/authority/access-right/RESTRICTED")));
        Resource report = ValidationUtil.validateModel(ModelFactory.createModelForGraph(broken), shapes(), true);
        assertFalse(report.getProperty(SH.conforms).getBoolean());
        String results = results(report);
        assertTrue(results.contains(locations.getURI() + " " + DCTerms.identifier.getURI()), results);
        assertTrue(results.contains(locations.getURI() + " (node)"), "a public dataset without statuut: " + results);
        assertTrue(results.contains(sparql.getURI() + " " + DCAT.endpointDescription.getURI()), results);
        assertTrue(results.contains(sparql.getURI() + " " + DCTerms.accessRights.getURI()), results);
    }

    @Test
    void aFormatTheHubDoesNotOfferIs406ProblemJson() {
        HttpResponse<String> html = hub.get("/catalogus", "text/html");
        assertEquals(406, html.statusCode());
        assertTrue(html.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
    }

    @Test
    void theFileResolvesAgainstAnyBase() {
        Graph other = CatalogRoutes.read("http://localhost:8080");
        assertTrue(other.contains(NodeFactory.createURI("http://localhost:8080/catalogus#ldes-locaties"), DCAT.endpointURL.asNode(),
                NodeFactory.createURI("http://localhost:8080/ldes/locaties")));
        assertEquals(turtle.size(), other.size());
    }

    private static String difference(Graph a, Graph b) {
        List<String> lines = new ArrayList<>();
        a.find().filterDrop(b::contains).forEachRemaining(t -> lines.add("+ " + t));
        b.find().filterDrop(a::contains).forEachRemaining(t -> lines.add("- " + t));
        return String.join("\n", lines);
    }

    private static Node service(String endpoint) {
        List<Node> services = subjects(DCAT.endpointURL.asNode(), NodeFactory.createURI(endpoint));
        assertEquals(1, services.size(), "services at " + endpoint);
        assertTrue(turtle.contains(services.get(0), RDF.type.asNode(), DCAT.DataService.asNode()));
        return services.get(0);
    }

    private static List<Node> subjects(Node property, Node object) {
        return turtle.find(Node.ANY, property, object).mapWith(Triple::getSubject).toList();
    }

    private static List<Node> objects(Node subject, Node property) {
        return turtle.find(subject, property, Node.ANY).mapWith(Triple::getObject).toList();
    }

    static Model shapes() {
        Model shapes = ModelFactory.createDefaultModel();
        try (InputStream in = CatalogTest.class.getResourceAsStream("/catalog/dcat-ap-vl-shapes.ttl")) {
            RDFParser.source(in).lang(Lang.TURTLE).parse(shapes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return shapes;
    }

    /** One line per result: focus node, then the path or "(node)", then the message. */
    private static String results(Resource report) {
        List<String> lines = new ArrayList<>();
        report.listProperties(SH.result).forEach(s -> {
            Resource result = s.getResource();
            String path = result.hasProperty(SH.resultPath) ? result.getProperty(SH.resultPath).getObject().toString() : "(node)";
            String message = result.hasProperty(SH.resultMessage) ? result.getProperty(SH.resultMessage).getObject().toString() : "";
            lines.add(result.getProperty(SH.focusNode).getObject() + " " + path + " " + message);
        });
        return String.join("\n", lines);
    }

    private static Graph parse(String text, Lang lang) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(text, lang).base(URI.create(BASE + "/").toString()).parse(graph);
        return graph;
    }
}
