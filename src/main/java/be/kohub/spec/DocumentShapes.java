package be.kohub.spec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.SKOS;

import be.kohub.model.ModelFiles;

/**
 * The SHACL shapes as a specification reads them: for a document type (its root class), every
 * node shape reachable from the root shape through {@code sh:node}, each with its property
 * shapes in the order the files state them, and the class each shape describes.
 */
final class DocumentShapes {
    private final Graph shapes;
    /** Position of each property shape in the files: the order authors wrote them in. */
    private final Map<Node, Integer> order;

    private DocumentShapes(Graph shapes, Map<Node, Integer> order) {
        this.shapes = shapes;
        this.order = order;
    }

    /** The packaged shapes ({@code /model/shapes}), read in file order. */
    static DocumentShapes load() {
        Graph graph = GraphFactory.createDefaultGraph();
        Map<Node, Integer> order = new HashMap<>();
        StreamRDF sink = new StreamRDFWrapper(StreamRDFLib.graph(graph)) {
            @Override
            public void triple(Triple triple) {
                if (triple.getPredicate().equals(SHACL.property))
                    order.putIfAbsent(triple.getObject(), order.size());
                super.triple(triple);
            }
        };
        ModelFiles.parse("/model/shapes", sink);
        return new DocumentShapes(graph, order);
    }

    Graph graph() {
        return shapes;
    }

    /** A property shape: what one property of a node must be. */
    record Property(Node shape, Node path, boolean inverse, int min, Integer max, Node datatype, Node valueClass,
            Node node, Node codeList, Node nodeKind, List<Facet> facets, String name, Text message) {
        /** The path as the pages and tests write it: the IRI, with {@code ^} for an inverse path. */
        String pathKey() {
            return (inverse ? "^" : "") + path.getURI();
        }

        String cardinality() {
            return min + ".." + (max == null ? "*" : max.toString());
        }
    }

    /** One further restriction on a value (pattern, length, range, comparison). */
    record Facet(Node constraint, Node value) {}

    /** A node shape with the class it describes (null when it describes none) and its rules beyond properties. */
    record Shape(Node shape, Node describedClass, List<Property> properties, List<Text> rules) {}

    /** A text in Dutch and English (either may be null). */
    record Text(String nl, String en) {}

    /** The root shape of a document type: the node shape that targets its root class. */
    Optional<Node> rootShape(Node rootClass) {
        return shapes.find(Node.ANY, SHACL.targetClass, rootClass).mapWith(Triple::getSubject).toList().stream().findFirst();
    }

    /** Every node shape a document of this root class is checked against, root first, breadth first. */
    List<Shape> closure(Node rootClass) {
        Node root = rootShape(rootClass).orElseThrow(() -> new IllegalStateException("no shape targets " + rootClass));
        Map<Node, Node> described = new LinkedHashMap<>();
        described.put(root, rootClass);
        Deque<Node> queue = new ArrayDeque<>(List.of(root));
        Map<Node, List<Property>> properties = new LinkedHashMap<>();
        while (!queue.isEmpty()) {
            Node shape = queue.poll();
            List<Property> list = properties(shape);
            properties.put(shape, list);
            for (Property p : list) {
                if (p.node() == null)
                    continue;
                if (p.valueClass() != null && !described.containsKey(p.node()))
                    described.put(p.node(), p.valueClass());
                if (!properties.containsKey(p.node()) && !queue.contains(p.node())) {
                    described.putIfAbsent(p.node(), null);
                    queue.add(p.node());
                }
            }
        }
        List<Shape> result = new ArrayList<>();
        properties.forEach((shape, list) -> result.add(new Shape(shape, described.get(shape), list, rules(shape))));
        return result;
    }

    private List<Property> properties(Node nodeShape) {
        return shapes.find(nodeShape, SHACL.property, Node.ANY).mapWith(Triple::getObject).toList().stream()
                .sorted(Comparator.comparing(p -> order.getOrDefault(p, Integer.MAX_VALUE)))
                .map(this::property).toList();
    }

    private Property property(Node p) {
        Node path = one(p, SHACL.path);
        boolean inverse = false;
        if (path.isBlank()) {
            inverse = true;
            path = one(path, SHACL.inversePath);
            if (path == null || !path.isURI())
                throw new IllegalStateException("only IRIs and inverse IRIs are supported as paths: " + p);
        }
        Node min = one(p, SHACL.minCount);
        Node max = one(p, SHACL.maxCount);
        Node node = one(p, SHACL.node);
        Node codeList = node != null && node.isBlank() ? schemeOf(node) : null;
        if (codeList != null)
            node = null;
        List<Facet> facets = new ArrayList<>();
        for (Node constraint : List.of(SHACL.pattern, SHACL.minLength, SHACL.maxLength, SHACL.minInclusive,
                SHACL.maxInclusive, SHACL.lessThan, SHACL.hasValue))
            shapes.find(p, constraint, Node.ANY).forEachRemaining(t -> facets.add(new Facet(constraint, t.getObject())));
        Node name = one(p, SHACL.name);
        return new Property(p, path, inverse, min == null ? 0 : ((Number) min.getLiteralValue()).intValue(),
                max == null ? null : ((Number) max.getLiteralValue()).intValue(), one(p, SHACL.datatype),
                one(p, SHACL.class_), node, codeList, one(p, SHACL.nodeKind), facets,
                name == null ? null : name.getLiteralLexicalForm(), text(p, SHACL.message));
    }

    /** A code-list restriction: {@code sh:node [ sh:property [ sh:path skos:inScheme ; sh:hasValue S ] ]}. */
    private Node schemeOf(Node blankShape) {
        for (Node q : shapes.find(blankShape, SHACL.property, Node.ANY).mapWith(Triple::getObject).toList())
            if (SKOS.inScheme.asNode().equals(one(q, SHACL.path)) && one(q, SHACL.hasValue) != null)
                return one(q, SHACL.hasValue);
        return null;
    }

    /** What a node shape checks beyond its properties: SPARQL rules and combined constraints, by their messages. */
    private List<Text> rules(Node nodeShape) {
        List<Text> rules = new ArrayList<>();
        for (Node combined : List.of(SHACL.or, SHACL.xone, SHACL.and, SHACL.not))
            if (shapes.contains(nodeShape, combined, Node.ANY))
                rules.add(text(nodeShape, SHACL.message));
        shapes.find(nodeShape, SHACL.sparql, Node.ANY).forEachRemaining(t -> rules.add(text(t.getObject(), SHACL.message)));
        return rules;
    }

    Text text(Node subject, Node property) {
        String nl = null, en = null;
        for (Node o : shapes.find(subject, property, Node.ANY).mapWith(Triple::getObject).toList()) {
            if (!o.isLiteral())
                continue;
            if ("nl".equals(o.getLiteralLanguage()))
                nl = o.getLiteralLexicalForm();
            else if ("en".equals(o.getLiteralLanguage()))
                en = o.getLiteralLexicalForm();
        }
        return new Text(nl, en);
    }

    Node one(Node subject, Node property) {
        List<Node> objects = shapes.find(subject, property, Node.ANY).mapWith(Triple::getObject).toList();
        return objects.isEmpty() ? null : objects.get(0);
    }
}
