package be.kohub.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;

/**
 * The diff of two small shape graphs (src/test/resources/model/wijzigingen/) with one change of
 * each kind, each expected with the class docs/versioning.md gives it, written down here from
 * the comments in the files.
 */
class ShapeDiffTest {
    private static final Path DIR = Path.of("src/test/resources/model/wijzigingen");

    private static ShapesVersion version(String number, String folder) throws IOException {
        Graph codes = RDFDataMgr.loadGraph(DIR.resolve(folder).resolve("codelijst.ttl").toString());
        return new ShapesVersion(number, Map.of("voorbeeld", Files.readString(DIR.resolve(folder).resolve("voorbeeld.ttl"))), codes);
    }

    @Test
    void eachKindOfChangeIsFoundAndClassified() throws IOException {
        List<ShapeChange> changes = ShapeDiff.between(version("1.0", "oud"), version("1.1", "nieuw"));
        String d = "voorbeeld#DingShape";
        TreeSet<String> expected = new TreeSet<>(List.of(
                row(d, "ex:naam", "sh:minCount", ChangeRule.TIGHTENED),
                row(d, "ex:naam", "sh:maxLength", ChangeRule.LOOSENED),
                row(d, "ex:naam", "sh:message", ChangeRule.WORDING),
                row(d, "ex:code", "sh:pattern", ChangeRule.CHANGED),
                row(d, "ex:aantal", "sh:minCount", ChangeRule.NOW_OPTIONAL),
                row(d, "ex:aantal", "sh:datatype", ChangeRule.CHANGED),
                row(d, "ex:aantal", "sh:minInclusive", ChangeRule.TIGHTENED),
                row(d, "ex:aantal", "sh:maxInclusive", ChangeRule.LOOSENED),
                row(d, "ex:soort", "code", ChangeRule.CODE_REMOVED),
                row(d, "ex:soort", "code", ChangeRule.CODE_ADDED),
                row(d, "ex:kleur", "sh:in", ChangeRule.LOOSENED),
                row(d, "ex:maat", "sh:in", ChangeRule.TIGHTENED),
                row(d, "ex:tag", "sh:maxCount", ChangeRule.NOW_MULTIPLE),
                row(d, "ex:eigenaar", "sh:class", ChangeRule.GUARANTEE_REMOVED),
                row(d, "ex:eigenaar", "sh:nodeKind", ChangeRule.TIGHTENED),
                row(d, "ex:oud", "eigenschap", ChangeRule.PROPERTY_REMOVED),
                row(d, "ex:intern", "eigenschap", ChangeRule.FORBIDDEN_PROPERTY_REMOVED),
                row(d, "ex:opmerking", "eigenschap", ChangeRule.OPTIONAL_PROPERTY_ADDED),
                row(d, "ex:verplicht", "eigenschap", ChangeRule.REQUIRED_PROPERTY_ADDED),
                row(d, "^ex:heeft", "eigenschap", ChangeRule.OPTIONAL_PROPERTY_ADDED),
                row(d, null, "sh:sparql", ChangeRule.CHANGED),
                row(d, null, "sh:sparql", ChangeRule.TIGHTENED),
                row("voorbeeld#WegShape", null, "vorm", ChangeRule.SHAPE_REMOVED),
                row("voorbeeld#NieuwShape", null, "vorm", ChangeRule.SHAPE_FOR_NEW_THINGS),
                row("voorbeeld#PersoonShape", null, "vorm", ChangeRule.SHAPE_FOR_KNOWN_THINGS)));
        TreeSet<String> actual = changes.stream().map(c -> row(c.shape(), c.path(), c.constraint(), c.rule()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(String.join("\n", expected), String.join("\n", actual));
        assertEquals(expected.size(), changes.size(), "one change per difference");
    }

    @Test
    void valuesAreThoseOfEachVersion() throws IOException {
        List<ShapeChange> changes = ShapeDiff.between(version("1.0", "oud"), version("1.1", "nieuw"));
        ShapeChange length = find(changes, "ex:naam", "sh:maxLength");
        assertEquals("50", length.oldValue());
        assertEquals("100", length.newValue());
        assertEquals("c", changes.stream().filter(c -> c.rule() == ChangeRule.CODE_REMOVED).findFirst().orElseThrow().oldValue());
        assertEquals("d", changes.stream().filter(c -> c.rule() == ChangeRule.CODE_ADDED).findFirst().orElseThrow().newValue());
        ShapeChange datatype = find(changes, "ex:aantal", "sh:datatype");
        assertEquals("xsd:integer", datatype.oldValue());
        assertEquals("xsd:decimal", datatype.newValue());
        assertTrue(find(changes, "ex:maat", "sh:in").oldValue().contains("L"));
        assertTrue(changes.stream().filter(c -> c.rule() == ChangeRule.CHANGED && c.constraint().equals("sh:sparql"))
                .allMatch(c -> c.oldValue().contains("?b > ?e") && c.newValue().contains("?b >= ?e")));
    }

    @Test
    void aVersionComparedWithItselfHasNoChanges() throws IOException {
        assertEquals(List.of(), ShapeDiff.between(version("1.0", "oud"), version("1.0", "oud")));
    }

    @Test
    void shapeIrisAreMatchedWithoutTheirVersion() {
        assertEquals("locatie#AdresShape", ShapeDiff.key("https://data.kohub.be/shapes/locatie/1.0#AdresShape"));
        assertEquals("locatie#AdresShape", ShapeDiff.key("https://data.kohub.be/shapes/locatie#AdresShape"));
        assertEquals("locatie#AdresShape", ShapeDiff.key("https://data.kohub.be/shapes/locatie/12.3#AdresShape"));
    }

    private static ShapeChange find(List<ShapeChange> changes, String path, String constraint) {
        return changes.stream().filter(c -> path.equals(c.path()) && constraint.equals(c.constraint())).findFirst().orElseThrow();
    }

    private static String row(String shape, String path, String constraint, ChangeRule rule) {
        return shape + " | " + path + " | " + constraint + " | " + rule + " | " + (rule.breaking ? "breaking" : "non-breaking");
    }
}
