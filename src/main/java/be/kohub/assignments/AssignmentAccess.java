package be.kohub.assignments;

import java.util.Objects;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

import be.kohub.access.Client;
import be.kohub.access.Role;
import be.kohub.ingest.DocumentMeta;
import be.kohub.locations.LocationState;
import be.kohub.requests.RequestAccess;
import be.kohub.store.ReadTx;
import be.kohub.vocab.KO;

/**
 * Who reads an assignment (docs/security.md): beheer and analysts; the system that made it and
 * the organiser of its location; a counter whose service area holds the location; and whoever
 * may read the request it answers in full (so the counter that registered a request sees the
 * assignment that closed it). Anyone else gets 404.
 */
public final class AssignmentAccess {
    private AssignmentAccess() {}

    public static boolean allowed(ReadTx tx, Client client, Node iri, DocumentMeta meta, Graph document, LocationState location) {
        if (client.role() == Role.BEHEER || client.role() == Role.ANALIST || client.system().equals(meta.source()))
            return true;
        if (client.role() == Role.KO && client.organisator() != null && Objects.equals(client.organisator(), location.organiserKbo()))
            return true;
        if (client.role() == Role.LLKO && location.municipality() != null && client.werkingsgebied().contains(location.municipality()))
            return true;
        return document.find(iri, KO.aanvraag, Node.ANY).mapWith(Triple::getObject).toList().stream()
                .anyMatch(request -> DocumentMeta.find(tx, request)
                        .flatMap(m -> RequestAccess.find(tx, client, request, m, tx.graph(request)))
                        .filter(view -> view == RequestAccess.View.VOLLEDIG).isPresent());
    }
}
