package be.kohub.webhooks;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;

import be.kohub.access.ApiKeys;
import be.kohub.access.Client;
import be.kohub.store.Queries;
import be.kohub.store.ReadTx;

/**
 * Who a subscription's owner is now, for deciding what it may hear: the client of the clients
 * file if it is there (its role and area as the file has them now), nobody if it is an
 * API-managed client that was revoked, and otherwise the profile recorded at registration (an
 * API-managed client's profile never changes; an OIDC client has no record of its own).
 * Runs inside the write transaction, so it reads the access graph itself rather than through
 * ManagedClients, whose refresh would open a second transaction.
 */
final class Owners {
    private final ApiKeys fileKeys;

    Owners(ApiKeys fileKeys) {
        this.fileKeys = fileKeys;
    }

    /** The revoked clients' systems, read once per transaction. */
    Set<Node> revoked(ReadTx tx) {
        Set<Node> revoked = new HashSet<>();
        tx.select(Queries.load("webhooks/revoked-clients.rq")).forEach(row -> revoked.add(row.get(Var.alloc("client"))));
        return revoked;
    }

    Optional<Client> current(Subscription s, Set<Node> revoked) {
        Optional<Client> inFile = fileKeys.all().stream().filter(c -> c.name().equals(s.owner().name())).findFirst();
        if (inFile.isPresent())
            return inFile;
        return revoked.contains(s.owner().system()) ? Optional.empty() : Optional.of(s.owner());
    }
}
