package be.kohub.generate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.graph.Graph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import be.kohub.Hub;
import be.kohub.codes.IdentityHash;
import be.kohub.codes.KindCode;
import be.kohub.generate.FamilyPlan.NewDocument;
import be.kohub.ingest.DocumentReader.Format;
import be.kohub.model.CodeLists;
import be.kohub.model.ModelFiles;
import be.kohub.store.Tdb2Store;
import be.kohub.validation.ValidationReport;

/**
 * Every kind of document the generator makes is valid (the hub's SHACL shapes), and the
 * generator's fast JSON-LD reading gives exactly the graph the hub's reader (Titanium) gives, so
 * that skipping both in bulk generation changes nothing. Covers all locations and all requests
 * and assignments of 100 families, with every optional part the generator uses.
 */
class GeneratedDocumentsTest {
    private static final long SEED = 7;
    private static Hub hub;
    private static final List<ObjectNode> documents = new ArrayList<>();

    @BeforeAll
    static void generate() {
        hub = Hub.builder().store(Tdb2Store.inMemory()).base("http://localhost:8080").build();
        ModelFiles model = ModelFiles.load();
        CodeLists codes = new CodeLists(model.ontology());
        Municipalities municipalities = Municipalities.from(model.ontology(), SEED);
        IriPrefixes iris = IriPrefixes.of(hub);
        Locations locations = Locations.generate(150, municipalities, iris.location(), SEED, Settings.DEFAULT_AS_OF);
        locations.all().forEach(l -> documents.add(l.sheet()));
        FamilyPlanner planner = new FamilyPlanner(municipalities, locations, codes, new IdentityHash(ScaleGenerator.identityKey(SEED)),
                iris, SEED, Settings.DEFAULT_AS_OF, 0.5);
        java.util.Random codesRandom = new java.util.Random(SEED);
        for (int i = 0; i < 100; i++)
            for (var step : planner.plan(i, KindCode.random(codesRandom), 1 + i % 4).steps())
                if (step instanceof NewDocument d)
                    documents.add(d.body());
    }

    @AfterAll
    static void close() {
        hub.close();
    }

    @Test
    void covers_every_optional_part() {
        for (String part : List.of("aanvraagstop", "website", "toeleider", "kwetsbaarheden", "voorrangsgroepen", "verruimdeOpeningsurenNodig",
                "specifiekeZorgnood", "dagdelenPerWeek", "dagdelen", "voorstel", "telefoon"))
            assertTrue(documents.stream().anyMatch(d -> d.findValue(part) != null), "no generated document has " + part);
        assertTrue(documents.stream().anyMatch(d -> d.path("type").asText().equals("Toewijzing") && !d.has("aanvraag")),
                "a direct assignment (without request)");
    }

    @Test
    void fast_reading_gives_the_hubs_graph_and_every_document_conforms() {
        FastJsonLd fast = FastJsonLd.kohubV1();
        for (ObjectNode document : documents) {
            Graph byHub = hub.reader().readOne(document.toString().getBytes(StandardCharsets.UTF_8), Format.JSONLD);
            assertTrue(fast.read(document, "b").isIsomorphicWith(byHub), () -> "not the hub's graph: " + document.toPrettyString());
            ValidationReport report = hub.pipeline().dryRun(byHub, hub.documentTypes());
            assertTrue(report.conforms(), () -> report.problems() + "\n" + document.toPrettyString());
        }
    }
}
