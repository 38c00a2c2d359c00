package be.kohub.erasure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.graph.GraphFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import be.kohub.ingest.DocumentGraphs;
import be.kohub.ingest.DocumentMeta;
import be.kohub.ingest.DocumentWrites;
import be.kohub.ingest.DocumentWrites.Operation;
import be.kohub.Periodic;
import be.kohub.audit.AuditLog;
import be.kohub.store.Queries;
import be.kohub.store.WriteQueue;
import be.kohub.vocab.KO;

/**
 * The retention period: a set time after a request closed (its last change to a status the code
 * list marks as not open), its personal-data graph is removed, with a new version and a
 * {@code persoonsgegevens-verwijderd} event (a tombstone for the change feeds). Runs on a schedule
 * started with the hub, and on demand ({@code POST /beheer/bewaartermijn}). See docs/erasure.md.
 */
public final class RetentionJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    private static final Var DOC = Var.alloc("doc");
    /** As in closed-with-personal-data.rq: one write transaction per this many documents. */
    private static final int BATCH = 200;

    private final WriteQueue writes;
    private final Duration period;
    private final Duration interval;
    private final AuditLog audit;
    private Periodic scheduler;

    /** What one run did: the cut-off (closed at or before it) and the documents whose personal data it removed. */
    public record Purged(Instant closedBy, List<Node> documents) {}

    /** @param period how long after closing personal data is kept; null: kept for ever (the job is off) */
    public RetentionJob(WriteQueue writes, Duration period, Duration interval, AuditLog audit) {
        this.writes = writes;
        this.audit = audit;
        this.period = period;
        this.interval = interval;
    }

    public boolean enabled() {
        return period != null;
    }

    public Duration period() {
        return period;
    }

    /** Starts the periodic run (first after one interval, so that a starting hub does not wait for it). */
    public synchronized void schedule() {
        if (!enabled() || scheduler != null)
            return;
        scheduler = Periodic.every(interval, "kohub-retention", () -> {
            Purged purged = run(KO.HUB_SYSTEM);
            audit.record(KO.HUB_SYSTEM, "systeem", AuditLog.Handeling.GEWIST, "bewaartermijn", "retentie", purged.documents());
            if (!purged.documents().isEmpty())
                LOG.info("retention: personal data removed from {} documents closed by {}", purged.documents().size(), purged.closedBy());
        });
    }

    /** Removes the personal data of every document closed longer ago than the period, in batches; {@code agent} is recorded in the events. */
    public Purged run(Node agent) {
        if (!enabled())
            throw new IllegalStateException("retention is off");
        Instant closedBy = writes.now().minus(period);
        Node limit = NodeFactory.createLiteralDT(closedBy.toString(), XSDDatatype.XSDdateTime);
        List<Node> purged = new ArrayList<>();
        while (true) {
            List<Node> batch = writes.write(tx -> {
                List<Node> done = new ArrayList<>();
                Instant now = writes.now();
                for (Binding row : tx.select(Queries.bind("erasure/closed-with-personal-data.rq", Map.of("grens", limit)))) {
                    Node doc = row.get(DOC);
                    DocumentMeta meta = DocumentMeta.find(tx, doc).orElseThrow();
                    tx.update(DocumentWrites.version(doc, meta.type(), meta, agent, null, Operation.PERSOONSGEGEVENS_VERWIJDERD, now)
                            .replaceGraph(DocumentGraphs.personal(doc), GraphFactory.createDefaultGraph()).build());
                    done.add(doc);
                }
                return done;
            });
            purged.addAll(batch);
            if (batch.size() < BATCH)
                return new Purged(closedBy, List.copyOf(purged));
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.close();
            scheduler = null;
        }
    }
}
