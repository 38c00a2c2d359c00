package be.kohub.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.graph.GraphFactory;

import be.kohub.Resources;

/**
 * The model as data: {@code ontology/} (vocabulary and SKOS code lists) and {@code shapes/}
 * (SHACL), packaged into the jar under {@code /model}, read once at start.
 */
public final class ModelFiles {
    /** The archived versions of the shapes, {@code shapes/versies/{version}/}: published, never validated with. */
    public static final String ARCHIVE = "versies";
    private final Graph ontology;
    private final Graph shapes;

    private ModelFiles(Graph ontology, Graph shapes) {
        this.ontology = ontology;
        this.shapes = shapes;
    }

    public static ModelFiles load() {
        return new ModelFiles(readAll("/model/ontology"), readAll("/model/shapes"));
    }

    /** Vocabulary and code lists: the reference data that documents are validated with. */
    public Graph ontology() {
        return ontology;
    }

    public Graph shapes() {
        return shapes;
    }

    /**
     * Parses every Turtle file of a packaged model folder ({@code /model/ontology},
     * {@code /model/shapes}) into {@code sink}, file by file in name order, triples in file order.
     */
    public static void parse(String folder, StreamRDF sink) {
        for (Path file : turtleFiles(folder)) {
            try (InputStream in = Files.newInputStream(file)) {
                RDFParser.source(in).lang(Lang.TURTLE).parse(sink);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Graph readAll(String folder) {
        Graph graph = GraphFactory.createDefaultGraph();
        parse(folder, StreamRDFLib.graph(graph));
        if (graph.isEmpty())
            throw new IllegalStateException("no model files under " + folder);
        return graph;
    }

    /**
     * The text of every Turtle file under a packaged model folder, archived versions included,
     * by path relative to the folder (e.g. {@code locatie.ttl}, {@code versies/0.1/locatie.ttl}).
     */
    public static Map<String, String> texts(String folder) {
        Map<String, String> texts = new java.util.TreeMap<>();
        try {
            Path root = Resources.folder(folder);
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".ttl")).toList())
                    texts.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    private static List<Path> turtleFiles(String folder) {
        Path root = Resources.folder(folder);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".ttl"))
                    .filter(p -> !root.relativize(p).toString().startsWith(ARCHIVE + "/")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list model files under " + folder, e);
        }
    }
}
