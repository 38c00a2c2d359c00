package be.kohub.feeds;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.Target;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import be.kohub.ingest.DocumentGraphs;
import be.kohub.ingest.DocumentMeta;
import be.kohub.lifecycle.Lifecycle;
import be.kohub.store.Changes;
import be.kohub.store.CommitHook;
import be.kohub.store.LoggedEvent;
import be.kohub.store.Queries;
import be.kohub.store.ReadTx;
import be.kohub.store.Store;
import be.kohub.store.WriteQueue;
import be.kohub.store.WriteTx;
import be.kohub.vocab.KO;
import be.kohub.vocab.LDES;
import be.kohub.vocab.OSLO;

/**
 * Puts every change on its feed in the transaction that makes it: a commit hook that appends
 * each event of a location, request or assignment as a member to its feed's newest page, so a
 * change is in the feed the moment it is committed (no background job, no lag). A page that
 * holds {@code pageSize} members is closed and never changes again; the next member opens a new
 * page. Member times never go backwards within a feed: a member stamped earlier than the newest
 * one (a clock set back) is published at the newest time, so the pages' time bounds hold.
 */
public final class FeedWriter implements CommitHook {
    private static final Logger LOG = LoggerFactory.getLogger(FeedWriter.class);
    /** The form the feeds are kept in; a store without it (or with another) gets its feeds built at start. */
    static final String VERSION = "2";
    private static final int REBUILD_CHUNK = 5_000;

    private final int pageSize;

    private FeedWriter(int pageSize) {
        this.pageSize = pageSize;
    }

    /**
     * Builds any feed the store does not hold in the current form from the event log (the
     * current version of each document: older versions' content was never kept), then keeps
     * all feeds in step with every later commit.
     */
    public static void start(Store store, WriteQueue writes, int pageSize) {
        if (pageSize < 1)
            throw new IllegalStateException("a feed page needs room for at least one member");
        FeedWriter writer = new FeedWriter(pageSize);
        for (Feed feed : Feed.values()) {
            if (store.read(tx -> version(tx, feed)).filter(VERSION::equals).isPresent())
                continue;
            long t0 = System.nanoTime();
            int members = writes.write(tx -> writer.rebuild(tx, feed));
            LOG.info("feed {} built from the event log: {} members in {} ms", feed.path, members, (System.nanoTime() - t0) / 1_000_000);
        }
        writes.onCommit(writer);
    }

    @Override
    public Runnable inTransaction(WriteTx tx, Changes changes) {
        Map<Feed, PageBook> pages = new EnumMap<>(Feed.class);
        QuadDataAcc data = new QuadDataAcc();
        for (LoggedEvent event : changes.events()) {
            Optional<Feed> feed = typeOf(tx, event).flatMap(Feed::carrying);
            if (feed.isEmpty())
                continue;
            PageBook book = pages.computeIfAbsent(feed.get(), f -> PageBook.read(tx, f, pageSize));
            append(tx, feed.get(), book, event, data);
        }
        if (!pages.isEmpty())
            tx.update(flush(pages.values(), data));
        return () -> {};
    }

    /** The type of the event's document: the event names it (older events did not: then the bookkeeping says). */
    private static Optional<String> typeOf(ReadTx tx, LoggedEvent event) {
        return event.type() != null ? Optional.of(event.type()) : DocumentMeta.find(tx, event.document()).map(DocumentMeta::type);
    }

    /** Empties the feed and fills it again with the current version of each of its documents. */
    private int rebuild(WriteTx tx, Feed feed) {
        UpdateRequest drop = new UpdateRequest();
        drop.add(new UpdateDrop(Target.create(feed.graph()), true));
        tx.update(drop);
        PageBook book = PageBook.empty(feed, pageSize);
        QuadDataAcc data = new QuadDataAcc();
        int members = 0;
        for (Binding row : tx.select(Queries.bind("feeds/latest-events.rq", Map.of("type", NodeFactory.createLiteralString(feed.documentType))))) {
            LoggedEvent event = new LoggedEvent(row.get(Var.alloc("event")), row.get(Var.alloc("doc")), feed.documentType,
                    Long.parseLong(row.get(Var.alloc("version")).getLiteralLexicalForm()),
                    row.get(Var.alloc("operation")).getLiteralLexicalForm(),
                    Instant.parse(row.get(Var.alloc("time")).getLiteralLexicalForm()), row.get(Var.alloc("agent")), null);
            append(tx, feed, book, event, data);
            if (++members % REBUILD_CHUNK == 0) {
                tx.update(flush(List.of(book), data));
                data = new QuadDataAcc();
            }
        }
        UpdateRequest last = flush(List.of(book), data);
        QuadDataAcc marker = new QuadDataAcc();
        marker.addQuad(new Quad(feed.graph(), feed.graph(), KO.feedVersie, NodeFactory.createLiteralString(VERSION)));
        last.add(new UpdateDataInsert(marker));
        tx.update(last);
        return members;
    }

    static Optional<String> version(ReadTx tx, Feed feed) {
        return tx.select(Queries.bind("feeds/feed-version.rq", Map.of("feed", feed.graph()))).stream()
                .map(row -> row.get(Var.alloc("version")).getLiteralLexicalForm()).findFirst();
    }

    private static UpdateRequest flush(Iterable<PageBook> books, QuadDataAcc data) {
        UpdateRequest update = new UpdateRequest();
        books.forEach(book -> book.writeTo(update, data));
        update.add(new UpdateDataInsert(data));
        return update;
    }

    /**
     * One event as a member on the feed's newest page. What the feed publishes of it (its
     * version object, and for a location the sheet as of this version) is kept as text
     * ({@link MemberText}); only what the hub looks members up by is kept as quads.
     */
    private static void append(ReadTx tx, Feed feed, PageBook book, LoggedEvent event, QuadDataAcc data) {
        Node member = Feed.member(event.document(), event.version());
        PageBook.Place place = book.place(event.time());
        Node g = feed.graph();
        Node activity = activity(event.operation());
        add(data, g, member, DCTerms.isVersionOf.asNode(), event.document());
        add(data, g, member, KO.pagina, feed.pageNode(place.page()));
        add(data, g, member, KO.volgorde, integer(place.order()));
        Graph published = GraphFactory.createDefaultGraph();
        published.add(Triple.create(member, RDF.type.asNode(), activity));
        published.add(Triple.create(member, DCTerms.isVersionOf.asNode(), event.document()));
        published.add(Triple.create(member, LDES.GENERATED_AT_TIME, dateTime(place.time())));
        published.add(Triple.create(member, KO.bewerking, NodeFactory.createLiteralString(event.operation())));
        published.add(Triple.create(member, KO.versie, integer(event.version())));
        if (feed.personal) {
            Lifecycle.current(tx, event.document()).ifPresent(current -> {
                published.add(Triple.create(member, OSLO.ADMS_STATUS, current.status()));
                if (current.reason() != null)
                    published.add(Triple.create(member, KO.statusreden, current.reason()));
                Node entry = NodeFactory.createURI(DocumentGraphs.status(event.document()).getURI() + "/" + current.changes());
                tx.graph(DocumentGraphs.status(event.document())).find(entry, KO.veroorzaaktDoor, Node.ANY)
                        .forEachRemaining(t -> published.add(Triple.create(member, KO.veroorzaaktDoor, t.getObject())));
            });
        }
        add(data, g, member, KO.lidBeschrijving, NodeFactory.createLiteralString(MemberText.write(published, member)));
        if (!feed.personal && !activity.equals(LDES.Delete)) {
            Graph content = event.written() != null ? event.written() : tx.graph(event.document());
            add(data, g, member, KO.lidInhoud, NodeFactory.createLiteralString(MemberText.write(content, member)));
        }
    }

    /** The operation as an Activity Streams activity: the stream's version create/update/delete objects. */
    static Node activity(String operation) {
        return switch (operation) {
            case "aangemaakt" -> LDES.Create;
            case "ingetrokken", "gewist", "persoonsgegevens-verwijderd" -> LDES.Delete;
            default -> LDES.Update;
        };
    }

    private static void add(QuadDataAcc data, Node g, Node s, Node p, Node o) {
        data.addQuad(new Quad(g, Triple.create(s, p, o)));
    }

    static Node dateTime(Instant time) {
        return NodeFactory.createLiteralDT(time.toString(), XSDDatatype.XSDdateTime);
    }

    static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }
}
