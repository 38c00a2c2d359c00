package be.kohub.requests;

import java.util.Objects;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import be.kohub.access.Client;
import be.kohub.access.Role;
import be.kohub.ingest.DocumentGraphs;
import be.kohub.ingest.DocumentMeta;
import be.kohub.locations.LocationState;
import be.kohub.store.ReadTx;
import be.kohub.vocab.KO;

/**
 * Who sees what of one request (DESIGN.md §6): the system and counter that registered it see
 * it whole; an organiser whose location the family chose sees it, with the people in it only if
 * the parent consented to sharing; an analyst sees it without personal data; other counters
 * do not see it (they have the cross-counter view). Every read that includes personal data is
 * written to the audit log.
 */
public final class RequestAccess {
    private static final Logger AUDIT = LoggerFactory.getLogger("kohub.audit");

    /** How much of a request a caller gets. */
    public enum View { VOLLEDIG, ZONDER_PERSOONSGEGEVENS }

    private RequestAccess() {}

    public static View view(ReadTx tx, Client client, Node iri, DocumentMeta meta, Graph document) {
        if (client.role() == Role.BEHEER || client.system().equals(meta.source()) || registeredByCounter(client, document, iri))
            return View.VOLLEDIG;
        if (client.role() == Role.ANALIST)
            return View.ZONDER_PERSOONSGEGEVENS;
        if (client.role() == Role.KO && namesLocationOf(tx, client, document))
            return consented(document, iri) ? View.VOLLEDIG : View.ZONDER_PERSOONSGEGEVENS;
        throw new Rejected(ProblemType.GEEN_TOEGANG,
                "Deze aanvraag is niet van jouw loket of voor jouw locaties; gebruik GET /kinderen/{kindcode}/aanvragen.",
                "This request is not your counter's nor for your locations; use GET /kinderen/{kindcode}/aanvragen.");
    }

    /** The request as this view shows it: document and status (and personal data for a full view). */
    public static Graph assemble(ReadTx tx, Client client, Node iri, View view, Graph into) {
        tx.graph(iri).find().forEachRemaining(into::add);
        tx.graph(DocumentGraphs.status(iri)).find().forEachRemaining(into::add);
        if (view == View.VOLLEDIG) {
            tx.graph(DocumentGraphs.personal(iri)).find().forEachRemaining(into::add);
            AUDIT.info("persoonsgegevens gelezen: {} door {}", iri.getURI(), client.name());
        }
        return into;
    }

    static boolean registeredByCounter(Client client, Graph document, Node iri) {
        return client.role() == Role.LLKO && client.loket() != null
                && document.contains(iri, KO.lokaalLoket, org.apache.jena.graph.NodeFactory.createURI(KO.LOKET_PREFIX + client.loket()));
    }

    static boolean consented(Graph document, Node iri) {
        return document.find(iri, KO.toestemmingDelen, Node.ANY).nextOptional()
                .map(t -> t.getObject().getLiteralLexicalForm().equals("true")).orElse(false);
    }

    private static boolean namesLocationOf(ReadTx tx, Client client, Graph document) {
        return document.find(Node.ANY, KO.vestiging, Node.ANY).mapWith(Triple::getObject).toList().stream()
                .map(loc -> LocationState.find(tx, loc)).flatMap(java.util.Optional::stream)
                .anyMatch(state -> Objects.equals(state.organiserKbo(), client.organisator()));
    }
}
