package be.kohub.feeds;

import java.io.InputStream;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;

import be.kohub.access.Client;
import be.kohub.store.Queries;
import be.kohub.store.ReadTx;
import be.kohub.store.Store;
import be.kohub.vocab.KO;
import be.kohub.vocab.LDES;

/**
 * What the feeds publish, read from the store: the stream's description (from
 * {@code feeds/{feed}.ttl}), the root node, and each page with its members and its relation to
 * the next page. Page numbers never change meaning: page n always holds the same members (for a
 * given caller), so a full page is immutable.
 */
final class FeedPages {
    private final Store store;
    private final String base;
    private final Duration retention;
    private final Map<Feed, Graph> descriptions = new EnumMap<>(Feed.class);

    /** A page as published: its data, and whether it will never change again. */
    record Rendered(DatasetGraph data, boolean immutable) {}

    /** @param retention how long members of the personal feeds are kept at least (null: for ever) */
    FeedPages(Store store, String base, Duration retention) {
        this.store = store;
        this.base = base;
        this.retention = retention;
        for (Feed feed : Feed.values())
            descriptions.put(feed, description(feed, base));
    }

    /** The stream itself ({@code /ldes/{feed}}): its description, shape and view. */
    DatasetGraph stream(Feed feed) {
        DatasetGraph data = context(feed);
        return data;
    }

    /** The root node: the stream's context information and the relation to the oldest page still kept. */
    Rendered root(Feed feed) {
        DatasetGraph data = context(feed);
        Node root = NodeFactory.createURI(feed.root(base));
        add(data, root, RDF.type.asNode(), LDES.Node);
        if (feed.personal && retention != null) {
            Node policy = NodeFactory.createURI(feed.root(base) + "#bewaartermijn");
            add(data, root, LDES.retentionPolicy, policy);
            add(data, policy, LDES.fullLogDuration, NodeFactory.createLiteralDT(retention.toString(), XSDDatatype.XSDduration));
        }
        store.read(tx -> {
            range(tx, feed).ifPresent(range -> page(tx, feed, range.oldest())
                    .ifPresent(first -> relate(data, root, feed, first)));
            return null;
        });
        return new Rendered(data, false);
    }

    /** Page {@code number} as {@code client} sees it; empty if the feed never had it, {@link Gone} if retention removed it. */
    Optional<Rendered> page(Feed feed, long number, Client client) {
        return store.read(tx -> {
            Optional<PageMeta> meta = page(tx, feed, number);
            if (meta.isEmpty()) {
                Optional<Range> range = range(tx, feed);
                if (range.isPresent() && number >= 1 && number < range.get().oldest())
                    throw new Gone();
                return Optional.empty();
            }
            DatasetGraph data = DatasetGraphFactory.createGeneral();
            data.prefixes().putAll(descriptions.get(feed).getPrefixMapping().getNsPrefixMap());
            Node node = NodeFactory.createURI(feed.page(base, number));
            Node stream = NodeFactory.createURI(feed.stream(base));
            add(data, node, RDF.type.asNode(), LDES.Node);
            FeedAccess access = new FeedAccess(tx, client, feed);
            members(tx, feed, meta.get()).forEach((member, stored) -> {
                if (stored.document() == null || !access.visible(stored.document()))
                    return;
                add(data, stream, LDES.member, member);
                if (stored.description() != null)
                    MemberText.read(stored.description(), data.getDefaultGraph());
                if (stored.content() != null)
                    MemberText.read(stored.content(), data.getGraph(member));
            });
            Optional<PageMeta> next = page(tx, feed, number + 1);
            next.ifPresent(n -> relate(data, node, feed, n));
            return Optional.of(new Rendered(data, next.isPresent() && !next.get().open()));
        });
    }

    /** Thrown for a page the retention period removed (410 Gone, which an LDES client reads as an empty page). */
    static final class Gone extends RuntimeException {
        Gone() {
            super(null, null, false, false);
        }
    }

    /** Relations from {@code from} to page {@code to}: its lower bound, and its upper bound once it is full. */
    private void relate(DatasetGraph data, Node from, Feed feed, PageMeta to) {
        Node target = NodeFactory.createURI(feed.page(base, to.number()));
        relation(data, from, target, "ondergrens", LDES.GreaterThanOrEqualToRelation, to.first());
        if (!to.open())
            relation(data, from, target, "bovengrens", LDES.LessThanOrEqualToRelation, to.last());
    }

    private static void relation(DatasetGraph data, Node from, Node target, String name, Node type, Node value) {
        String page = target.getURI().substring(target.getURI().lastIndexOf('/') + 1);
        Node relation = NodeFactory.createURI(from.getURI() + "#naar-" + page + "-" + name);
        add(data, from, LDES.relation, relation);
        add(data, relation, RDF.type.asNode(), type);
        add(data, relation, LDES.node, target);
        add(data, relation, LDES.path, LDES.GENERATED_AT_TIME);
        add(data, relation, LDES.value, value);
    }

    private DatasetGraph context(Feed feed) {
        DatasetGraph data = DatasetGraphFactory.createGeneral();
        Graph description = descriptions.get(feed);
        description.find().forEachRemaining(t -> data.add(Quad.defaultGraphIRI, t.getSubject(), t.getPredicate(), t.getObject()));
        data.prefixes().putAll(description.getPrefixMapping().getNsPrefixMap());
        add(data, NodeFactory.createURI(feed.stream(base)), LDES.view, NodeFactory.createURI(feed.root(base)));
        return data;
    }

    /** A page's bookkeeping as stored. */
    record PageMeta(Node node, long number, Node first, Node last, boolean open) {}

    record Range(long oldest, long newest) {}

    static Optional<PageMeta> page(ReadTx tx, Feed feed, long number) {
        if (number < 1)
            return Optional.empty();
        return tx.select(Queries.bind("feeds/pages.rq", Map.of("feed", feed.graph(), "number", FeedWriter.integer(number)))).stream()
                .findFirst().map(row -> new PageMeta(row.get(Var.alloc("page")), number, row.get(Var.alloc("first")),
                        row.get(Var.alloc("last")), row.contains(Var.alloc("open"))));
    }

    static Optional<Range> range(ReadTx tx, Feed feed) {
        Binding row = tx.select(Queries.bind("feeds/page-range.rq", Map.of("feed", feed.graph()))).get(0);
        if (!row.contains(Var.alloc("oldest")))
            return Optional.empty();
        return Optional.of(new Range(Long.parseLong(row.get(Var.alloc("oldest")).getLiteralLexicalForm()),
                Long.parseLong(row.get(Var.alloc("newest")).getLiteralLexicalForm())));
    }

    /** A member as kept: the document it is a version of, and its published triples as text. */
    private static final class StoredMember {
        Node document;
        String description;
        String content;

        Node document() { return document; }
        String description() { return description; }
        String content() { return content; }
    }

    /** The page's members in order. */
    private static Map<Node, StoredMember> members(ReadTx tx, Feed feed, PageMeta page) {
        Map<Node, StoredMember> members = new LinkedHashMap<>();
        tx.forEach(Queries.bind("feeds/page-members.rq", Map.of("feed", feed.graph(), "page", page.node())), row -> {
            StoredMember member = members.computeIfAbsent(row.get(Var.alloc("member")), m -> new StoredMember());
            Node p = row.get(Var.alloc("p"));
            Node o = row.get(Var.alloc("o"));
            if (p.equals(org.apache.jena.vocabulary.DCTerms.isVersionOf.asNode()))
                member.document = o;
            else if (p.equals(KO.lidBeschrijving))
                member.description = o.getLiteralLexicalForm();
            else if (p.equals(KO.lidInhoud))
                member.content = o.getLiteralLexicalForm();
        });
        return members;
    }

    private static void add(DatasetGraph data, Node s, Node p, Node o) {
        data.add(Quad.defaultGraphIRI, s, p, o);
    }

    /** The stream description and shape, relative IRIs resolved against {@code {base}/ldes/}. */
    private static Graph description(Feed feed, String base) {
        Graph graph = GraphFactory.createDefaultGraph();
        try (InputStream in = FeedPages.class.getResourceAsStream("/feeds/" + feed.path + ".ttl")) {
            if (in == null)
                throw new IllegalStateException("missing stream description feeds/" + feed.path + ".ttl");
            RDFParser.source(in).lang(Lang.TURTLE).base(base + "/ldes/").parse(graph);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return graph;
    }
}
