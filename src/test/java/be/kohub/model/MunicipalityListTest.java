package be.kohub.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;

/** The municipality code list in ontology/ is the reference list of ../shared/reference/data/, entry by entry. */
class MunicipalityListTest {
    @Test
    void everyReferenceMunicipalityIsAConceptWithItsNisCodeAndName() throws IOException {
        List<String> rows = Files.readAllLines(Path.of("../shared/reference/data/municipalities_flanders_brussels_2025.csv"));
        Graph model = ModelFiles.load().ontology();
        Node scheme = NodeFactory.createURI("https://data.kohub.be/id/conceptscheme/gemeente");
        assertEquals(rows.size() - 1, model.find(Node.ANY, SKOS.inScheme.asNode(), scheme).toList().size());
        for (String row : rows.subList(1, rows.size())) {
            String[] cols = row.split(",");
            Node municipality = NodeFactory.createURI("https://data.vlaanderen.be/id/gemeente/" + cols[0]);
            assertEquals(cols[1], model.find(municipality, SKOS.prefLabel.asNode(), Node.ANY).next().getObject().getLiteralLexicalForm());
            assertEquals(cols[0], model.find(municipality, SKOS.notation.asNode(), Node.ANY).next().getObject().getLiteralLexicalForm());
        }
    }
}
