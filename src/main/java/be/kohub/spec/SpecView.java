package be.kohub.spec;

import java.util.List;

/**
 * What the page templates ({@code src/main/resources/spec/templates/}) show: plain values, no
 * logic. The templates escape every value; only the generated diagram is inserted as markup.
 */
public final class SpecView {
    private SpecView() {}

    /** The index: every document type with its page. */
    public record Index(List<TypeLink> types, String context) {}

    public record TypeLink(String name, String titleNl, String titleEn, String rootCompact, int classes, int properties) {}

    /** The page of one document type. */
    public record Page(String name, String titleNl, String titleEn, String rootTerm, String rootCompact, Meaning rootMeaning,
            String diagram, List<Section> sections, List<ValueList> valueLists, String example, String exampleFile,
            String context, List<TypeLink> types) {}

    /** One node shape: the class it describes (if any), its properties and its further rules. */
    public record Section(String id, String title, String shape, String classIri, String classCompact, String typeTerm,
            Meaning meaning, Alignment alignment, List<Row> rows, List<Rule> rules) {
        public boolean hasRules() {
            return !rules.isEmpty();
        }
    }

    public record Row(String pathKey, String pathCompact, String pathIri, String term, String cardinality, boolean forbidden,
            Value value, Meaning meaning, Alignment alignment, String messageNl, String messageEn) {}

    /**
     * The value a property takes: {@code kind} is datatype, klasse, codelijst, vorm, iri or geen;
     * {@code href} links a class section or a value list on the same page; {@code target} is the
     * diagram box an arrow of this property points to (a shape or class IRI), null for none.
     */
    public record Value(String kind, String text, String iri, String href, String target, List<String> facets) {
        public boolean hasFacets() {
            return !facets.isEmpty();
        }
    }

    /** Labels and definitions; {@code osloClass} names the class OSLO defines them on when that is another than here. */
    public record Meaning(String labelNl, String labelEn, String definitionNl, String definitionEn, String osloClass) {}

    /**
     * How a term relates to OSLO: {@code kind} hergebruikt (an OSLO term, with the profile it is
     * taken from), eigen (a kohub term, with the reason) or elders (neither, with a note).
     */
    public record Alignment(String kind, String osloLabel, String osloClass, String source, String sourceStatus,
            String sourceUrl, String seeAlso, String noteNl, String noteEn, String closeMatch) {
        public boolean reused() {
            return kind.equals("hergebruikt");
        }

        public boolean own() {
            return kind.equals("eigen");
        }

        public boolean elsewhere() {
            return kind.equals("elders");
        }
    }

    public record Rule(String nl, String en) {}

    /** A code list (SKOS scheme) or a reference list (the instances of a class) with every value. */
    public record ValueList(String id, String iri, String kind, String titleNl, String titleEn, boolean collapsed, int count,
            List<ValueRow> values) {}

    public record ValueRow(String code, String labelNl, String labelEn, String iri) {}

    /** The class diagram: boxes per shape or class, arrows per relation. */
    public record Diagram(int width, int height, List<Box> boxes, List<Edge> edges) {}

    public record Box(String key, String shape, String classIri, String href, int x, int y, int width, int height,
            int titleX, int titleY, int subtitleY, int separatorY, int right, String title, String subtitle, List<Line> lines,
            boolean hasLines, boolean external) {}

    public record Line(int x, int y, String text) {}

    public record Edge(String from, String path, String to, String d, int labelX, int labelY, String anchor, String label) {}
}
