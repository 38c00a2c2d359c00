package be.kohub.access;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.jena.graph.NodeFactory;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import be.kohub.store.Store;
import be.kohub.store.WriteQueue;

/**
 * The system clients that {@code beheer} manages through the API: kept in the store's access
 * graph (only the SHA-256 of each key, see {@link ClientRecords}), written through the write
 * queue, and looked up in an in-memory copy. The copy is read again after each of this hub's own
 * writes and, at the latest, {@code refresh} after the last reading, so that another hub on the
 * same store sees a new or revoked key within that time.
 */
public final class ManagedClients {
    private final Store store;
    private final WriteQueue writes;
    private final Duration refresh;
    private final ReentrantLock reloading = new ReentrantLock();
    private volatile Snapshot snapshot;

    /** A key's client and the key, by the key's SHA-256. */
    private record Snapshot(List<ManagedClient> clients, Map<String, Lookup> byHash, long readAtNanos) {}

    private record Lookup(Client client, ManagedClient.Key key) {}

    /** A key just made: {@code key} is shown once and never stored. */
    public record Issued(ManagedClient client, ManagedClient.Key stored, String key) {}

    public ManagedClients(Store store, WriteQueue writes, Duration refresh) {
        this.store = store;
        this.writes = writes;
        this.refresh = refresh;
        reload();
    }

    /** The client of a key that is valid now, if the key is one of the managed ones. */
    public Optional<Client> find(String key) {
        Lookup found = current().byHash.get(ApiKeys.sha256(key));
        if (found == null || !found.key.validAt(writes.now()))
            return Optional.empty();
        return Optional.of(found.client);
    }

    public List<ManagedClient> all() {
        return current().clients;
    }

    public Optional<ManagedClient> get(String name) {
        return all().stream().filter(c -> c.client().name().equals(name)).findFirst();
    }

    /** Stores a new client with a first key; refused if the name was ever used by a managed client. */
    public Issued create(Client client) {
        Instant now = now();
        String key = ApiKeys.generate();
        Issued issued = writes.write(tx -> {
            if (ClientRecords.read(tx, client.name()).isPresent())
                throw new Rejected(ProblemType.CONFLICT,
                        "Er bestaat al een client " + client.name() + " (ook een ingetrokken naam wordt niet opnieuw gebruikt).",
                        "A client " + client.name() + " exists already (a revoked name is not used again either).");
            ManagedClient.Key stored = newKey(client, key, now);
            ManagedClient managed = new ManagedClient(client, now, null, List.of(stored));
            tx.update(ClientRecords.create(managed));
            return new Issued(managed, stored, key);
        });
        reload();
        return issued;
    }

    /**
     * Gives the client a new key; its current keys stay valid for {@code grace} (zero: not at all)
     * and keys whose time is up are removed.
     */
    public Issued rotate(String name, Duration grace) {
        Instant now = now();
        Instant until = now.plus(grace);
        String key = ApiKeys.generate();
        Issued issued = writes.write(tx -> {
            ManagedClient managed = activeClient(ClientRecords.read(tx, name), name);
            List<ManagedClient.Key> after = new ArrayList<>();
            for (ManagedClient.Key old : managed.keys()) {
                Instant end = old.validUntil() == null || old.validUntil().isAfter(until) ? until : old.validUntil();
                if (end.isAfter(now))
                    after.add(new ManagedClient.Key(old.iri(), old.sha256(), old.created(), end));
            }
            ManagedClient.Key stored = newKey(managed.client(), key, now);
            after.add(stored);
            tx.update(ClientRecords.changeKeys(managed.iri(), managed.keys(), after, null));
            return new Issued(new ManagedClient(managed.client(), managed.created(), null, List.copyOf(after)), stored, key);
        });
        reload();
        return issued;
    }

    /** Removes every key of the client at once and marks it revoked; its name stays taken. */
    public ManagedClient revoke(String name) {
        Instant now = now();
        ManagedClient revoked = writes.write(tx -> {
            ManagedClient managed = activeClient(ClientRecords.read(tx, name), name);
            tx.update(ClientRecords.changeKeys(managed.iri(), managed.keys(), List.of(), now));
            return new ManagedClient(managed.client(), managed.created(), now, List.of());
        });
        reload();
        return revoked;
    }

    /** Reads the access graph again. */
    public void reload() {
        List<ManagedClient> clients = store.read(ClientRecords::readAll);
        Map<String, Lookup> byHash = new HashMap<>();
        for (ManagedClient managed : clients)
            if (!managed.isRevoked())
                managed.keys().forEach(key -> byHash.put(key.sha256(), new Lookup(managed.client(), key)));
        snapshot = new Snapshot(clients, Map.copyOf(byHash), System.nanoTime());
    }

    private Snapshot current() {
        Snapshot now = snapshot;
        // One caller reads the store again when the copy is old; the others go on with the copy meanwhile.
        if (System.nanoTime() - now.readAtNanos >= refresh.toNanos() && reloading.tryLock()) {
            try {
                if (snapshot == now)
                    reload();
            } finally {
                reloading.unlock();
            }
        }
        return snapshot;
    }

    private Instant now() {
        return writes.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static ManagedClient.Key newKey(Client client, String key, Instant now) {
        return new ManagedClient.Key(NodeFactory.createURI(client.system().getURI() + "/sleutel/" + UUID.randomUUID()),
                ApiKeys.sha256(key), now, null);
    }

    private static ManagedClient activeClient(Optional<ManagedClient> found, String name) {
        ManagedClient managed = found.orElseThrow(() -> new Rejected(ProblemType.NIET_GEVONDEN,
                "Geen client " + name + " beheerd via de API.", "No client " + name + " managed through the API."));
        if (managed.isRevoked())
            throw new Rejected(ProblemType.CONFLICT, "De client " + name + " is ingetrokken op " + managed.revoked() + ".",
                    "The client " + name + " was revoked at " + managed.revoked() + ".");
        return managed;
    }
}
