package be.kohub.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

import be.kohub.RunningHub;
import be.kohub.vocab.LDES;

/**
 * A plain-HTTP walk of one feed as a client without the npm library would do it: the root node,
 * then every page its relations lead to, checking on the way that each member's time lies within
 * the bounds of the relations that led to its page.
 */
final class FeedWalk {
    static final Node MEMBER = LDES.member;
    final List<Page> pages = new ArrayList<>();
    final Map<Node, Page> members = new LinkedHashMap<>();

    record Page(String path, HttpResponse<String> response, DatasetGraph data) {
        boolean immutable() {
            return response.headers().firstValue("Cache-Control").orElse("").contains("immutable");
        }
    }

    /** Walks the feed at {@code /ldes/{feed}} as the caller with {@code key} (null: anonymous), in TriG. */
    static FeedWalk of(RunningHub hub, String feed, String key) {
        FeedWalk walk = new FeedWalk();
        String base = hub.hub.base();
        DatasetGraph root = get(hub, "/ldes/" + feed + "/wortel", key).data();
        Node stream = NodeFactory.createURI(base + "/ldes/" + feed);
        assertTrue(root.getDefaultGraph().contains(stream, LDES.view, NodeFactory.createURI(base + "/ldes/" + feed + "/wortel")),
                "the root node links the stream");
        List<Node[]> next = relations(root, NodeFactory.createURI(base + "/ldes/" + feed + "/wortel"));
        while (!next.isEmpty()) {
            Node target = next.get(0)[0];
            String path = target.getURI().substring(base.length());
            Page page = get(hub, path, key);
            walk.pages.add(page);
            Instant lower = next.stream().filter(r -> r[1].equals(LDES.GreaterThanOrEqualToRelation)).map(r -> Instant.parse(r[2].getLiteralLexicalForm())).findFirst().orElseThrow();
            Instant upper = next.stream().filter(r -> r[1].equals(LDES.LessThanOrEqualToRelation)).map(r -> Instant.parse(r[2].getLiteralLexicalForm())).findFirst().orElse(null);
            page.data().getDefaultGraph().find(stream, MEMBER, Node.ANY).forEachRemaining(t -> {
                Node member = t.getObject();
                assertTrue(walk.members.put(member, page) == null, member + " appears twice");
                Instant time = Instant.parse(page.data().getDefaultGraph().find(member, LDES.GENERATED_AT_TIME, Node.ANY).next().getObject().getLiteralLexicalForm());
                assertTrue(!time.isBefore(lower), member + " at " + time + " is before its page's lower bound " + lower);
                assertTrue(upper == null || !time.isAfter(upper), member + " at " + time + " is after its page's upper bound " + upper);
            });
            next = relations(page.data(), target);
        }
        return walk;
    }

    static Page get(RunningHub hub, String path, String key) {
        HttpResponse<String> response = hub.send("GET", path, key, null, null, Map.of("Accept", "application/trig"));
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        DatasetGraph data = DatasetGraphFactory.createGeneral();
        RDFParser.fromString(response.body()).lang(Lang.TRIG).parse(data);
        return new Page(path, response, data);
    }

    /** The relations of {@code node}: target, type, value; all lead to one next page. */
    private static List<Node[]> relations(DatasetGraph data, Node node) {
        List<Node[]> found = new ArrayList<>();
        data.getDefaultGraph().find(node, LDES.relation, Node.ANY).mapWith(Triple::getObject).forEachRemaining(r -> found.add(new Node[] {
                data.getDefaultGraph().find(r, LDES.node, Node.ANY).next().getObject(),
                data.getDefaultGraph().find(r, org.apache.jena.vocabulary.RDF.type.asNode(), Node.ANY).next().getObject(),
                data.getDefaultGraph().find(r, LDES.value, Node.ANY).next().getObject()}));
        assertTrue(found.stream().map(r -> r[0]).distinct().count() <= 1, "one next page");
        return found;
    }

    /** The members of the walk that are versions of {@code document}, oldest first. */
    List<Node> versionsOf(String document) {
        return members.keySet().stream().filter(m -> m.getURI().startsWith(document + "/versie/")).toList();
    }

    /** One property of a member, as published. */
    Node value(Node member, Node property) {
        return members.get(member).data().getDefaultGraph().find(member, property, Node.ANY).nextOptional().map(Triple::getObject).orElse(null);
    }

    /** The member's version graph as published. */
    org.apache.jena.graph.Graph content(Node member) {
        return members.get(member).data().getGraph(member);
    }

}
