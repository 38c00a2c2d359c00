package be.kohub.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

import be.kohub.spec.DocumentShapes.Facet;
import be.kohub.spec.DocumentShapes.Property;
import be.kohub.spec.DocumentShapes.Shape;
import be.kohub.spec.SpecView.Alignment;
import be.kohub.spec.SpecView.Meaning;
import be.kohub.spec.SpecView.Row;
import be.kohub.spec.SpecView.Rule;
import be.kohub.spec.SpecView.Section;
import be.kohub.spec.SpecView.Value;
import be.kohub.spec.SpecView.ValueList;
import be.kohub.spec.SpecView.ValueRow;
import be.kohub.vocab.KO;

/**
 * The content of one document type's page, computed from the model: its shapes (classes,
 * properties, cardinalities, values), the ontology (labels, definitions, code lists, the reasons
 * for own terms), the bundled OSLO profiles (reused terms) and the JSON-LD context (field names).
 */
final class DocumentPage {
    private static final Node ALIGNMENT = NodeFactory.createURI(KO.NS + "osloAfstemming");
    /** Value lists longer than this are folded on the page. */
    private static final int FOLD_AFTER = 25;

    private final DocumentShapes shapes;
    private final Graph ontology;
    private final OsloTerms oslo;
    private final JsonLdTerms terms;
    private final PrefixMapping prefixes;

    DocumentPage(DocumentShapes shapes, Graph ontology, OsloTerms oslo, JsonLdTerms terms, PrefixMapping prefixes) {
        this.shapes = shapes;
        this.ontology = ontology;
        this.oslo = oslo;
        this.terms = terms;
        this.prefixes = prefixes;
    }

    /** The sections (one per node shape) and value lists of a document type with this root class. */
    record Content(List<Section> sections, List<ValueList> valueLists) {}

    Content content(Node rootClass) {
        List<Shape> closure = shapes.closure(rootClass);
        Map<Node, String> sectionIds = new LinkedHashMap<>();
        Map<Node, String> titles = new HashMap<>();
        for (Shape shape : closure) {
            String title = title(shape);
            titles.put(shape.shape(), title);
            sectionIds.put(shape.shape(), unique("klasse-" + slug(title), sectionIds.values()));
        }
        Map<Node, ValueList> lists = new LinkedHashMap<>();
        List<Section> sections = new ArrayList<>();
        for (Shape shape : closure) {
            List<Row> rows = new ArrayList<>();
            for (Property p : shape.properties())
                rows.add(row(shape, p, sectionIds, titles, lists));
            Node cls = shape.describedClass();
            List<Rule> rules = shape.rules().stream().map(t -> new Rule(t.nl(), t.en())).toList();
            sections.add(new Section(sectionIds.get(shape.shape()), titles.get(shape.shape()), iri(shape.shape()),
                    cls == null ? null : cls.getURI(), cls == null ? null : compact(cls), cls == null ? null : terms.type(cls.getURI()),
                    cls == null ? null : classMeaning(cls), cls == null ? null : classAlignment(cls), rows, rules));
        }
        return new Content(sections, List.copyOf(lists.values()));
    }

    /** A section's title: the class's type term (Locatie), else its label, else the shape's name without "Shape". */
    private String title(Shape shape) {
        Node cls = shape.describedClass();
        if (cls != null && terms.type(cls.getURI()) != null)
            return terms.type(cls.getURI());
        if (cls != null)
            return Optional.ofNullable(classMeaning(cls).labelNl()).orElse(compact(cls));
        String local = local(shape.shape());
        return local.endsWith("Shape") ? local.substring(0, local.length() - "Shape".length()) : local;
    }

    private Row row(Shape owner, Property p, Map<Node, String> sectionIds, Map<Node, String> titles, Map<Node, ValueList> lists) {
        String term = terms.property(p.path().getURI(), p.inverse(), p.name());
        Value value = value(p, sectionIds, titles, lists);
        // OSLO states a property on the class whose property it is: for an inverse path, the value's class.
        Node onClass = p.inverse() ? p.valueClass() : owner.describedClass();
        return new Row(p.pathKey(), (p.inverse() ? "^" : "") + compact(p.path()), p.path().getURI(),
                term == null ? compact(p.path()) : term, p.cardinality(), p.max() != null && p.max() == 0, value,
                propertyMeaning(p.path(), onClass), propertyAlignment(p.path(), onClass), p.message().nl(), p.message().en());
    }

    private Value value(Property p, Map<Node, String> sectionIds, Map<Node, String> titles, Map<Node, ValueList> lists) {
        List<String> facets = p.facets().stream().map(this::facet).toList();
        if (p.max() != null && p.max() == 0)
            return new Value("geen", "niet in het document / not in the document", null, null, null, facets);
        if (p.codeList() != null) {
            ValueList list = lists.computeIfAbsent(p.codeList(), s -> codeList(s, lists));
            return new Value("codelijst", "codelijst " + Optional.ofNullable(list.titleNl()).orElse(local(p.codeList())),
                    p.codeList().getURI(), "#" + list.id(), null, facets);
        }
        if (p.datatype() != null)
            return new Value("datatype", compact(p.datatype()), p.datatype().getURI(), null, null, facets);
        if (p.valueClass() != null && !p.valueClass().equals(SKOS.Concept.asNode())) {
            if (p.node() != null)
                return new Value("klasse", compact(p.valueClass()), p.valueClass().getURI(), "#" + sectionIds.get(p.node()),
                        p.node().getURI(), facets);
            ValueList list = lists.get(p.valueClass());
            if (list == null && ontology.contains(Node.ANY, RDF.type.asNode(), p.valueClass())) {
                list = instanceList(p.valueClass(), lists);
                lists.put(p.valueClass(), list);
            }
            return new Value("klasse", compact(p.valueClass()), p.valueClass().getURI(), list == null ? null : "#" + list.id(),
                    p.valueClass().getURI(), facets);
        }
        if (p.node() != null)
            return new Value("vorm", titles.get(p.node()), null, "#" + sectionIds.get(p.node()), p.node().getURI(), facets);
        if (SHACL.IRI.equals(p.nodeKind())) {
            Node range = one(ontology, p.path(), RDFS.range.asNode());
            return new Value("iri", range == null ? "IRI" : "IRI (" + compact(range) + ")", range == null ? null : range.getURI(),
                    null, null, facets);
        }
        return new Value("geen", "elke waarde / any value", null, null, null, facets);
    }

    private String facet(Facet f) {
        String v = f.value().isLiteral() ? f.value().getLiteralLexicalForm() : compact(f.value());
        if (f.constraint().equals(SHACL.pattern)) return "patroon " + v;
        if (f.constraint().equals(SHACL.minLength)) return "minstens " + v + " tekens";
        if (f.constraint().equals(SHACL.maxLength)) return "hoogstens " + v + " tekens";
        if (f.constraint().equals(SHACL.minInclusive)) return "≥ " + v;
        if (f.constraint().equals(SHACL.maxInclusive)) return "≤ " + v;
        if (f.constraint().equals(SHACL.lessThan)) {
            String term = f.value().isURI() ? terms.property(f.value().getURI(), false, null) : null;
            return "kleiner dan " + (term == null ? v : term);
        }
        return "waarde " + v;
    }

    private ValueList codeList(Node scheme, Map<Node, ValueList> lists) {
        List<Node> members = ontology.find(Node.ANY, SKOS.inScheme.asNode(), scheme).mapWith(Triple::getSubject).toList();
        return valueList("codelijst-" + slug(local(scheme)), scheme, "codelijst", members, lists);
    }

    private ValueList instanceList(Node cls, Map<Node, ValueList> lists) {
        List<Node> members = ontology.find(Node.ANY, RDF.type.asNode(), cls).mapWith(Triple::getSubject).toList();
        return valueList("lijst-" + slug(local(cls)), cls, "referentielijst", members, lists);
    }

    private ValueList valueList(String id, Node iri, String kind, List<Node> members, Map<Node, ValueList> lists) {
        // A scheme is labelled with skos:prefLabel, a class with rdfs:label.
        Meaning about = meaning(iri, kind.equals("codelijst") ? SKOS.prefLabel.asNode() : RDFS.label.asNode(), RDFS.comment.asNode());
        List<ValueRow> rows = members.stream().map(m -> {
            Meaning label = meaning(m, SKOS.prefLabel.asNode(), SKOS.definition.asNode());
            Node notation = one(ontology, m, SKOS.notation.asNode());
            return new ValueRow(notation != null ? notation.getLiteralLexicalForm() : local(m), label.labelNl(), label.labelEn(), m.getURI());
        }).sorted(Comparator.comparing(ValueRow::code)).toList();
        List<String> taken = lists.values().stream().map(ValueList::id).toList();
        return new ValueList(unique(id, taken), iri.getURI(), kind, about.labelNl(), about.labelEn(), rows.size() > FOLD_AFTER,
                rows.size(), rows);
    }

    private Meaning classMeaning(Node cls) {
        Meaning own = meaning(cls, RDFS.label.asNode(), RDFS.comment.asNode());
        if (own.labelNl() != null || cls.getURI().startsWith(KO.NS))
            return own;
        return oslo.cls(cls).map(t -> new Meaning(t.label(), null, t.definition(), null, null)).orElse(own);
    }

    private Meaning propertyMeaning(Node path, Node onClass) {
        Meaning own = meaning(path, RDFS.label.asNode(), RDFS.comment.asNode());
        if (path.getURI().startsWith(KO.NS))
            return own;
        return oslo.property(path, onClass)
                .map(t -> new Meaning(t.label(), own.labelEn(), t.definition(), own.definitionEn(), t.inContext() ? null : t.osloClass()))
                .orElse(own);
    }

    private Alignment classAlignment(Node cls) {
        if (cls.getURI().startsWith(KO.NS))
            return own(cls);
        return oslo.cls(cls).map(t -> reused(t)).orElseGet(() -> elsewhere(cls));
    }

    private Alignment propertyAlignment(Node path, Node onClass) {
        if (path.getURI().startsWith(KO.NS))
            return own(path);
        return oslo.property(path, onClass).map(this::reused).orElseGet(() -> elsewhere(path));
    }

    private Alignment reused(OsloTerms.Term t) {
        return new Alignment("hergebruikt", t.label(), t.osloClass(), t.source().title(), t.source().status(),
                t.source().url(), t.seeAlso(), null, null, null);
    }

    private Alignment own(Node term) {
        Meaning note = meaning(term, ALIGNMENT, ALIGNMENT);
        Node close = one(ontology, term, SKOS.closeMatch.asNode());
        return new Alignment("eigen", null, null, null, null, null, null, note.labelNl(), note.labelEn(),
                close == null ? null : compact(close));
    }

    private Alignment elsewhere(Node term) {
        Meaning note = meaning(term, ALIGNMENT, ALIGNMENT);
        return new Alignment("elders", null, null, null, null, null, null, note.labelNl(), note.labelEn(), null);
    }

    /** Dutch and English values of a label and a definition property. */
    private Meaning meaning(Node subject, Node label, Node definition) {
        return new Meaning(lang(subject, label, "nl"), lang(subject, label, "en"), lang(subject, definition, "nl"),
                lang(subject, definition, "en"), null);
    }

    private String lang(Node subject, Node property, String language) {
        return ontology.find(subject, property, Node.ANY).mapWith(Triple::getObject).toList().stream()
                .filter(o -> o.isLiteral() && language.equals(o.getLiteralLanguage())).map(Node::getLiteralLexicalForm)
                .findFirst().orElse(null);
    }

    private String compact(Node iri) {
        return prefixes.shortForm(iri.getURI());
    }

    private static String iri(Node node) {
        return node.isURI() ? node.getURI() : null;
    }

    private static Node one(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).mapWith(Triple::getObject).nextOptional().orElse(null);
    }

    static String local(Node iri) {
        String s = iri.isURI() ? iri.getURI() : iri.toString();
        return s.substring(Math.max(s.lastIndexOf('#'), s.lastIndexOf('/')) + 1);
    }

    static String slug(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static String unique(String id, java.util.Collection<String> taken) {
        String candidate = id;
        for (int i = 2; taken.contains(candidate); i++)
            candidate = id + "-" + i;
        return candidate;
    }
}
