package be.kohub.model;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;

/**
 * One version of the shapes: a Turtle file per document type (as written, comments and all),
 * and the code lists its shapes name. Versions are numbered {@code major.minor}
 * (docs/versioning.md).
 */
public final class ShapesVersion {
    /** Oldest first: 0.1 before 1.0 before 1.10. */
    public static final Comparator<String> ORDER = Comparator.<String>comparingInt(v -> part(v, 0)).thenComparingInt(v -> part(v, 1));

    private final String number;
    private final Map<String, String> texts;
    private final Map<String, Graph> graphs = new LinkedHashMap<>();
    private final Graph codeLists;

    /**
     * @param texts the Turtle of each document type's shapes, by document type
     * @param codeLists the SKOS code lists the shapes refer to
     */
    public ShapesVersion(String number, Map<String, String> texts, Graph codeLists) {
        if (!isNumber(number))
            throw new IllegalArgumentException("not a version number (major.minor): " + number);
        this.number = number;
        this.texts = Collections.unmodifiableMap(new TreeMap<>(texts));
        this.codeLists = codeLists;
        this.texts.forEach((type, text) -> {
            Graph graph = GraphFactory.createDefaultGraph();
            RDFParser.fromString(text, Lang.TURTLE).parse(graph);
            String declared = declaredVersion(graph);
            if (declared != null && !declared.equals(number))
                throw new IllegalStateException("the shapes of " + type + " say version " + declared + ", expected " + number);
            graphs.put(type, graph);
        });
    }

    public static boolean isNumber(String version) {
        return version != null && version.matches("^[0-9]{1,4}\\.[0-9]{1,4}$");
    }

    /** The version a shapes graph names with {@code owl:versionInfo} on its {@code owl:Ontology}, or null. */
    public static String declaredVersion(Graph shapes) {
        Node info = NodeFactory.createURI(OWL.versionInfo.getURI());
        return shapes.find(Node.ANY, RDF.type.asNode(), OWL.Ontology.asNode()).toList().stream()
                .flatMap(t -> shapes.find(t.getSubject(), info, Node.ANY).toList().stream())
                .map(t -> t.getObject().getLiteralLexicalForm()).findFirst().orElse(null);
    }

    public String number() {
        return number;
    }

    public int major() {
        return part(number, 0);
    }

    public Set<String> documentTypes() {
        return texts.keySet();
    }

    /** The shapes of one document type as written. */
    public Optional<String> text(String documentType) {
        return Optional.ofNullable(texts.get(documentType));
    }

    public Optional<Graph> graph(String documentType) {
        return Optional.ofNullable(graphs.get(documentType));
    }

    /** Every document type's shapes in one graph (shapes of one type refer to those of another). */
    public Graph union() {
        Graph union = GraphFactory.createDefaultGraph();
        graphs.values().forEach(g -> {
            g.find().forEachRemaining(union::add);
            union.getPrefixMapping().setNsPrefixes(g.getPrefixMapping());
        });
        return union;
    }

    public Graph codeLists() {
        return codeLists;
    }

    private static int part(String version, int index) {
        return Integer.parseInt(version.split("\\.")[index]);
    }

    @Override
    public String toString() {
        return number;
    }
}
