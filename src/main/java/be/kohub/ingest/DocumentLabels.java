package be.kohub.ingest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

import be.kohub.validation.NodeLabels;

/**
 * Names the nodes of a document by the path of JSON field names from its root, e.g.
 * {@code locatie.contactinfo.adres}, so that a report points to where the author wrote the
 * value, even for nodes without an identifier.
 */
final class DocumentLabels implements NodeLabels {
    private final Map<Node, String> labels = new HashMap<>();

    DocumentLabels(Graph document, Node root, String rootName, ContextTerms terms) {
        labels.put(root, root.isURI() ? root.getURI() : rootName);
        Deque<Node> queue = new ArrayDeque<>();
        queue.add(root);
        while (!queue.isEmpty()) {
            Node node = queue.poll();
            String base = labels.get(node);
            for (Triple t : document.find(node, Node.ANY, Node.ANY).toList())
                visit(t.getObject(), base + "." + terms.forward(t.getPredicate()), queue);
            for (Triple t : document.find(Node.ANY, Node.ANY, node).toList())
                terms.reverse(t.getPredicate()).ifPresent(name -> visit(t.getSubject(), base + "." + name, queue));
        }
    }

    private void visit(Node node, String label, Deque<Node> queue) {
        if (node.isLiteral() || labels.containsKey(node))
            return;
        labels.put(node, node.isURI() ? node.getURI() : label);
        if (node.isBlank())
            queue.add(node);
    }

    @Override
    public String label(Node node) {
        String label = labels.get(node);
        if (label != null)
            return label;
        return node.isURI() ? node.getURI() : node.toString();
    }
}
