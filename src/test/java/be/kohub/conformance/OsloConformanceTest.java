package be.kohub.conformance;

import static be.kohub.RunningHub.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.topbraid.shacl.validation.ValidationUtil;
import org.topbraid.shacl.vocabulary.SH;

import be.kohub.RunningHub;
import be.kohub.model.ModelFiles;

/**
 * What the hub exports for a location conforms to the official OSLO shapes of the classes it
 * uses (Applicatieprofiel Dienstverlening aan Personen, ../shared/reference/oslo/). The export is
 * validated together with the hub's published code lists, because OSLO's sh:class checks need
 * the rdf:type of linked concepts (MAPPING.md, pitfall 5).
 */
class OsloConformanceTest {
    static final Path OSLO_SHAPES = Path.of("../shared/reference/oslo/dienstverlening-aan-personen-ap-SHACL.ttl");
    static RunningHub hub;

    @BeforeAll
    static void start() {
        hub = RunningHub.start();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void exportedSheetsConformToTheOsloApplicationProfile() throws IOException {
        Model oslo = RDFDataMgr.loadModel(OSLO_SHAPES.toString());
        Graph codeLists = ModelFiles.load().ontology();
        List<Path> samples;
        try (Stream<Path> files = Files.list(RunningHub.SAMPLES.resolve("locaties"))) {
            samples = files.sorted().toList();
        }
        for (Path sample : samples) {
            HttpResponse<String> created = hub.postJsonLd("/locaties", key("opgroeien"), Files.readAllBytes(sample));
            String location = created.headers().firstValue("Location").orElseThrow();
            Graph export = GraphFactory.createDefaultGraph();
            HttpResponse<String> turtle = hub.get(location, "text/turtle");
            RDFParser.source(new ByteArrayInputStream(turtle.body().getBytes(StandardCharsets.UTF_8))).lang(Lang.TURTLE).parse(export);

            Model data = ModelFactory.createModelForGraph(new Union(export, codeLists));
            Resource report = ValidationUtil.validateModel(data, oslo, false);
            assertTrue(report.getProperty(SH.conforms).getBoolean(),
                    sample + " does not conform to OSLO:\n" + describe(report));
        }
    }

    /**
     * The story's child, request (with its personal data, as beheer reads it) and assignment
     * conform to OSLO, except for what the hub deliberately does not collect: OSLO's Persoon
     * makes names, gender, full name and preferred language mandatory; the hub keeps no names for
     * a child and only given and family name for an applicant (data minimisation, MAPPING.md (a)).
     */
    @Test
    void exportedChildRequestAndAssignmentConformExceptForPersonalDataTheHubDoesNotCollect() {
        Model oslo = RDFDataMgr.loadModel(OSLO_SHAPES.toString());
        Graph codeLists = ModelFiles.load().ontology();
        java.util.Map<String, String> keys = new java.util.HashMap<>();
        for (String client : List.of("llko-gent", "llko-hasselt", "ko-kinderkorf-limburg"))
            keys.put(client, key(client));
        be.kohub.cli.StoryPlayer player = new be.kohub.cli.StoryPlayer(hub.url(""), keys, hub.loadSampleLocations());
        player.play(RunningHub.SAMPLES.resolve("familieverhaal"));
        java.util.Set<String> notCollected = java.util.Set.of("http://xmlns.com/foaf/0.1/givenName", "http://xmlns.com/foaf/0.1/familyName",
                "https://data.vlaanderen.be/ns/persoon#volledigeNaam", "https://data.vlaanderen.be/ns/persoon#geslacht",
                "http://purl.org/dc/terms/language");
        var kept = player.kept();
        for (String path : List.of("/kindcodes/" + kept.get("kindcode"),
                kept.get("aanvraag-hasselt").substring(kept.get("aanvraag-hasselt").indexOf("/id/")).replace("/id/aanvraag/", "/aanvragen/"),
                kept.get("toewijzing-genk").substring(kept.get("toewijzing-genk").indexOf("/id/")).replace("/id/toewijzing/", "/toewijzingen/"))) {
            HttpResponse<String> turtle = hub.getAs(path, key("opgroeien"), "text/turtle");
            assertEquals(200, turtle.statusCode(), path + ": " + turtle.body());
            Graph export = GraphFactory.createDefaultGraph();
            RDFParser.source(new ByteArrayInputStream(turtle.body().getBytes(StandardCharsets.UTF_8))).lang(Lang.TURTLE).parse(export);
            Resource report = ValidationUtil.validateModel(ModelFactory.createModelForGraph(new Union(export, codeLists)), oslo, false);
            StringBuilder unexpected = new StringBuilder();
            report.listProperties(SH.result).forEach(r -> {
                Resource result = r.getResource();
                String resultPath = result.hasProperty(SH.resultPath) ? result.getProperty(SH.resultPath).getResource().getURI() : "";
                Resource focus = result.getProperty(SH.focusNode).getResource();
                boolean person = export.contains(focus.asNode(), RDF.type.asNode(), org.apache.jena.graph.NodeFactory.createURI("http://www.w3.org/ns/person#Person"));
                if (!(person && notCollected.contains(resultPath) && result.getProperty(SH.sourceConstraintComponent).getResource().getLocalName().equals("MinCountConstraintComponent")))
                    unexpected.append(focus).append(' ').append(resultPath).append(' ').append(result.getProperty(SH.resultMessage)).append('\n');
            });
            assertEquals("", unexpected.toString(), path + " does not conform to OSLO");
        }
    }

    /** The shapes are only a meaningful check if they do reject what OSLO forbids. */
    @Test
    void theOsloShapesRejectASiteOfferWithoutTitle() {
        Model oslo = RDFDataMgr.loadModel(OSLO_SHAPES.toString());
        Model data = ModelFactory.createDefaultModel();
        Resource offer = data.createResource("http://example.org/offer", data.createResource("http://purl.org/vocab/cpsv#PublicService"));
        offer.addProperty(data.createProperty("http://purl.org/dc/terms/description"), "x", "nl");
        Resource report = ValidationUtil.validateModel(data, oslo, false);
        assertEquals(false, report.getProperty(SH.conforms).getBoolean(), "dct:title is mandatory (sh:minCount \"1\")");
        assertTrue(data.contains(offer, RDF.type));
    }

    private static String describe(Resource report) {
        StringBuilder text = new StringBuilder();
        report.listProperties(SH.result).forEach(r -> text.append(r.getResource().getProperty(SH.focusNode)).append(" ")
                .append(r.getResource().getProperty(SH.resultPath)).append(" ")
                .append(r.getResource().getProperty(SH.resultMessage)).append('\n'));
        return text.toString();
    }
}
