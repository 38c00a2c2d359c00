package be.kohub.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;

import be.kohub.ingest.BundledContexts;

/**
 * Reads the generator's own JSON-LD documents (compact, with the hub's context) as RDF without a
 * JSON-LD processor. The hub reads JSON-LD with Titanium, which processes the whole context for
 * every document (about 6 ms for a request on a small machine: 25 minutes for 250,000 requests);
 * this reads the term definitions of {@code kohub-v1.jsonld} once and maps a document in
 * microseconds. It knows only what that context uses (prefixes, {@code @id}, {@code @type}
 * {@code @id}/{@code @vocab}/datatype, {@code @language}, {@code @reverse}, scoped {@code @vocab},
 * type-scoped contexts) and refuses anything else. GeneratorTest checks that it gives the same
 * graph as the hub's DocumentReader for every kind of generated document. Blank nodes get the
 * labels {@code <prefix>-<n>}, so that the output is the same on every run.
 */
public final class FastJsonLd {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, String> prefixes = new HashMap<>();
    private final Map<String, Term> terms;

    /** How the context defines one term. */
    private record Term(String iri, boolean reverse, String type, String language, String vocab, Map<String, Term> scoped,
                        boolean propagate) {}

    public FastJsonLd(byte[] context) {
        try {
            JsonNode definitions = JSON.readTree(context).get("@context");
            definitions.properties().forEach(e -> {
                if (e.getValue().isTextual() && e.getValue().asText().matches("^https?://.*[#/]$"))
                    prefixes.put(e.getKey(), e.getValue().asText());
            });
            this.terms = terms(definitions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hub's context as bundled in the jar. */
    public static FastJsonLd kohubV1() {
        return new FastJsonLd(new BundledContexts("http://localhost").v1());
    }

    /** The document as triples; its root is a blank node, as in a document posted without id. */
    public Graph read(ObjectNode document, String blankPrefix) {
        if (!BundledContexts.KOHUB_V1.equals(document.path("@context").asText()))
            throw new IllegalArgumentException("only documents with the context " + BundledContexts.KOHUB_V1);
        Graph graph = GraphFactory.createDefaultGraph();
        node(document, Map.of(), graph, new int[] {0}, blankPrefix);
        return graph;
    }

    private Node node(JsonNode object, Map<String, Term> propagated, Graph graph, int[] counter, String prefix) {
        Node subject = NodeFactory.createBlankNode(prefix + "-" + (++counter[0]));
        Map<String, Term> active = new HashMap<>(propagated);
        Map<String, Term> inherited = propagated;
        JsonNode type = object.get("type");
        if (type != null) {
            Term typeTerm = term(type.asText(), active);
            graph.add(Triple.create(subject, RDF.type.asNode(), NodeFactory.createURI(typeTerm.iri())));
            if (typeTerm.scoped() != null) {
                active.putAll(typeTerm.scoped());
                if (typeTerm.propagate()) {
                    inherited = new HashMap<>(propagated);
                    inherited.putAll(typeTerm.scoped());
                }
            }
        }
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String key = field.getKey();
            if (key.equals("@context") || key.equals("type"))
                continue;
            if (key.startsWith("@") || key.equals("id"))
                throw new IllegalArgumentException("not supported by FastJsonLd: " + key);
            Term term = term(key, active);
            Node property = NodeFactory.createURI(term.iri());
            List<JsonNode> values = field.getValue().isArray() ? toList(field.getValue()) : List.of(field.getValue());
            for (JsonNode value : values) {
                Node object2 = value(value, term, inherited, graph, counter, prefix);
                graph.add(term.reverse() ? Triple.create(object2, property, subject) : Triple.create(subject, property, object2));
            }
        }
        return subject;
    }

    private Node value(JsonNode value, Term term, Map<String, Term> inherited, Graph graph, int[] counter, String prefix) {
        if (value.isObject())
            return node(value, inherited, graph, counter, prefix);
        if (term.type() != null && value.isTextual()) {
            return switch (term.type()) {
                case "@id" -> NodeFactory.createURI(value.asText());
                case "@vocab" -> {
                    if (term.vocab() == null || terms.containsKey(value.asText()) || value.asText().contains(":"))
                        throw new IllegalArgumentException("not supported by FastJsonLd: @vocab value " + value);
                    yield NodeFactory.createURI(term.vocab() + value.asText());
                }
                default -> NodeFactory.createLiteralDT(value.asText(), TypeMapper.getInstance().getSafeTypeByName(expand(term.type())));
            };
        }
        if (term.type() != null)
            throw new IllegalArgumentException("not supported by FastJsonLd: typed value " + value);
        if (value.isTextual())
            return term.language() != null ? NodeFactory.createLiteralLang(value.asText(), term.language())
                    : NodeFactory.createLiteralString(value.asText());
        if (value.isBoolean())
            return NodeFactory.createLiteralDT(Boolean.toString(value.booleanValue()), XSDDatatype.XSDboolean);
        if (value.isIntegralNumber())
            return NodeFactory.createLiteralDT(value.bigIntegerValue().toString(), XSDDatatype.XSDinteger);
        throw new IllegalArgumentException("not supported by FastJsonLd: value " + value);
    }

    private Term term(String key, Map<String, Term> active) {
        Term term = active.getOrDefault(key, terms.get(key));
        if (term == null)
            throw new IllegalArgumentException("the context has no term " + key);
        return term;
    }

    private Map<String, Term> terms(JsonNode definitions) {
        Map<String, Term> result = new HashMap<>();
        definitions.properties().forEach(e -> {
            String key = e.getKey();
            JsonNode d = e.getValue();
            if (key.startsWith("@") || prefixes.containsKey(key) || key.equals("id") || key.equals("type"))
                return;
            if (d.isTextual()) {
                result.put(key, new Term(expand(d.asText()), false, null, null, null, null, false));
                return;
            }
            JsonNode scopedContext = d.get("@context");
            String vocab = scopedContext != null && scopedContext.has("@vocab") ? scopedContext.get("@vocab").asText() : null;
            Map<String, Term> scoped = null;
            boolean propagate = false;
            if (scopedContext != null && !d.has("@type") && !d.has("@reverse")) {
                // A type-scoped context: applies to the node's own properties, and to nested nodes only with @propagate.
                scoped = terms(scopedContext);
                propagate = scopedContext.path("@propagate").asBoolean(false);
            }
            boolean reverse = d.has("@reverse");
            String iri = expand(reverse ? d.get("@reverse").asText() : d.path("@id").asText());
            result.put(key, new Term(iri, reverse, d.has("@type") ? d.get("@type").asText() : null,
                    d.has("@language") ? d.get("@language").asText() : null, vocab, scoped, propagate));
        });
        return result;
    }

    private String expand(String term) {
        int colon = term.indexOf(':');
        if (colon > 0 && prefixes.containsKey(term.substring(0, colon)))
            return prefixes.get(term.substring(0, colon)) + term.substring(colon + 1);
        return term;
    }

    private static List<JsonNode> toList(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).toList();
    }
}
