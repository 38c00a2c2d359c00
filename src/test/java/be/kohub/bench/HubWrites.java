package be.kohub.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;

import be.kohub.ingest.DocumentGraphs;
import be.kohub.vocab.KO;
import be.kohub.vocab.OSLO;

/**
 * The quads the hub wrote for one posted document, read back from the store, for the raw
 * baseline: its document, personal-data and status graphs, its bookkeeping and its events; for an
 * assignment also the status changes of the requests it closed (their new status, history entry,
 * version, modification time and event). {@link #renamed} moves them onto fresh IRIs and blank
 * nodes, so that writing them again adds as many new quads.
 */
final class HubWrites {
    /** A request or assignment IRI, alone or at the start of one of its graphs or nodes. */
    private static final Pattern DOCUMENT = Pattern.compile("^(https?://.*/id/(?:aanvraag|toewijzing)/[0-9a-f-]{36})(?:/|$)");
    private HubWrites() {}

    static List<Quad> ofRequest(DatasetGraph dsg, Node request) {
        List<Quad> quads = new ArrayList<>();
        for (Node graph : List.of(request, DocumentGraphs.personal(request), DocumentGraphs.status(request)))
            dsg.find(graph, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(quads::add);
        dsg.find(KO.SYSTEM_GRAPH, request, Node.ANY, Node.ANY).forEachRemaining(quads::add);
        dsg.find(KO.EVENTS_GRAPH, Node.ANY, DCTerms.subject.asNode(), request)
                .forEachRemaining(e -> dsg.find(KO.EVENTS_GRAPH, e.getSubject(), Node.ANY, Node.ANY).forEachRemaining(quads::add));
        return quads;
    }

    /** The assignment of an answer of {@code POST /toewijzingen} ({@code id}, {@code gewijzigdeAanvragen}). */
    static List<Quad> ofAssignment(DatasetGraph dsg, JsonNode answer) {
        Node assignment = NodeFactory.createURI(answer.path("id").asText());
        List<Quad> quads = ofRequest(dsg, assignment);
        for (JsonNode change : answer.path("gewijzigdeAanvragen")) {
            Node request = NodeFactory.createURI(change.path("aanvraag").asText());
            Node status = DocumentGraphs.status(request);
            dsg.find(status, Node.ANY, KO.veroorzaaktDoor, assignment).forEachRemaining(entry -> {
                dsg.find(status, entry.getSubject(), Node.ANY, Node.ANY).forEachRemaining(quads::add);
                quads.add(new Quad(status, request, KO.statuswijziging, entry.getSubject()));
            });
            dsg.find(status, request, OSLO.ADMS_STATUS, Node.ANY).forEachRemaining(quads::add);
            dsg.find(status, request, KO.statusreden, Node.ANY).forEachRemaining(quads::add);
            Node version = dsg.find(KO.SYSTEM_GRAPH, request, KO.versie, Node.ANY).next().getObject();
            quads.add(new Quad(KO.SYSTEM_GRAPH, request, KO.versie, version));
            dsg.find(KO.SYSTEM_GRAPH, request, DCTerms.modified.asNode(), Node.ANY).forEachRemaining(quads::add);
            dsg.find(KO.EVENTS_GRAPH, Node.ANY, DCTerms.subject.asNode(), request).forEachRemaining(e -> {
                if (dsg.contains(KO.EVENTS_GRAPH, e.getSubject(), KO.versie, version))
                    dsg.find(KO.EVENTS_GRAPH, e.getSubject(), Node.ANY, Node.ANY).forEachRemaining(quads::add);
            });
        }
        return quads;
    }

    /** The same quads about other resources: each document IRI (and what lies under it), event and blank node replaced by a fresh one. */
    static List<Quad> renamed(List<Quad> quads) {
        Map<String, String> roots = new HashMap<>();
        Map<Node, Node> fresh = new HashMap<>();
        for (Quad q : quads)
            for (Node node : List.of(q.getGraph(), q.getSubject(), q.getObject())) {
                Matcher m = node.isURI() ? DOCUMENT.matcher(node.getURI()) : null;
                if (m != null && m.find())
                    roots.computeIfAbsent(m.group(1), root -> root.substring(0, root.lastIndexOf('/') + 1) + UUID.randomUUID());
            }
        List<Quad> result = new ArrayList<>(quads.size());
        for (Quad q : quads)
            result.add(new Quad(rename(q.getGraph(), roots, fresh), rename(q.getSubject(), roots, fresh),
                    q.getPredicate(), rename(q.getObject(), roots, fresh)));
        return result;
    }

    private static Node rename(Node node, Map<String, String> roots, Map<Node, Node> fresh) {
        if (node.isBlank())
            return fresh.computeIfAbsent(node, n -> NodeFactory.createBlankNode());
        if (!node.isURI())
            return node;
        String iri = node.getURI();
        if (iri.startsWith("urn:uuid:"))
            return fresh.computeIfAbsent(node, n -> NodeFactory.createURI("urn:uuid:" + UUID.randomUUID()));
        for (Map.Entry<String, String> root : roots.entrySet())
            if (iri.equals(root.getKey()) || iri.startsWith(root.getKey() + "/"))
                return NodeFactory.createURI(root.getValue() + iri.substring(root.getKey().length()));
        return node;
    }
}
