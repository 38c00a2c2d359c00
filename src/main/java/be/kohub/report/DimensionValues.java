package be.kohub.report;

import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

import be.kohub.model.CodeLists;
import be.kohub.vocab.KO;

/**
 * The IRI and the Dutch label of a dimension value, from the code lists in {@code ontology/}:
 * municipalities and counters by NIS code, categories, age classes and outcome groups by code.
 */
public final class DimensionValues {
    private final CodeLists codes;

    public DimensionValues(CodeLists codes) {
        this.codes = codes;
    }

    /** The value as an IRI, or empty for values that are literals (periods, "onbekend"). */
    public Optional<Node> iri(String dimension, String value) {
        if (value == null || value.isEmpty() || value.equals("onbekend") && !dimension.equals("leeftijdsklasse"))
            return Optional.empty();
        return Optional.ofNullable(switch (dimension) {
            case "woongemeente", "locatiegemeente", "uitkomstgemeente" -> codes.iri("gemeente", value);
            case "loket" -> NodeFactory.createURI(KO.LOKET_PREFIX + value);
            case "categorie" -> value.startsWith("voorrangsgroep:") ? codes.iri("voorrangsgroep", value.substring("voorrangsgroep:".length()))
                    : codes.iri("rapportcategorie", value);
            case "leeftijdsklasse", "uitkomstgroep" -> codes.iri(dimension, value);
            default -> null;
        });
    }

    /** The Dutch label of the value, or the value itself. */
    public String label(String dimension, String value) {
        return iri(dimension, value).flatMap(codes::label).orElse(value);
    }
}
