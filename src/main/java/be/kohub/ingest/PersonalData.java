package be.kohub.ingest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Splits the people out of a document (DESIGN.md §3): each person node gets an IRI of its own
 * under the document ({@code {iri}/persoon/{n}}) so that the document can still point to it,
 * and everything said about the person (names, contact point, address) moves to the
 * personal-data graph. What remains is a document without personal data.
 */
public final class PersonalData {
    /** The document without personal data, and the personal data. */
    public record Split(Graph document, Graph personal) {}

    private PersonalData() {}

    public static Split split(Graph document, List<Node> people, Node iri) {
        Map<Node, Node> names = new HashMap<>();
        int n = 0;
        for (Node person : people)
            names.putIfAbsent(person, person.isBlank() ? NodeFactory.createURI(iri.getURI() + "/persoon/" + (++n)) : person);
        Graph renamed = GraphFactory.createDefaultGraph();
        document.find().forEachRemaining(t -> renamed.add(Triple.create(
                names.getOrDefault(t.getSubject(), t.getSubject()), t.getPredicate(), names.getOrDefault(t.getObject(), t.getObject()))));
        Set<Node> personalNodes = new HashSet<>();
        Deque<Node> todo = new ArrayDeque<>(names.values());
        while (!todo.isEmpty()) {
            Node node = todo.pop();
            if (!personalNodes.add(node))
                continue;
            renamed.find(node, Node.ANY, Node.ANY).forEachRemaining(t -> {
                if (t.getObject().isBlank())
                    todo.push(t.getObject());
            });
        }
        Graph kept = GraphFactory.createDefaultGraph();
        Graph personal = GraphFactory.createDefaultGraph();
        renamed.find().forEachRemaining(t -> (personalNodes.contains(t.getSubject()) ? personal : kept).add(t));
        return new Split(kept, personal);
    }
}
