package be.kohub.feeds;

import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

import org.apache.jena.atlas.io.AWriter;
import org.apache.jena.atlas.io.IO;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterNT;

/**
 * A member's published triples kept as N-Triples text in the feed's own graph, not as quads:
 * the store's queries read every graph (reports, SPARQL scopes), and earlier versions of a sheet
 * must not show up there as if they were current. Blank nodes get labels unique to the member,
 * so that a page read twice is the same bytes (its ETag holds) and members never share one.
 */
final class MemberText {
    private static final NodeFormatter NT = new NodeFormatterNT();
    private MemberText() {}

    static String write(Graph graph, Node member) {
        String scope = "m" + Integer.toHexString(member.getURI().hashCode()) + Long.toHexString(member.getURI().length());
        Map<Node, String> labels = new HashMap<>();
        StringWriter text = new StringWriter();
        AWriter out = IO.wrap(text);
        graph.find().forEachRemaining(t -> {
            format(out, t.getSubject(), labels, scope);
            out.print(' ');
            format(out, t.getPredicate(), labels, scope);
            out.print(' ');
            format(out, t.getObject(), labels, scope);
            out.print(" .\n");
        });
        out.flush();
        return text.toString();
    }

    static void read(String text, Graph into) {
        RDFParser.fromString(text).lang(Lang.NTRIPLES).labelToNode(LabelToNode.createUseLabelAsGiven()).parse(into);
    }

    private static void format(AWriter out, Node node, Map<Node, String> labels, String scope) {
        if (node.isBlank()) {
            out.print("_:");
            out.print(labels.computeIfAbsent(node, n -> scope + "b" + labels.size()));
        } else
            NT.format(out, node);
    }

}
