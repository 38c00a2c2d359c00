package be.kohub.webhooks;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import be.kohub.access.Client;
import be.kohub.access.Role;
import be.kohub.store.Store;
import be.kohub.store.WriteQueue;

/**
 * Registering, reading and deleting subscriptions, and their dead letters. A subscription belongs
 * to the client that registered it: only that client and {@code beheer} see it, anyone else gets
 * 404 as if it did not exist. Every change goes through the write queue.
 */
final class Subscriptions {
    /** Enough for a system with a receiver per event family; more is a sign of a loop. */
    static final int MAX_PER_OWNER = 25;
    private static final Pattern UUID_TEXT = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private final Store store;
    private final WriteQueue writes;
    private final Clock clock;
    private final Runnable wake;

    Subscriptions(Store store, WriteQueue writes, Clock clock, Runnable wake) {
        this.store = store;
        this.writes = writes;
        this.clock = clock;
        this.wake = wake;
    }

    Subscription register(Client owner, URI callback, List<String> types, String secret) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Subscription subscription = new Subscription(UUID.randomUUID().toString(), owner, callback, types, secret, now);
        return writes.write(tx -> {
            if (SubscriptionRecords.ownedBy(tx, owner).size() >= MAX_PER_OWNER)
                throw new Rejected(ProblemType.CONFLICT,
                        "Je hebt al " + MAX_PER_OWNER + " abonnementen; verwijder er eerst een.",
                        "You have " + MAX_PER_OWNER + " subscriptions already; delete one first.");
            tx.update(SubscriptionRecords.create(subscription));
            return subscription;
        });
    }

    /** The caller's subscriptions; every one for beheer. */
    List<Subscription> visibleTo(Client client) {
        return store.read(tx -> client.role() == Role.BEHEER ? SubscriptionRecords.readAll(tx) : SubscriptionRecords.ownedBy(tx, client));
    }

    /** The subscription if the caller owns it or is beheer; else 404, whether or not it exists. */
    Subscription get(Client client, String id) {
        return find(client, id).orElseThrow(() -> notFound(id));
    }

    void delete(Client client, String id) {
        writes.write(tx -> {
            Subscription s = SubscriptionRecords.readAll(tx).stream().filter(x -> x.id().equals(id) && visible(client, x))
                    .findFirst().orElseThrow(() -> notFound(id));
            tx.update(SubscriptionRecords.delete(s));
            return null;
        });
    }

    /** Pending and dead deliveries per subscription id: {pending, dead}. */
    java.util.Map<String, long[]> counts() {
        return store.read(OutboxRecords::counts);
    }

    List<Delivery> deadLetters(Client client, String id, int limit) {
        Subscription s = get(client, id);
        return store.read(tx -> OutboxRecords.ofSubscription(tx, s.id(), Delivery.DEAD, limit));
    }

    /** Sends dead letters again: the one with {@code deliveryId}, or all of them (null); answers how many. */
    int replay(Client client, String id, String deliveryId) {
        Instant now = clock.instant();
        int replayed = writes.write(tx -> {
            Subscription s = SubscriptionRecords.readAll(tx).stream().filter(x -> x.id().equals(id) && visible(client, x))
                    .findFirst().orElseThrow(() -> notFound(id));
            List<Delivery> dead;
            if (deliveryId == null) {
                dead = OutboxRecords.ofSubscription(tx, s.id(), Delivery.DEAD, Integer.MAX_VALUE);
            } else {
                dead = (UUID_TEXT.matcher(deliveryId).matches() ? OutboxRecords.find(tx, deliveryId) : Optional.<Delivery>empty())
                        .filter(d -> d.subscriptionId().equals(s.id()) && d.state().equals(Delivery.DEAD)).map(List::of)
                        .orElseThrow(() -> new Rejected(ProblemType.NIET_GEVONDEN,
                                "Geen dode brief " + deliveryId + " van dit abonnement.", "No dead letter " + deliveryId + " of this subscription."));
            }
            dead.forEach(d -> tx.update(OutboxRecords.replay(d, now)));
            return dead.size();
        });
        if (replayed > 0)
            wake.run();
        return replayed;
    }

    private Optional<Subscription> find(Client client, String id) {
        if (!UUID_TEXT.matcher(id).matches())
            return Optional.empty();
        return store.read(tx -> SubscriptionRecords.readAll(tx)).stream().filter(s -> s.id().equals(id) && visible(client, s)).findFirst();
    }

    private static boolean visible(Client client, Subscription s) {
        return client.role() == Role.BEHEER || s.ownedBy(client);
    }

    private static Rejected notFound(String id) {
        return new Rejected(ProblemType.NIET_GEVONDEN, "Geen abonnement " + id + " dat jij mag zien.", "No subscription " + id + " that you may see.");
    }
}
