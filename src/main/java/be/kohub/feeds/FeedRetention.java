package be.kohub.feeds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.modify.request.QuadAcc;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.update.UpdateRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import be.kohub.Periodic;
import be.kohub.store.Queries;
import be.kohub.store.WriteQueue;
import be.kohub.vocab.KO;

/**
 * The retention period of the feeds that carry events about children (requests, assignments):
 * a full page whose newest member is older than the period is removed with its members; a
 * client asking for it gets 410 Gone, and the root node then points at the oldest page kept.
 * Whole pages go, so every member younger than the period is kept, as the root node's
 * {@code ldes:fullLogDuration} promises. Runs on a schedule and on demand (beheer).
 */
public final class FeedRetention implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedRetention.class);
    private final WriteQueue writes;
    private final Duration period;
    private final Duration interval;
    private Periodic scheduler;

    /** @param period how long members are kept at least; null: for ever (off) */
    public FeedRetention(WriteQueue writes, Duration period, Duration interval) {
        this.writes = writes;
        this.period = period;
        this.interval = interval;
    }

    public boolean enabled() {
        return period != null;
    }

    public Duration period() {
        return period;
    }

    /** What one run removed: the cut-off and the page numbers per feed. */
    public record Pruned(Instant olderThan, Map<Feed, List<Long>> pages) {}

    public Pruned run() {
        if (!enabled())
            throw new IllegalStateException("feed retention is off");
        return writes.write(tx -> {
            Instant limit = writes.now().minus(period);
            Map<Feed, List<Long>> removed = new EnumMap<>(Feed.class);
            UpdateRequest update = new UpdateRequest();
            for (Feed feed : Feed.values()) {
                if (!feed.personal)
                    continue;
                List<Long> numbers = new ArrayList<>();
                for (Binding row : tx.select(Queries.bind("feeds/expired-pages.rq",
                        Map.of("feed", feed.graph(), "limit", FeedWriter.dateTime(limit))))) {
                    Node page = row.get(Var.alloc("page"));
                    numbers.add(Long.parseLong(row.get(Var.alloc("number")).getLiteralLexicalForm()));
                    QuadAcc members = new QuadAcc();
                    members.addQuad(new Quad(feed.graph(), Var.alloc("member"), KO.pagina, page));
                    members.addQuad(new Quad(feed.graph(), Var.alloc("member"), Var.alloc("p"), Var.alloc("o")));
                    update.add(new UpdateDeleteWhere(members));
                    QuadAcc bookkeeping = new QuadAcc();
                    bookkeeping.addQuad(new Quad(feed.graph(), page, Var.alloc("p"), Var.alloc("o")));
                    update.add(new UpdateDeleteWhere(bookkeeping));
                }
                removed.put(feed, numbers);
            }
            if (!update.getOperations().isEmpty())
                tx.update(update);
            return new Pruned(limit, removed);
        });
    }

    /** Starts the periodic run (first after one interval). */
    public synchronized void schedule() {
        if (!enabled() || scheduler != null)
            return;
        scheduler = Periodic.every(interval, "kohub-feed-retention", () -> {
            Pruned pruned = run();
            pruned.pages().forEach((feed, pages) -> {
                if (!pages.isEmpty())
                    LOG.info("feed retention: {} pages of {} removed (members before {})", pages.size(), feed.path, pruned.olderThan());
            });
        });
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.close();
            scheduler = null;
        }
    }
}
