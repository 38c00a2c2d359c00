package be.kohub.report;

import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.SKOS;

import be.kohub.model.CodeLists;
import be.kohub.vocab.KO;

/**
 * The IRI and the Dutch label of a dimension value, from the code lists in {@code ontology/}:
 * municipalities and counters by NIS code, categories, age classes and outcome groups by code.
 */
public final class DimensionValues {
    private static final String MUNICIPALITY = "https://data.vlaanderen.be/id/gemeente/";
    private final Graph model;

    public DimensionValues(Graph model) {
        this.model = model;
    }

    /** The value as an IRI, or empty for values that are literals (periods, "onbekend"). */
    public Optional<Node> iri(String dimension, String value) {
        if (value == null || value.isEmpty() || value.equals("onbekend") && !dimension.equals("leeftijdsklasse"))
            return Optional.empty();
        String iri = switch (dimension) {
            case "woongemeente", "locatiegemeente", "uitkomstgemeente" -> MUNICIPALITY + value;
            case "loket" -> KO.LOKET_PREFIX + value;
            case "categorie" -> value.startsWith("voorrangsgroep:") ? CodeLists.CONCEPT + "voorrangsgroep/" + value.substring(15)
                    : CodeLists.CONCEPT + "rapportcategorie/" + value;
            case "leeftijdsklasse", "uitkomstgroep" -> CodeLists.CONCEPT + dimension + "/" + value;
            default -> null;
        };
        return Optional.ofNullable(iri).map(NodeFactory::createURI);
    }

    /** The Dutch label of the value, or the value itself. */
    public String label(String dimension, String value) {
        return iri(dimension, value).flatMap(iri -> model.find(iri, SKOS.prefLabel.asNode(), Node.ANY).toList().stream()
                        .map(t -> t.getObject()).filter(o -> o.isLiteral() && "nl".equals(o.getLiteralLanguage()))
                        .map(Node::getLiteralLexicalForm).findFirst())
                .orElse(value);
    }
}
