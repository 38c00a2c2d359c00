package be.kohub.webhooks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

/** Literals of the webhook graphs: times to the millisecond in UTC, so that what is read back equals what was written. */
final class Literals {
    private Literals() {}

    static Node dateTime(Instant instant) {
        return NodeFactory.createLiteralDT(instant.truncatedTo(ChronoUnit.MILLIS).toString(), XSDDatatype.XSDdateTime);
    }

    static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    static Node text(String s) {
        return NodeFactory.createLiteralString(s);
    }

    static String text(Binding row, String var) {
        Node node = row.get(Var.alloc(var));
        return node == null ? null : node.isURI() ? node.getURI() : node.getLiteralLexicalForm();
    }

    static Instant instant(Binding row, String var) {
        String text = text(row, var);
        return text == null ? null : Instant.parse(text);
    }
}
