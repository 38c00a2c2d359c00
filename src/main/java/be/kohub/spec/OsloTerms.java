package be.kohub.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;

import be.kohub.vocab.KO;

/**
 * The OSLO application profiles bundled under {@code /oslo} (see its README), asked which OSLO
 * term the hub reuses: for a property in the context of a class, or for a class, the profile's
 * Dutch label and definition, the OSLO class it sits on, and the profile's documentation anchor.
 */
final class OsloTerms {
    private static final Node RANG = NodeFactory.createURI(KO.NS + "rang");
    private final List<Source> sources;

    /** One bundled profile, consulted in the order of its rank. */
    record Source(String title, String status, String url, Graph graph) {}

    /**
     * What OSLO says of a term the hub reuses; {@code inContext} is false when OSLO states the
     * property only on another class than the one the hub uses it on.
     */
    record Term(String label, String definition, String osloClass, String seeAlso, Source source, boolean inContext) {}

    private OsloTerms(List<Source> sources) {
        this.sources = sources;
    }

    static OsloTerms load() {
        Graph index = read("/oslo/bronnen.ttl");
        List<Source> sources = new ArrayList<>();
        index.find(Node.ANY, DCTerms.identifier.asNode(), Node.ANY).toList().stream()
                .sorted(Comparator.comparing(t -> ((Number) one(index, t.getSubject(), RANG).getLiteralValue()).intValue()))
                .forEach(t -> sources.add(new Source(nl(index, t.getSubject(), DCTerms.title.asNode()),
                        nl(index, t.getSubject(), DCTerms.description.asNode()), t.getSubject().getURI(),
                        read("/oslo/" + t.getObject().getLiteralLexicalForm()))));
        return new OsloTerms(sources);
    }

    /**
     * The OSLO property shape for {@code path}: preferably on the OSLO shape of {@code onClass}
     * (the class whose property it is), else the first profile that has the path at all.
     */
    Optional<Term> property(Node path, Node onClass) {
        if (onClass != null)
            for (Source source : sources)
                for (Node shape : source.graph().find(Node.ANY, SHACL.targetClass, onClass).mapWith(Triple::getSubject).toList())
                    for (Node p : source.graph().find(shape, SHACL.property, Node.ANY).mapWith(Triple::getObject).toList())
                        if (path.equals(one(source.graph(), p, SHACL.path)))
                            return Optional.of(term(source, p, shape, true));
        for (Source source : sources) {
            List<Node> found = source.graph().find(Node.ANY, SHACL.path, path).mapWith(Triple::getSubject).toList().stream()
                    .sorted(Comparator.comparing(p -> String.valueOf(one(source.graph(), p, RDFS.seeAlso.asNode())))).toList();
            for (Node p : found) {
                Node shape = source.graph().find(Node.ANY, SHACL.property, p).mapWith(Triple::getSubject).nextOptional().orElse(null);
                return Optional.of(term(source, p, shape, false));
            }
        }
        return Optional.empty();
    }

    /** The OSLO node shape that targets {@code cls}, in the first profile that has one. */
    Optional<Term> cls(Node cls) {
        for (Source source : sources)
            for (Node shape : source.graph().find(Node.ANY, SHACL.targetClass, cls).mapWith(Triple::getSubject).toList())
                return Optional.of(new Term(shapeLabel(source.graph(), shape), nl(source.graph(), shape, RDFS.comment.asNode()),
                        null, seeAlso(source, shape), source, true));
        return Optional.empty();
    }

    private static Term term(Source source, Node p, Node shape, boolean inContext) {
        Graph g = source.graph();
        String label = firstNonNull(nl(g, p, SHACL.name), nl(g, p, RDFS.label.asNode()));
        String definition = firstNonNull(nl(g, p, SHACL.description), nl(g, p, RDFS.comment.asNode()));
        return new Term(label, definition, shape == null ? null : shapeLabel(g, shape), seeAlso(source, p), source, inContext);
    }

    /** A shape's label; the drafts have none, and then their IRIs name the class (…#AdresvoorstellingShape). */
    private static String shapeLabel(Graph g, Node shape) {
        String label = nl(g, shape, RDFS.label.asNode());
        if (label != null || !shape.isURI())
            return label;
        String local = DocumentPage.local(shape);
        return local.endsWith("Shape") ? local.substring(0, local.length() - "Shape".length()) : local;
    }

    private static String seeAlso(Source source, Node subject) {
        Node see = one(source.graph(), subject, RDFS.seeAlso.asNode());
        return see != null && see.isURI() ? see.getURI() : null;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    private static String nl(Graph g, Node subject, Node property) {
        String any = null;
        for (Node o : g.find(subject, property, Node.ANY).mapWith(Triple::getObject).toList()) {
            if (!o.isLiteral())
                continue;
            if ("nl".equals(o.getLiteralLanguage()))
                return o.getLiteralLexicalForm();
            any = o.getLiteralLexicalForm();
        }
        return any;
    }

    private static Node one(Graph g, Node subject, Node property) {
        return g.find(subject, property, Node.ANY).mapWith(Triple::getObject).nextOptional().orElse(null);
    }

    private static Graph read(String resource) {
        Graph graph = GraphFactory.createDefaultGraph();
        try (InputStream in = OsloTerms.class.getResourceAsStream(resource)) {
            if (in == null)
                throw new IllegalStateException("missing resource " + resource);
            RDFParser.source(in).lang(Lang.TURTLE).parse(graph);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }
}
