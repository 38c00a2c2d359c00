package be.kohub.webhooks;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.modify.request.QuadAcc;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

import be.kohub.store.LoggedEvent;
import be.kohub.store.Queries;
import be.kohub.store.ReadTx;
import be.kohub.store.WriteTx;
import be.kohub.vocab.KO;

/**
 * The webhook outbox as RDF in the never-public graph {@code https://data.kohub.be/graph/bezorgingen},
 * read with {@code queries/webhooks/deliveries.rq}. One delivery:
 * <pre>
 * GRAPH &lt;https://data.kohub.be/graph/bezorgingen&gt; {
 *   &lt;urn:uuid:D&gt; a kohub:Bezorging ; kohub:abonnement &lt;…/abonnement/S&gt; ; kohub:gebeurtenis &lt;urn:uuid:E&gt; ;
 *       kohub:gebeurtenistype "aanvraag.status" ; dct:subject &lt;document&gt; ; kohub:inhoud "{…}" ;
 *       kohub:pogingen 0 ; kohub:volgendePoging "…"^^xsd:dateTime ; kohub:bezorgstatus "wachtend" ;
 *       kohub:aangemaakt "…"^^xsd:dateTime [; kohub:laatstePoging "…" ; kohub:laatsteFout "HTTP 503"] .
 * }
 * </pre>
 */
final class OutboxRecords {
    private static final Node[] STATE = {KO.pogingen, KO.volgendePoging, KO.bezorgstatus, KO.laatstePoging, KO.laatsteFout};

    private OutboxRecords() {}

    /** Adds a new pending delivery, due at once, to {@code data} (the outbox hook inserts them all at once). */
    static void plan(QuadDataAcc data, Node delivery, Subscription s, LoggedEvent event, String type, String payload, Instant now) {
        add(data, delivery, RDF.type.asNode(), KO.Bezorging);
        add(data, delivery, KO.abonnement, s.iri());
        add(data, delivery, KO.gebeurtenis, event.iri());
        add(data, delivery, KO.gebeurtenistype, Literals.text(type));
        add(data, delivery, DCTerms.subject.asNode(), event.document());
        add(data, delivery, KO.inhoud, Literals.text(payload));
        add(data, delivery, KO.pogingen, Literals.integer(0));
        add(data, delivery, KO.volgendePoging, Literals.dateTime(now));
        add(data, delivery, KO.bezorgstatus, Literals.text(Delivery.PENDING));
        add(data, delivery, KO.aangemaakt, Literals.dateTime(now));
    }

    /** Pending deliveries due by {@code now}, the earliest first. */
    static List<Delivery> due(ReadTx tx, Instant now, int limit) {
        return find(tx, Map.of("filterStatus", Literals.text(Delivery.PENDING), "filterTot", Literals.dateTime(now)), limit);
    }

    static List<Delivery> ofSubscription(ReadTx tx, String subscriptionId, String state, int limit) {
        return find(tx, Map.of("filterAbonnement", Subscription.iri(subscriptionId), "filterStatus", Literals.text(state)), limit);
    }

    static Optional<Delivery> find(ReadTx tx, String id) {
        return find(tx, Map.of("filterBezorging", Delivery.iri(id)), 1).stream().findFirst();
    }

    /** When the earliest pending delivery not yet due falls due. */
    static Optional<Instant> nextAttempt(ReadTx tx, Instant now) {
        List<Binding> rows = tx.select(Queries.bind("webhooks/next-attempt.rq", Map.of("na", Literals.dateTime(now))));
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(Literals.instant(rows.get(0), "eerste"));
    }

    /** Pending and dead deliveries per subscription id: {pending, dead}. */
    static Map<String, long[]> counts(ReadTx tx) {
        Map<String, long[]> counts = new HashMap<>();
        for (Binding row : tx.select(Queries.load("webhooks/delivery-counts.rq"))) {
            String id = Literals.text(row, "abonnement").substring(KO.SUBSCRIPTION_PREFIX.length());
            long n = Long.parseLong(Literals.text(row, "aantal"));
            counts.computeIfAbsent(id, k -> new long[2])[Delivery.DEAD.equals(Literals.text(row, "status")) ? 1 : 0] = n;
        }
        return counts;
    }

    /** The receiver took it: the row goes ({@code DELETE WHERE { GRAPH kohub-g:bezorgingen { <d> ?p ?o } }}). */
    static UpdateRequest delivered(Delivery d) {
        return new UpdateRequest(SubscriptionRecords.deleteAll(KO.OUTBOX_GRAPH, d.iri()));
    }

    /**
     * An attempt failed: its count, time and error, and either the next attempt or the dead-letter state.
     * <pre>
     * DELETE WHERE { GRAPH kohub-g:bezorgingen { &lt;d&gt; kohub:pogingen ?o } } ; … (volgendePoging, bezorgstatus, laatstePoging, laatsteFout)
     * INSERT DATA { GRAPH kohub-g:bezorgingen { &lt;d&gt; kohub:pogingen n ; kohub:volgendePoging t ; kohub:bezorgstatus "wachtend"|"dood" ;
     *     kohub:laatstePoging at ; kohub:laatsteFout "…" } }
     * </pre>
     */
    static UpdateRequest failed(Delivery d, int attempts, Instant next, boolean dead, Instant at, String error) {
        return restate(d, attempts, next, dead ? Delivery.DEAD : Delivery.PENDING, at, error);
    }

    /**
     * Takes a delivery for one attempt when several hub instances share the store: it is due later
     * (at {@code until}, when the attempt is over one way or another), so other instances leave it;
     * true only if it is still as {@code d} was read (pending, same attempts and due time). The
     * write queue runs this check and the update in one transaction.
     */
    static boolean claim(WriteTx tx, Delivery d, Instant until) {
        Optional<Delivery> now = find(tx, d.id());
        if (now.isEmpty() || !Delivery.PENDING.equals(now.get().state()) || now.get().attempts() != d.attempts()
                || !now.get().nextAttempt().equals(d.nextAttempt()))
            return false;
        tx.update(restate(d, d.attempts(), until, Delivery.PENDING, d.lastAttempt(), d.lastError()));
        return true;
    }

    /** A dead letter sent again: pending, due now, with a fresh count of attempts; its last error stays until the next attempt. */
    static UpdateRequest replay(Delivery d, Instant now) {
        return restate(d, 0, now, Delivery.PENDING, d.lastAttempt(), d.lastError());
    }

    private static UpdateRequest restate(Delivery d, int attempts, Instant next, String state, Instant at, String error) {
        UpdateRequest request = new UpdateRequest();
        for (Node p : STATE) {
            QuadAcc pattern = new QuadAcc();
            pattern.addQuad(new Quad(KO.OUTBOX_GRAPH, d.iri(), p, Var.alloc("o")));
            request.add(new UpdateDeleteWhere(pattern));
        }
        QuadDataAcc data = new QuadDataAcc();
        add(data, d.iri(), KO.pogingen, Literals.integer(attempts));
        add(data, d.iri(), KO.volgendePoging, Literals.dateTime(next));
        add(data, d.iri(), KO.bezorgstatus, Literals.text(state));
        if (at != null)
            add(data, d.iri(), KO.laatstePoging, Literals.dateTime(at));
        if (error != null)
            add(data, d.iri(), KO.laatsteFout, Literals.text(error));
        request.add(new UpdateDataInsert(data));
        return request;
    }

    private static List<Delivery> find(ReadTx tx, Map<String, Node> filters, int limit) {
        Query query = Queries.bind("webhooks/deliveries.rq", filters);
        query.setLimit(limit);
        List<Delivery> found = new ArrayList<>();
        for (Binding row : tx.select(query)) {
            String subscription = Literals.text(row, "abonnement").substring(KO.SUBSCRIPTION_PREFIX.length());
            found.add(new Delivery(uuid(Literals.text(row, "bezorging")), subscription, uuid(Literals.text(row, "gebeurtenis")),
                    Literals.text(row, "type"), Literals.text(row, "document"), Literals.text(row, "inhoud"),
                    Integer.parseInt(Literals.text(row, "pogingen")), Literals.instant(row, "volgende"), Literals.text(row, "status"),
                    Literals.instant(row, "aangemaakt"), Literals.instant(row, "laatste"), Literals.text(row, "fout"),
                    URI.create(Literals.text(row, "url")), Literals.text(row, "geheim")));
        }
        return found;
    }

    private static String uuid(String urn) {
        return urn.startsWith("urn:uuid:") ? urn.substring("urn:uuid:".length()) : urn;
    }

    private static void add(QuadDataAcc data, Node s, Node p, Node o) {
        data.addQuad(new Quad(KO.OUTBOX_GRAPH, s, p, o));
    }

    static Node newDelivery() {
        return NodeFactory.createURI("urn:uuid:" + java.util.UUID.randomUUID());
    }
}
