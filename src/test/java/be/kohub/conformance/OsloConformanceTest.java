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
