package be.kohub.generate;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.vocabulary.RDF;

/**
 * N-Quads lines for the generator's output. Jena's node formatter writes about a character at a
 * time (some 1.5 µs a term here: minutes for the 20-odd million quads of a Flanders-scale set), so
 * the terms the generator makes in bulk (plain IRIs, labelled blank nodes, literals without
 * characters to escape) are written directly, and anything else is left to Jena's formatter.
 */
final class NQuadsLines {
    private static final String XSD_STRING = XSDDatatype.XSDstring.getURI();
    private static final String LANG_STRING = RDF.langString.getURI();
    /** The ASCII characters an IRI in N-Quads may not hold as they are. */
    private static final boolean[] NOT_IN_IRI = new boolean[128];

    static {
        for (int c = 0; c <= ' '; c++)
            NOT_IN_IRI[c] = true;
        for (char c : "<>\"{}|^`\\".toCharArray())
            NOT_IN_IRI[c] = true;
    }

    private NQuadsLines() {}

    static String line(Node g, Node s, Node p, Node o) {
        StringBuilder line = new StringBuilder(160);
        term(line, s);
        line.append(' ');
        term(line, p);
        line.append(' ');
        term(line, o);
        line.append(' ');
        term(line, g);
        return line.append(" .").toString();
    }

    private static void term(StringBuilder out, Node node) {
        if (node.isURI() && plainIri(node.getURI())) {
            out.append('<').append(node.getURI()).append('>');
        } else if (node.isBlank() && node.getBlankNodeLabel().matches("^[A-Za-z0-9][A-Za-z0-9-]*$")) {
            out.append("_:").append(node.getBlankNodeLabel());
        } else if (node.isLiteral() && plainText(node.getLiteralLexicalForm())) {
            out.append('"').append(node.getLiteralLexicalForm()).append('"');
            String language = node.getLiteralLanguage();
            String datatype = node.getLiteralDatatypeURI();
            if (language != null && !language.isEmpty())
                out.append('@').append(language);
            else if (!XSD_STRING.equals(datatype) && !LANG_STRING.equals(datatype))
                out.append("^^<").append(datatype).append('>');
        } else {
            out.append(NodeFmtLib.strNT(node));
        }
    }

    /** An IRI that N-Quads takes as it is: no spaces, controls or {@code <>"{}|^`\}. */
    private static boolean plainIri(String iri) {
        for (int i = 0; i < iri.length(); i++) {
            char c = iri.charAt(i);
            if (c < 128 && NOT_IN_IRI[c])
                return false;
        }
        return true;
    }

    /** A lexical form without quotes, backslashes or line breaks (other characters are written as UTF-8). */
    private static boolean plainText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c < ' ')
                return false;
        }
        return true;
    }
}
