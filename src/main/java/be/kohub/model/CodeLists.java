package be.kohub.model;

import java.util.Optional;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.SKOS;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import be.kohub.vocab.KO;

/**
 * The SKOS code lists of {@code ontology/codelijsten/}, as the hub's code reads them: which
 * codes a list has and whether a status is still open. Nothing here repeats a list in Java.
 */
public final class CodeLists {
    public static final String CONCEPT = "https://data.kohub.be/id/concept/";
    private static final String SCHEME = "https://data.kohub.be/id/conceptscheme/";
    private final Graph model;

    public CodeLists(Graph model) {
        this.model = model;
    }

    /** The concept {@code code} of list {@code scheme}, if the list has it. */
    public Optional<Node> concept(String scheme, String code) {
        if (code == null || !code.matches("^[a-z0-9-]{1,60}$"))
            return Optional.empty();
        Node concept = iri(scheme, code);
        return model.contains(concept, SKOS.inScheme.asNode(), NodeFactory.createURI(SCHEME + scheme))
                ? Optional.of(concept) : Optional.empty();
    }

    /** The IRI a code of a list stands for, whether or not the list has it. */
    public Node iri(String scheme, String code) {
        return NodeFactory.createURI(namespace(scheme) + code);
    }

    /** The concepts of a list. */
    public java.util.List<Node> members(String scheme) {
        return model.find(Node.ANY, SKOS.inScheme.asNode(), NodeFactory.createURI(SCHEME + scheme)).mapWith(t -> t.getSubject()).toList();
    }

    /** The Dutch label of a concept (or of anything the model labels), if it has one. */
    public Optional<String> label(Node concept) {
        return model.find(concept, SKOS.prefLabel.asNode(), Node.ANY).toList().stream().map(t -> t.getObject())
                .filter(o -> o.isLiteral() && "nl".equals(o.getLiteralLanguage())).map(Node::getLiteralLexicalForm).findFirst();
    }

    /** The official IRIs of municipalities, by NIS code. */
    public static final String MUNICIPALITIES = "https://data.vlaanderen.be/id/gemeente/";

    /** Municipalities keep their official IRIs (by NIS code); the hub's own lists live under {@link #CONCEPT}. */
    private static String namespace(String scheme) {
        return scheme.equals("gemeente") ? MUNICIPALITIES : CONCEPT + scheme + "/";
    }

    /** The concept, or a 422 naming the field and the codes the list does have. */
    public Node require(String scheme, String code, String field) {
        return concept(scheme, code).orElseThrow(() -> new Rejected(ProblemType.ONGELDIGE_INVOER,
                field + " '" + code + "' staat niet in de codelijst " + scheme + "; kies uit " + codes(scheme) + ".",
                field + " '" + code + "' is not in the code list " + scheme + "; choose from " + codes(scheme) + "."));
    }

    /** The code of a concept: its skos:notation. */
    public String code(Node concept) {
        return model.find(concept, SKOS.notation.asNode(), Node.ANY).nextOptional()
                .map(t -> t.getObject().getLiteralLexicalForm())
                .orElse(concept.getURI().substring(concept.getURI().lastIndexOf('/') + 1));
    }

    /** Whether a request or assignment in this status is still open ({@code kohub:open true}). */
    public boolean open(Node status) {
        return model.contains(status, KO.open, NodeFactory.createLiteralDT("true", org.apache.jena.datatypes.xsd.XSDDatatype.XSDboolean));
    }

    public TreeSet<String> codes(String scheme) {
        TreeSet<String> codes = new TreeSet<>();
        model.find(Node.ANY, SKOS.inScheme.asNode(), NodeFactory.createURI(SCHEME + scheme))
                .forEachRemaining(t -> codes.add(code(t.getSubject())));
        return codes;
    }
}
