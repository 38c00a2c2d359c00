package be.kohub.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.JsonLdVersion;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.RdfDataset;
import jakarta.json.Json;
import jakarta.json.JsonStructure;
import org.apache.jena.riot.system.JenaTitanium;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;

/**
 * The hub's JSON-LD reading with processed contexts kept gives exactly what Titanium's own
 * {@code JsonLd.toRdf} gives: the same graphs (up to blank node names) for every JSON-LD file in
 * sample-data/, valid or not, and the same error where Titanium refuses one; also when many
 * threads share the kept contexts.
 */
class JsonLdToRdfTest {
    private final BundledContexts contexts = new BundledContexts("http://localhost:8080");

    @Test
    void everySampleGivesTheGraphsOfTitaniumItself() throws Exception {
        List<Path> files = jsonLdFiles();
        assertTrue(files.size() > 100, "the samples: " + files.size());
        JsonLdToRdf reader = new JsonLdToRdf(contexts);
        int compared = 0, refused = 0;
        for (Path file : files) {
            JsonStructure document = read(file);
            if (document == null)
                continue; // not JSON: never reaches JSON-LD
            Object expected = outcome(() -> plainTitanium(document));
            assertSame(expected, outcome(() -> reader.toRdf(document)), file.toString());
            if (expected instanceof String)
                refused++;
            else if (((DatasetGraph) expected).stream().findAny().isPresent())
                compared++;
        }
        assertTrue(compared > 90 && refused >= 2, compared + " compared, " + refused + " refused alike");
    }

    @Test
    void threadsSharingTheKeptContextsGetTheSameGraphs() throws Exception {
        JsonLdToRdf reader = new JsonLdToRdf(contexts);
        List<Path> files = jsonLdFiles().stream().filter(f -> f.toString().contains("sample-data/locaties/")).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int round = 0; round < 4; round++)
                for (Path file : files)
                    results.add(pool.submit(() -> outcome(() -> reader.toRdf(read(file)))));
            for (int i = 0; i < results.size(); i++) {
                Path file = files.get(i % files.size());
                assertSame(outcome(() -> plainTitanium(read(file))), results.get(i).get(), file.toString());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private RdfDataset plainTitanium(JsonStructure document) throws JsonLdError {
        JsonLdOptions options = new JsonLdOptions(contexts);
        options.setProcessingMode(JsonLdVersion.V1_1);
        return JsonLd.toRdf(JsonDocument.of(document)).options(options).get();
    }

    private interface Conversion {
        RdfDataset run() throws JsonLdError;
    }

    /** The dataset, or the error's code. */
    private static Object outcome(Conversion conversion) {
        try {
            DatasetGraph dsg = DatasetGraphFactory.create();
            JenaTitanium.convert(conversion.run(), StreamRDFLib.dataset(dsg));
            return dsg;
        } catch (JsonLdError e) {
            return "error " + e.getCode();
        }
    }

    /** The same error, or isomorphic datasets (blank node names aside). */
    private static void assertSame(Object expected, Object actual, String what) {
        if (expected instanceof DatasetGraph e && actual instanceof DatasetGraph a)
            assertTrue(IsoMatcher.isomorphic(e, a), what);
        else
            assertEquals(expected, actual, what);
    }

    private static JsonStructure read(Path file) {
        try (var reader = Json.createReader(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            return reader.read();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (jakarta.json.JsonException e) {
            return null;
        }
    }

    private static List<Path> jsonLdFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(Path.of("sample-data"))) {
            return walk.filter(f -> f.toString().endsWith(".jsonld") || f.toString().endsWith(".json"))
                    .filter(f -> !f.toString().endsWith(".expected.json") && !f.getFileName().toString().equals("manifest.json")
                            && !f.getFileName().toString().equals("verhaal.json") && !f.getFileName().toString().equals("demo-clients.json"))
                    .sorted().toList();
        }
    }
}
