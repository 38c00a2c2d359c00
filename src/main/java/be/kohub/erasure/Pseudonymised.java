package be.kohub.erasure;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;

import be.kohub.codes.KindCode;
import be.kohub.ingest.DocumentGraphs;
import be.kohub.store.ReadTx;
import be.kohub.vocab.KO;
import be.kohub.vocab.OSLO;

/**
 * A request or assignment of an erased child as it is kept: the document without the child code,
 * the source system's identifiers, the applicants and the referrer (each with everything hanging
 * from it), with the pseudonym in place of the child; and its status history without the free-text
 * comments (null when it had none to remove).
 */
record Pseudonymised(Node iri, Graph document, Graph status, Optional<LocalDate> requestedStart) {
    /** Properties of a request or assignment that identify the child or the family, dropped with what they point to. */
    private static final Set<Node> IDENTIFYING = Set.of(KO.kindcode, OSLO.ADMS_IDENTIFIER, KO.aanvrager, KO.toeleider);

    static Pseudonymised of(ReadTx tx, Node iri, Node child, Node pseudonym, KindCode code) {
        Graph stored = tx.graph(iri);
        // What an identifying property points to goes, and below it every blank node and every node the
        // hub minted under the document (a person {iri}/persoon/n); code-list concepts and locations stay.
        Set<Node> dropped = new HashSet<>();
        Deque<Node> todo = new ArrayDeque<>();
        stored.find(iri, Node.ANY, Node.ANY).forEachRemaining(t -> {
            if (IDENTIFYING.contains(t.getPredicate()) && !t.getObject().isLiteral() && dropped.add(t.getObject()))
                todo.push(t.getObject());
        });
        while (!todo.isEmpty()) {
            stored.find(todo.pop(), Node.ANY, Node.ANY).forEachRemaining(t -> {
                Node o = t.getObject();
                boolean minted = o.isURI() && o.getURI().startsWith(iri.getURI() + "/");
                if ((o.isBlank() || minted) && dropped.add(o))
                    todo.push(o);
            });
        }
        Graph document = GraphFactory.createDefaultGraph();
        stored.find().forEachRemaining(t -> {
            if (dropped.contains(t.getSubject()) || t.getSubject().equals(iri) && IDENTIFYING.contains(t.getPredicate()))
                return;
            if (t.getObject().isLiteral() && t.getObject().getLiteralLexicalForm().equals(code.value()))
                return;
            document.add(Triple.create(swap(t.getSubject(), child, pseudonym), t.getPredicate(), swap(t.getObject(), child, pseudonym)));
        });
        Graph history = tx.graph(DocumentGraphs.status(iri));
        Graph status = null;
        if (history.contains(Node.ANY, KO.toelichting, Node.ANY)) {
            status = GraphFactory.createDefaultGraph();
            Graph kept = status;
            history.find().forEachRemaining(t -> {
                if (!t.getPredicate().equals(KO.toelichting))
                    kept.add(t);
            });
        }
        Optional<LocalDate> start = document.find(iri, KO.gewensteStartdatum, Node.ANY).nextOptional()
                .map(t -> LocalDate.parse(t.getObject().getLiteralLexicalForm()));
        return new Pseudonymised(iri, document, status, start);
    }

    private static Node swap(Node node, Node child, Node pseudonym) {
        return node.equals(child) ? pseudonym : node;
    }
}
