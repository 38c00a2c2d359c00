package be.kohub.feeds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.modify.request.QuadAcc;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.vocabulary.RDF;

import be.kohub.store.Queries;
import be.kohub.store.ReadTx;
import be.kohub.vocab.KO;

/**
 * The pages one transaction touches in one feed: the newest page as the store holds it, the
 * members the transaction puts on it, and the pages it opens once one is full.
 */
final class PageBook {
    private final Feed feed;
    private final int pageSize;
    private final List<Page> touched = new ArrayList<>();
    private Page open;
    /** The number of the newest page, open or not (0: none yet). */
    private long newest;

    /** A page's bookkeeping: number, member count, first and last member time. */
    private static final class Page {
        final long number;
        long count;
        Instant first;
        Instant last;
        boolean open = true;

        Page(long number, long count, Instant first, Instant last) {
            this.number = number;
            this.count = count;
            this.first = first;
            this.last = last;
        }
    }

    /** Where a new member goes: page, place on it, and the time it is published with. */
    record Place(long page, long order, Instant time) {}

    private PageBook(Feed feed, int pageSize, Page open, long newest) {
        this.feed = feed;
        this.pageSize = pageSize;
        this.open = open;
        this.newest = newest;
    }

    static PageBook read(ReadTx tx, Feed feed, int pageSize) {
        List<Binding> rows = tx.select(Queries.bind("feeds/open-page.rq", Map.of("feed", feed.graph())));
        if (rows.isEmpty()) {
            long newest = tx.select(Queries.bind("feeds/pages.rq", Map.of("feed", feed.graph()))).stream()
                    .mapToLong(PageBook::number).max().orElse(0);
            return new PageBook(feed, pageSize, null, newest);
        }
        Binding row = rows.get(0);
        Page open = new Page(number(row), Long.parseLong(row.get(Var.alloc("count")).getLiteralLexicalForm()),
                instant(row, "first"), instant(row, "last"));
        return new PageBook(feed, pageSize, open, open.number);
    }

    static PageBook empty(Feed feed, int pageSize) {
        return new PageBook(feed, pageSize, null, 0);
    }

    /** Takes a place for a member stamped {@code time}: on the open page, or on a new one if it is full. */
    Place place(Instant time) {
        Instant last = open == null ? null : open.last;
        Instant published = last != null && time.isBefore(last) ? last : time;
        if (open == null || open.count >= pageSize) {
            if (open != null) {
                open.open = false;
                touch(open);
            }
            open = new Page(++newest, 0, published, published);
        }
        open.count++;
        open.last = published;
        touch(open);
        return new Place(open.number, open.count, published);
    }

    private void touch(Page page) {
        if (!touched.contains(page))
            touched.add(page);
    }

    /** Replaces the bookkeeping of every page touched: deletions into {@code update}, the new state into {@code data}. */
    void writeTo(UpdateRequest update, QuadDataAcc data) {
        Node g = feed.graph();
        for (Page page : touched) {
            Node node = feed.pageNode(page.number);
            QuadAcc pattern = new QuadAcc();
            pattern.addQuad(new Quad(g, node, Var.alloc("p"), Var.alloc("o")));
            update.add(new UpdateDeleteWhere(pattern));
            data.addQuad(new Quad(g, Triple.create(node, RDF.type.asNode(), KO.Feedpagina)));
            data.addQuad(new Quad(g, Triple.create(node, KO.paginanummer, FeedWriter.integer(page.number))));
            data.addQuad(new Quad(g, Triple.create(node, KO.aantalLeden, FeedWriter.integer(page.count))));
            data.addQuad(new Quad(g, Triple.create(node, KO.eersteTijdstip, FeedWriter.dateTime(page.first))));
            data.addQuad(new Quad(g, Triple.create(node, KO.laatsteTijdstip, FeedWriter.dateTime(page.last))));
            if (page.open)
                data.addQuad(new Quad(g, Triple.create(node, KO.openPagina, NodeFactory.createLiteralDT("true",
                        org.apache.jena.datatypes.xsd.XSDDatatype.XSDboolean))));
        }
        touched.clear();
    }

    private static long number(Binding row) {
        return Long.parseLong(row.get(Var.alloc("number")).getLiteralLexicalForm());
    }

    private static Instant instant(Binding row, String var) {
        return Instant.parse(row.get(Var.alloc(var)).getLiteralLexicalForm());
    }
}
