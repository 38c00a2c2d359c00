package be.kohub.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.SKOS;

import be.kohub.Errors.Rejected;
import be.kohub.Hub;
import be.kohub.access.Client;
import be.kohub.access.Role;
import be.kohub.ingest.DocumentReader.Format;
import be.kohub.store.Queries;

/**
 * Loads the sample location sheets through the normal ingestion path, each as the demo client
 * of its organiser (so that a later POST of the same file by that client updates it), or as
 * the {@code beheer} client when its organiser has none.
 */
final class DemoData {
    private final Hub hub;
    private final Path samples;

    /** @param locations the IRI of each loaded sample location, by file name without extension */
    record Result(int loaded, int skipped, boolean wasEmpty, Map<String, String> locations) {
        String describe() {
            return wasEmpty ? "demo: loaded " + loaded + " sample location sheets" + (skipped > 0 ? " (" + skipped + " refused)" : "")
                    : "demo: store already holds documents; sample data not loaded again";
        }
    }

    DemoData(Hub hub, Path samples) {
        this.hub = hub;
        this.samples = samples;
    }

    Result loadIfEmpty() {
        boolean empty = hub.store().read(tx -> !tx.ask(Queries.load("ingest/any-document.rq")));
        if (!empty)
            return new Result(0, 0, false, Map.of());
        int loaded = 0;
        int skipped = 0;
        Map<String, String> locations = new HashMap<>();
        for (Path file : files(samples.resolve("locaties"))) {
            try {
                Graph document = hub.reader().readOne(Files.readAllBytes(file), Format.JSONLD);
                var result = hub.pipeline().ingest(clientFor(document), hub.locations().handler(), document, null);
                locations.put(file.getFileName().toString().replaceFirst("\\.jsonld?$", ""), result.iri().getURI());
                loaded++;
            } catch (Rejected e) {
                System.err.println("demo: " + file + " refused: " + e.getMessage());
                skipped++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Result(loaded, skipped, true, locations);
    }

    private Client clientFor(Graph document) {
        List<String> kbo = document.find(Node.ANY, SKOS.notation.asNode(), Node.ANY)
                .mapWith(t -> t.getObject().getLiteralLexicalForm()).toList();
        return hub.clients().all().stream()
                .filter(c -> c.role() == Role.KO && kbo.contains(c.organisator()))
                .findFirst()
                .or(() -> hub.clients().all().stream().filter(c -> c.role() == Role.BEHEER).findFirst())
                .orElseThrow(() -> new IllegalStateException("demo needs a beheer client in demo-clients.json"));
    }

    static List<Path> files(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".jsonld") || f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
