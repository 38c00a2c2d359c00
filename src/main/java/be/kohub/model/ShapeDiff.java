package be.kohub.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * What changed between two versions of the shapes, computed from the two shape graphs (not
 * from their text) and classified as breaking or not by the rules of docs/versioning.md
 * ({@link ChangeRule}). Node shapes are matched by IRI without their version
 * ({@code …/shapes/locatie/1.0#AdresShape} is {@code locatie#AdresShape}), property shapes by
 * their path, SPARQL constraints by their query's algebra, code lists by their members.
 */
public final class ShapeDiff {
    private static final String SH = "http://www.w3.org/ns/shacl#";
    /** Text for people: a change here changes no rule. */
    private static final Set<String> WORDING = Set.of(SH + "message", SH + "name", SH + "description", RDFS.label.getURI(), RDFS.comment.getURI());
    /** Not constraints themselves: how shapes hang together, compared on their own. */
    private static final Set<String> STRUCTURE = Set.of(SH + "path", SH + "property", SH + "sparql", SH + "prefixes",
            SH + "declare", SH + "order", SH + "group");
    /** Lower bounds: raising one tightens. */
    private static final Set<String> LOWER = Set.of("sh:minLength", "sh:minInclusive", "sh:minExclusive");
    /** Upper bounds: lowering one tightens. */
    private static final Set<String> UPPER = Set.of("sh:maxLength", "sh:maxInclusive", "sh:maxExclusive");
    /** What a reader relies on about the kind of value: removing one breaks readers. */
    private static final Set<String> GUARANTEES = Set.of("sh:datatype", "sh:class", "sh:nodeKind", "sh:node", "codelijst",
            "sh:targetClass", "sh:targetNode", "sh:targetSubjectsOf", "sh:targetObjectsOf");
    /** Parameters whose RDF list is a set of allowed values. */
    private static final Set<String> ENUMERATIONS = Set.of("sh:in", "sh:languageIn");
    private static final int MAX_DEPTH = 12;

    private final ShapesVersion from;
    private final ShapesVersion to;
    private final Model fromModel;
    private final Model toModel;
    private final PrefixMapping prefixes = PrefixMapping.Factory.create();
    private final Set<String> shapeIris = new TreeSet<>();
    private final List<ShapeChange> changes = new ArrayList<>();

    private ShapeDiff(ShapesVersion from, ShapesVersion to) {
        this.from = from;
        this.to = to;
        this.fromModel = ModelFactory.createModelForGraph(from.union());
        this.toModel = ModelFactory.createModelForGraph(to.union());
        prefixes.setNsPrefixes(PrefixMapping.Standard).setNsPrefix("sh", SH).setNsPrefix("skos", SKOS.uri);
        for (Model model : List.of(fromModel, toModel))
            model.getNsPrefixMap().forEach((prefix, ns) -> {
                if (!ns.contains("/shapes/") && prefixes.getNsPrefixURI(prefix) == null)
                    prefixes.setNsPrefix(prefix, ns);
            });
    }

    /** The changes from {@code from} to {@code to}, by document type, shape, path and constraint. */
    public static List<ShapeChange> between(ShapesVersion from, ShapesVersion to) {
        return new ShapeDiff(from, to).run();
    }

    private List<ShapeChange> run() {
        Map<String, Located> before = nodeShapes(from, fromModel);
        Map<String, Located> after = nodeShapes(to, toModel);
        before.values().forEach(l -> shapeIris.add(l.shape.getURI()));
        after.values().forEach(l -> shapeIris.add(l.shape.getURI()));
        Set<String> known = knownClasses(fromModel);
        for (String key : union(before.keySet(), after.keySet())) {
            Located old = before.get(key);
            Located neu = after.get(key);
            if (old != null && neu != null) {
                compareShape(neu.type, key, old.shape, neu.shape);
            } else if (neu != null) {
                boolean knownTarget = neu.shape.listProperties(toModel.createProperty(SH + "targetClass")).toList().stream()
                        .anyMatch(s -> s.getObject().isURIResource() && known.contains(s.getObject().asResource().getURI()));
                add(neu.type, key, null, "vorm", null, summary(neu.shape),
                        knownTarget ? ChangeRule.SHAPE_FOR_KNOWN_THINGS : ChangeRule.SHAPE_FOR_NEW_THINGS, null);
            } else {
                add(old.type, key, null, "vorm", summary(old.shape), null, ChangeRule.SHAPE_REMOVED, null);
            }
        }
        changes.sort(Comparator.comparing(ShapeChange::documentType).thenComparing(ShapeChange::shape)
                .thenComparing(c -> c.path() == null ? "" : c.path()).thenComparing(ShapeChange::constraint));
        return List.copyOf(changes);
    }

    private record Located(Resource shape, String type) {}

    /** Named node shapes by key, with the document type whose file declares them. */
    private static Map<String, Located> nodeShapes(ShapesVersion version, Model union) {
        Map<String, Located> shapes = new TreeMap<>();
        for (String type : version.documentTypes()) {
            Graph graph = version.graph(type).orElseThrow();
            graph.find(Node.ANY, RDF.type.asNode(), union.createResource(SH + "NodeShape").asNode()).forEachRemaining(t -> {
                if (t.getSubject().isURI())
                    shapes.put(key(t.getSubject().getURI()), new Located(union.createResource(t.getSubject().getURI()), type));
            });
        }
        return shapes;
    }

    /** Classes the version's documents may hold: targets and {@code sh:class} values. */
    private static Set<String> knownClasses(Model model) {
        Set<String> classes = new TreeSet<>();
        for (String p : List.of("targetClass", "class"))
            model.listStatements(null, model.createProperty(SH + p), (RDFNode) null)
                    .forEachRemaining(s -> { if (s.getObject().isURIResource()) classes.add(s.getObject().asResource().getURI()); });
        return classes;
    }

    /** A shape's IRI without its version: {@code https://data.kohub.be/shapes/locatie/1.0#X} is {@code locatie#X}. */
    public static String key(String iri) {
        int hash = iri.indexOf('#');
        if (hash < 0)
            return iri;
        String document = iri.substring(0, hash).replaceAll("/v?[0-9]+(\\.[0-9]+)*$", "");
        return document.substring(document.lastIndexOf('/') + 1) + iri.substring(hash);
    }

    private void compareShape(String type, String shape, Resource old, Resource neu) {
        compareConstraints(type, shape, null, old, neu);
        Map<String, Resource> before = properties(old);
        Map<String, Resource> after = properties(neu);
        for (String path : union(before.keySet(), after.keySet())) {
            Resource o = before.get(path);
            Resource n = after.get(path);
            if (o != null && n != null) {
                compareConstraints(type, shape, path, o, n);
            } else if (n != null) {
                Map<String, TreeMap<String, Value>> params = params(n);
                boolean required = number(params.get("sh:minCount")).map(c -> c.signum() > 0).orElse(false)
                        || number(params.get("sh:maxCount")).map(c -> c.signum() == 0).orElse(false);
                add(type, shape, path, "eigenschap", null, summary(n),
                        required ? ChangeRule.REQUIRED_PROPERTY_ADDED : ChangeRule.OPTIONAL_PROPERTY_ADDED, null);
            } else {
                boolean forbidden = number(params(o).get("sh:maxCount")).map(c -> c.signum() == 0).orElse(false);
                add(type, shape, path, "eigenschap", summary(o), null,
                        forbidden ? ChangeRule.FORBIDDEN_PROPERTY_REMOVED : ChangeRule.PROPERTY_REMOVED, null);
            }
        }
    }

    private void compareConstraints(String type, String shape, String path, Resource old, Resource neu) {
        Map<String, TreeMap<String, Value>> before = params(old);
        Map<String, TreeMap<String, Value>> after = params(neu);
        for (String name : union(before.keySet(), after.keySet())) {
            TreeMap<String, Value> o = before.getOrDefault(name, new TreeMap<>());
            TreeMap<String, Value> n = after.getOrDefault(name, new TreeMap<>());
            if (name.equals("codelijst") && o.keySet().equals(n.keySet()))
                o.values().forEach(scheme -> compareCodes(type, shape, path, scheme));
            if (o.keySet().equals(n.keySet()))
                continue;
            add(type, shape, path, name, display(o), display(n), classify(name, o, n), null);
        }
        compareSparql(type, shape, path, old, neu);
        compareWording(type, shape, path, "", old, neu);
    }

    private static ChangeRule classify(String name, TreeMap<String, Value> old, TreeMap<String, Value> neu) {
        if (name.equals("sh:minCount")) {
            BigDecimal o = number(old).orElse(BigDecimal.ZERO);
            BigDecimal n = number(neu).orElse(BigDecimal.ZERO);
            if (n.compareTo(o) > 0)
                return ChangeRule.TIGHTENED;
            return o.signum() > 0 && n.signum() == 0 ? ChangeRule.NOW_OPTIONAL : ChangeRule.LOOSENED;
        }
        if (name.equals("sh:maxCount")) {
            BigDecimal o = number(old).orElse(null);
            BigDecimal n = number(neu).orElse(null);
            if (o == null || (n != null && n.compareTo(o) < 0))
                return ChangeRule.TIGHTENED;
            return o.compareTo(BigDecimal.ONE) == 0 ? ChangeRule.NOW_MULTIPLE : ChangeRule.LOOSENED;
        }
        boolean lower = LOWER.contains(name);
        if (lower || UPPER.contains(name)) {
            if (old.isEmpty())
                return ChangeRule.TIGHTENED;
            if (neu.isEmpty())
                return ChangeRule.LOOSENED;
            Integer order = compare(old.firstEntry().getValue().node, neu.firstEntry().getValue().node);
            if (order == null || old.size() > 1 || neu.size() > 1)
                return ChangeRule.CHANGED;
            return (lower ? order < 0 : order > 0) ? ChangeRule.TIGHTENED : ChangeRule.LOOSENED;
        }
        if (ENUMERATIONS.contains(name)) {
            if (old.isEmpty())
                return ChangeRule.TIGHTENED;
            if (neu.isEmpty())
                return ChangeRule.LOOSENED;
            return neu.keySet().containsAll(old.keySet()) ? ChangeRule.LOOSENED : ChangeRule.TIGHTENED;
        }
        // Every value of a parameter is a constraint of its own: more of them tighten, fewer loosen.
        if (neu.keySet().containsAll(old.keySet()))
            return ChangeRule.TIGHTENED;
        if (old.keySet().containsAll(neu.keySet()))
            return GUARANTEES.contains(name) ? ChangeRule.GUARANTEE_REMOVED : ChangeRule.LOOSENED;
        return ChangeRule.CHANGED;
    }

    /** The order of two bound values (numbers, or the lexical forms of one datatype such as xsd:date), null if none. */
    private static Integer compare(RDFNode a, RDFNode b) {
        if (!a.isLiteral() || !b.isLiteral())
            return null;
        Literal x = a.asLiteral();
        Literal y = b.asLiteral();
        try {
            return new BigDecimal(x.getLexicalForm()).compareTo(new BigDecimal(y.getLexicalForm()));
        } catch (NumberFormatException e) {
            return x.getDatatypeURI().equals(y.getDatatypeURI()) ? Integer.signum(x.getLexicalForm().compareTo(y.getLexicalForm())) : null;
        }
    }

    private static java.util.Optional<BigDecimal> number(TreeMap<String, Value> values) {
        if (values == null || values.size() != 1)
            return java.util.Optional.empty();
        RDFNode node = values.firstEntry().getValue().node;
        try {
            return java.util.Optional.of(new BigDecimal(node.asLiteral().getLexicalForm()));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** Codes of a list the shapes name in both versions, compared between the versions' code lists. */
    private void compareCodes(String type, String shape, String path, Value scheme) {
        Map<String, String> before = codes(from.codeLists(), scheme.node);
        Map<String, String> after = codes(to.codeLists(), scheme.node);
        for (String code : union(before.keySet(), after.keySet())) {
            if (!after.containsKey(code))
                add(type, shape, path, "code", code, null, ChangeRule.CODE_REMOVED, "codelijst " + scheme.display);
            else if (!before.containsKey(code))
                add(type, shape, path, "code", null, code, ChangeRule.CODE_ADDED, "codelijst " + scheme.display);
        }
    }

    /** The concepts of a scheme, by code (skos:notation, else the IRI's last segment). */
    private static Map<String, String> codes(Graph codeLists, RDFNode scheme) {
        Map<String, String> codes = new TreeMap<>();
        Model model = ModelFactory.createModelForGraph(codeLists);
        model.listSubjectsWithProperty(SKOS.inScheme, scheme).forEachRemaining(concept -> {
            Statement notation = concept.getProperty(SKOS.notation);
            String uri = concept.isURIResource() ? concept.getURI() : concept.toString();
            codes.put(notation != null ? notation.getString() : uri.substring(uri.lastIndexOf('/') + 1), uri);
        });
        return codes;
    }

    private record Sparql(Resource node, String canonical, String text, String error, Set<String> messages) {}

    private void compareSparql(String type, String shape, String path, Resource old, Resource neu) {
        List<Sparql> before = sparql(old);
        List<Sparql> after = sparql(neu);
        List<Sparql[]> pairs = new ArrayList<>();
        // Same query: the same rule. Else the same message (in some language): the same rule, rewritten.
        for (java.util.function.BiPredicate<Sparql, Sparql> same : List.<java.util.function.BiPredicate<Sparql, Sparql>>of(
                (a, b) -> a.canonical.equals(b.canonical),
                (a, b) -> a.messages.stream().anyMatch(b.messages::contains)))
            for (Sparql a : List.copyOf(before))
                after.stream().filter(b -> same.test(a, b)).findFirst().ifPresent(b -> {
                    pairs.add(new Sparql[] {a, b});
                    before.remove(a);
                    after.remove(b);
                });
        for (Sparql[] pair : pairs) {
            Sparql a = pair[0];
            Sparql b = pair[1];
            if (!a.canonical.equals(b.canonical)) {
                String note = a.error != null ? "De oude query is geen geldige SPARQL / the old query is not valid SPARQL: " + a.error
                        : b.error != null ? "De nieuwe query is geen geldige SPARQL / the new query is not valid SPARQL: " + b.error : null;
                add(type, shape, path, "sh:sparql", a.text, b.text, ChangeRule.CHANGED, note);
            }
            compareWording(type, shape, path, "sh:sparql/", a.node, b.node);
        }
        before.forEach(a -> add(type, shape, path, "sh:sparql", a.text, null, ChangeRule.LOOSENED, a.messages.toString()));
        after.forEach(b -> add(type, shape, path, "sh:sparql", null, b.text, ChangeRule.TIGHTENED, b.messages.toString()));
    }

    private List<Sparql> sparql(Resource shape) {
        List<Sparql> list = new ArrayList<>();
        Model model = shape.getModel();
        for (Statement s : shape.listProperties(model.createProperty(SH + "sparql")).toList()) {
            Resource constraint = s.getResource();
            Statement select = constraint.getProperty(model.createProperty(SH + "select"));
            String text = select == null ? "" : select.getString();
            String canonical;
            String error = null;
            try {
                Query query = QueryFactory.create(prologue(constraint) + text);
                canonical = Algebra.compile(query).toString(PrefixMapping.Factory.create());
            } catch (QueryParseException e) {
                canonical = "unparsed: " + text.replaceAll("\\s+", " ").trim();
                error = e.getMessage();
            }
            Set<String> messages = constraint.listProperties(model.createProperty(SH + "message")).toList().stream()
                    .map(m -> literal(m.getObject())).collect(Collectors.toCollection(TreeSet::new));
            list.add(new Sparql(constraint, canonical, dedent(text), error, messages));
        }
        return list;
    }

    /** The PREFIX lines a SHACL-SPARQL query gets from its {@code sh:prefixes} declarations. */
    private static String prologue(Resource constraint) {
        Model model = constraint.getModel();
        StringBuilder prologue = new StringBuilder();
        constraint.listProperties(model.createProperty(SH + "prefixes")).forEachRemaining(p ->
                p.getResource().listProperties(model.createProperty(SH + "declare")).forEachRemaining(d -> {
                    Resource declaration = d.getResource();
                    Statement prefix = declaration.getProperty(model.createProperty(SH + "prefix"));
                    Statement namespace = declaration.getProperty(model.createProperty(SH + "namespace"));
                    if (prefix != null && namespace != null)
                        prologue.append("PREFIX ").append(prefix.getString()).append(": <").append(namespace.getString()).append(">\n");
                }));
        return prologue.toString();
    }

    private void compareWording(String type, String shape, String path, String prefix, Resource old, Resource neu) {
        for (String predicate : new TreeSet<>(WORDING)) {
            Set<String> o = texts(old, predicate);
            Set<String> n = texts(neu, predicate);
            if (o.equals(n))
                continue;
            Set<String> removed = new TreeSet<>(o);
            removed.removeAll(n);
            Set<String> added = new TreeSet<>(n);
            added.removeAll(o);
            add(type, shape, path, prefix + prefixes.shortForm(predicate), removed.isEmpty() ? null : String.join("\n", removed),
                    added.isEmpty() ? null : String.join("\n", added), ChangeRule.WORDING, null);
        }
    }

    private static Set<String> texts(Resource node, String predicate) {
        return node.listProperties(node.getModel().createProperty(predicate)).toList().stream()
                .map(s -> literal(s.getObject())).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String literal(RDFNode node) {
        if (!node.isLiteral())
            return node.toString();
        Literal l = node.asLiteral();
        return "\"" + l.getLexicalForm() + "\"" + (l.getLanguage().isEmpty() ? "" : "@" + l.getLanguage());
    }

    /** A shape's property shapes by path; a second one on the same path gets " (2)". */
    private Map<String, Resource> properties(Resource shape) {
        Map<String, Resource> properties = new TreeMap<>();
        Model model = shape.getModel();
        List<Resource> list = shape.listProperties(model.createProperty(SH + "property")).toList().stream()
                .map(Statement::getResource).sorted(Comparator.comparing(this::canonicalParams)).toList();
        for (Resource property : list) {
            Statement path = property.getProperty(model.createProperty(SH + "path"));
            String key = path == null ? "?" : path(path.getObject(), 0);
            String unique = key;
            for (int i = 2; properties.containsKey(unique); i++)
                unique = key + " (" + i + ")";
            properties.put(unique, property);
        }
        return properties;
    }

    private String canonicalParams(Resource shape) {
        return params(shape).toString();
    }

    /** A property path in SHACL's own notation: {@code ^p}, {@code p/q}, {@code (p|q)}, {@code p*}. */
    private String path(RDFNode path, int depth) {
        if (depth > MAX_DEPTH)
            return "…";
        if (path.isURIResource())
            return prefixes.shortForm(path.asResource().getURI());
        Resource r = path.asResource();
        Model m = r.getModel();
        if (r.canAs(RDFList.class) && r.hasProperty(RDF.first))
            return r.as(RDFList.class).asJavaList().stream().map(p -> path(p, depth + 1)).collect(Collectors.joining("/"));
        for (String[] op : new String[][] {{"inversePath", "^", ""}, {"zeroOrMorePath", "", "*"}, {"oneOrMorePath", "", "+"}, {"zeroOrOnePath", "", "?"}}) {
            Statement s = r.getProperty(m.createProperty(SH + op[0]));
            if (s != null)
                return op[1] + path(s.getObject(), depth + 1) + op[2];
        }
        Statement alternative = r.getProperty(m.createProperty(SH + "alternativePath"));
        if (alternative != null)
            return "(" + alternative.getResource().as(RDFList.class).asJavaList().stream().map(p -> path(p, depth + 1))
                    .collect(Collectors.joining("|")) + ")";
        return "?";
    }

    /** A rendered RDF term: {@code canonical} to compare by, {@code display} to show. */
    private record Value(String canonical, String display, RDFNode node) {}

    /**
     * The constraint parameters of a shape: SHACL predicates other than wording and structure, each
     * with its values. A {@code sh:node} that only says "in scheme S" is the code list S
     * ({@code codelijst}); the members of {@code sh:in} are values of their own.
     */
    private Map<String, TreeMap<String, Value>> params(Resource shape) {
        Map<String, TreeMap<String, Value>> params = new TreeMap<>();
        for (Statement s : shape.listProperties().toList()) {
            String predicate = s.getPredicate().getURI();
            if (!predicate.startsWith(SH) || WORDING.contains(predicate) || STRUCTURE.contains(predicate))
                continue;
            String name = prefixes.shortForm(predicate);
            RDFNode object = s.getObject();
            if (ENUMERATIONS.contains(name) && object.canAs(RDFList.class)) {
                for (RDFNode member : object.as(RDFList.class).asJavaList())
                    put(params, name, render(member, 0));
                continue;
            }
            Resource scheme = name.equals("sh:node") ? schemeOf(object) : null;
            if (scheme != null)
                put(params, "codelijst", new Value(scheme.getURI(), scheme.getURI().substring(scheme.getURI().lastIndexOf('/') + 1), scheme));
            else
                put(params, name, render(object, 0));
        }
        return params;
    }

    private static void put(Map<String, TreeMap<String, Value>> params, String name, Value value) {
        params.computeIfAbsent(name, n -> new TreeMap<>()).put(value.canonical, value);
    }

    /** The scheme S of an anonymous shape {@code [ sh:property [ sh:path skos:inScheme ; sh:hasValue S ] ]}, else null. */
    private Resource schemeOf(RDFNode node) {
        if (!node.isAnon())
            return null;
        Resource shape = node.asResource();
        Model m = shape.getModel();
        List<Statement> own = shape.listProperties().toList().stream().filter(s -> !WORDING.contains(s.getPredicate().getURI())
                && !s.getPredicate().equals(RDF.type)).toList();
        if (own.size() != 1 || !own.get(0).getPredicate().getURI().equals(SH + "property") || !own.get(0).getObject().isAnon())
            return null;
        Resource property = own.get(0).getResource();
        List<Statement> constraints = property.listProperties().toList().stream()
                .filter(s -> !WORDING.contains(s.getPredicate().getURI())).toList();
        Statement path = property.getProperty(m.createProperty(SH + "path"));
        Statement value = property.getProperty(m.createProperty(SH + "hasValue"));
        if (constraints.size() != 2 || path == null || value == null || !SKOS.inScheme.equals(path.getObject())
                || !value.getObject().isURIResource())
            return null;
        return value.getResource();
    }

    private Value render(RDFNode node, int depth) {
        if (depth > MAX_DEPTH)
            return new Value("…", "…", node);
        if (node.isURIResource()) {
            String uri = node.asResource().getURI();
            if (shapeIris.contains(uri) || uri.contains("/shapes/") && uri.contains("#"))
                return new Value("shape " + key(uri), key(uri), node);
            return new Value("<" + uri + ">", prefixes.shortForm(uri), node);
        }
        if (node.isLiteral()) {
            Literal l = node.asLiteral();
            String canonical = "\"" + l.getLexicalForm() + "\"" + (l.getLanguage().isEmpty() ? "^^" + l.getDatatypeURI() : "@" + l.getLanguage());
            return new Value(canonical, l.getLexicalForm(), node);
        }
        Resource r = node.asResource();
        if (r.hasProperty(RDF.first) || r.equals(RDF.nil)) {
            List<Value> members = r.as(RDFList.class).asJavaList().stream().map(m -> render(m, depth + 1))
                    .sorted(Comparator.comparing(Value::canonical)).toList();
            return new Value("( " + members.stream().map(Value::canonical).collect(Collectors.joining(" ")) + " )",
                    "( " + members.stream().map(Value::display).collect(Collectors.joining(" ")) + " )", node);
        }
        // An anonymous shape: its constraints, in a fixed order.
        List<String> canonical = new ArrayList<>();
        List<String> display = new ArrayList<>();
        Statement path = r.getProperty(r.getModel().createProperty(SH + "path"));
        if (path != null) {
            canonical.add("sh:path " + path(path.getObject(), depth + 1));
            display.add("sh:path " + path(path.getObject(), depth + 1));
        }
        for (Statement s : r.listProperties().toList().stream().sorted(Comparator.comparing(s -> s.getPredicate().getURI())).toList()) {
            String p = s.getPredicate().getURI();
            if (WORDING.contains(p) || p.equals(SH + "path") || s.getPredicate().equals(RDF.type))
                continue;
            Value v = render(s.getObject(), depth + 1);
            canonical.add(prefixes.shortForm(p) + " " + v.canonical);
            display.add(prefixes.shortForm(p) + " " + v.display);
        }
        java.util.Collections.sort(canonical);
        return new Value("[ " + String.join(" ; ", canonical) + " ]", "[ " + String.join(" ; ", display) + " ]", node);
    }

    private static String display(TreeMap<String, Value> values) {
        return values.isEmpty() ? null : values.values().stream().map(Value::display).collect(Collectors.joining(", "));
    }

    /** What a whole shape or property says, in one line: its parameters and how many properties it has. */
    private String summary(Resource shape) {
        List<String> parts = new ArrayList<>();
        params(shape).forEach((name, values) -> parts.add(name + " " + display(values)));
        int properties = shape.listProperties(shape.getModel().createProperty(SH + "property")).toList().size();
        if (properties > 0)
            parts.add(properties + " × sh:property");
        int rules = shape.listProperties(shape.getModel().createProperty(SH + "sparql")).toList().size();
        if (rules > 0)
            parts.add(rules + " × sh:sparql");
        return String.join("; ", parts);
    }

    private static String dedent(String text) {
        List<String> lines = new ArrayList<>(text.strip().lines().toList());
        int indent = lines.stream().skip(1).filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++)
            out.add(i == 0 ? lines.get(i) : lines.get(i).substring(Math.min(indent, lines.get(i).length() - lines.get(i).stripLeading().length())));
        return String.join("\n", out);
    }

    private static TreeSet<String> union(Set<String> a, Set<String> b) {
        TreeSet<String> union = new TreeSet<>(a);
        union.addAll(b);
        return union;
    }

    private void add(String type, String shape, String path, String constraint, String old, String neu, ChangeRule rule, String note) {
        changes.add(new ShapeChange(type, shape, path, constraint, old, neu, rule, note));
    }
}
