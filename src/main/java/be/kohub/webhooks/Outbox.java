package be.kohub.webhooks;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.update.UpdateRequest;

import be.kohub.access.Client;
import be.kohub.ingest.DocumentMeta;
import be.kohub.model.CodeLists;
import be.kohub.store.Changes;
import be.kohub.store.CommitHook;
import be.kohub.store.LoggedEvent;
import be.kohub.store.WriteTx;

/**
 * Plans the webhook deliveries of every write in the write's own transaction (DESIGN.md §3, "all
 * or nothing"): for each event and each subscription that wants its type and whose owner may
 * read the document, one pending row in the outbox. So a change that commits has its deliveries
 * stored with it, and a change that does not commit (a rejection, a failure) has none. Once
 * committed, the worker is woken to send them.
 *
 * <p>The one rule beyond the subscription's event types: every subscription of the system that
 * registered a request gets that request's cancellation (a status event after which the request
 * is geannuleerd), so a counter always hears that another municipality's assignment closed its
 * request (DESIGN.md §1).
 */
final class Outbox implements CommitHook {
    private static final Runnable NOTHING = () -> {};
    static final String CANCELLED = "geannuleerd";
    private final EventTypes types;
    private final Owners owners;
    private final CodeLists codes;
    private final Clock clock;
    private final Runnable wake;

    Outbox(EventTypes types, Owners owners, CodeLists codes, Clock clock, Runnable wake) {
        this.types = types;
        this.owners = owners;
        this.codes = codes;
        this.clock = clock;
        this.wake = wake;
    }

    @Override
    public Runnable inTransaction(WriteTx tx, Changes changes) {
        if (changes.isEmpty())
            return NOTHING;
        List<Subscription> subscriptions = SubscriptionRecords.readAll(tx);
        if (subscriptions.isEmpty())
            return NOTHING;
        Set<Node> revoked = owners.revoked(tx);
        Map<Subscription, Client> active = new LinkedHashMap<>();
        subscriptions.forEach(s -> owners.current(s, revoked).ifPresent(owner -> active.put(s, owner)));
        Map<Node, LoggedEvent> lastStatusEvent = new HashMap<>();
        changes.events().stream().filter(e -> e.operation().equals("status")).forEach(e -> lastStatusEvent.put(e.document(), e));
        Map<Node, Optional<DocumentMeta>> documents = new HashMap<>();
        Map<String, Boolean> readable = new HashMap<>();
        QuadDataAcc rows = new QuadDataAcc();
        int planned = 0;
        for (LoggedEvent event : changes.events()) {
            Optional<DocumentMeta> meta = documents.computeIfAbsent(event.document(), doc -> DocumentMeta.find(tx, doc));
            if (meta.isEmpty() || !types.offers(meta.get().type()))
                continue;
            String type = meta.get().type() + "." + event.operation();
            boolean cancellation = event == lastStatusEvent.get(event.document()) && meta.get().type().equals("aanvraag")
                    && EventPayload.status(tx, meta.get(), codes).filter(CANCELLED::equals).isPresent();
            String payload = null;
            for (Map.Entry<Subscription, Client> entry : active.entrySet()) {
                Client owner = entry.getValue();
                boolean registrar = cancellation && owner.system().equals(meta.get().source());
                if (!registrar && !entry.getKey().wants(type))
                    continue;
                if (!readable.computeIfAbsent(owner.name() + " " + event.document(), k -> EventAccess.mayRead(tx, owner, meta.get())))
                    continue;
                if (payload == null)
                    payload = EventPayload.of(tx, event, meta.get(), type, codes);
                OutboxRecords.plan(rows, OutboxRecords.newDelivery(), entry.getKey(), event, type, payload, clock.instant());
                planned++;
            }
        }
        if (planned == 0)
            return NOTHING;
        tx.update(new UpdateRequest(new UpdateDataInsert(rows)));
        return wake;
    }
}
