package be.kohub.requests;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

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
 * Who sees what of one request (DESIGN.md §6, docs/security.md):
 * <ul>
 * <li>beheer, and the system and counter that registered it: the whole request;</li>
 * <li>an analyst: the request without personal data;</li>
 * <li>an organiser whose location the family chose: the request, with the people only if the
 *     parent consented to sharing;</li>
 * <li>another counter, whose service area holds a chosen location or the family's residence:
 *     the whole request, but only if the parent consented; without consent the request does not
 *     exist for it;</li>
 * <li>anyone else: 404, as if there were no such request (its existence is not shared).</li>
 * </ul>
 */
public final class RequestAccess {
    /** How much of a request a caller gets. */
    public enum View { VOLLEDIG, ZONDER_PERSOONSGEGEVENS }

    private RequestAccess() {}

    public static View view(ReadTx tx, Client client, Node iri, DocumentMeta meta, Graph document) {
        return find(tx, client, iri, meta, document).orElseThrow(() -> notFound(iri));
    }

    /** The caller's view of the request, or empty if the request does not exist for it. */
    public static Optional<View> find(ReadTx tx, Client client, Node iri, DocumentMeta meta, Graph document) {
        if (client.role() == Role.BEHEER || client.system().equals(meta.source()) || registeredByCounter(client, document, iri))
            return Optional.of(View.VOLLEDIG);
        if (client.role() == Role.ANALIST)
            return Optional.of(View.ZONDER_PERSOONSGEGEVENS);
        boolean consented = consented(document, iri);
        if (client.role() == Role.KO && locations(tx, document).anyMatch(state -> Objects.equals(state.organiserKbo(), client.organisator())))
            return Optional.of(consented ? View.VOLLEDIG : View.ZONDER_PERSOONSGEGEVENS);
        if (client.role() == Role.LLKO && consented && inServiceArea(tx, client, document, iri))
            return Optional.of(View.VOLLEDIG);
        return Optional.empty();
    }

    /** The request as this view shows it: document and status, and personal data for a full view. */
    public static Graph assemble(ReadTx tx, Node iri, View view, Graph into) {
        tx.graph(iri).find().forEachRemaining(into::add);
        tx.graph(DocumentGraphs.status(iri)).find().forEachRemaining(into::add);
        if (view == View.VOLLEDIG)
            tx.graph(DocumentGraphs.personal(iri)).find().forEachRemaining(into::add);
        return into;
    }

    /**
     * The request, for a change that only who registered it (or beheer) may make: 404 when the
     * caller may not see the request, 403 with {@code nl}/{@code en} when it sees but did not register it.
     */
    public static DocumentMeta requireRegistrar(ReadTx tx, Client client, Node iri, String nl, String en) {
        DocumentMeta meta = DocumentMeta.find(tx, iri).filter(m -> m.type().equals(RequestHandler.TYPE)).orElseThrow(() -> notFound(iri));
        Graph document = tx.graph(iri);
        if (client.role() != Role.BEHEER && !client.system().equals(meta.source()) && !registeredByCounter(client, document, iri)) {
            view(tx, client, iri, meta, document);
            throw new Rejected(ProblemType.GEEN_TOEGANG, nl, en);
        }
        return meta;
    }

    public static Rejected notFound(Node iri) {
        return new Rejected(ProblemType.NIET_GEVONDEN, "Geen aanvraag " + iri.getURI() + " die jij mag zien.",
                "No request " + iri.getURI() + " that you may see.");
    }

    static boolean registeredByCounter(Client client, Graph document, Node iri) {
        return client.role() == Role.LLKO && client.loket() != null
                && document.contains(iri, KO.lokaalLoket, NodeFactory.createURI(KO.LOKET_PREFIX + client.loket()));
    }

    static boolean consented(Graph document, Node iri) {
        return document.find(iri, KO.toestemmingDelen, Node.ANY).nextOptional()
                .map(t -> t.getObject().getLiteralLexicalForm().equals("true")).orElse(false);
    }

    /** The family lives in the counter's service area, or chose a location there. */
    private static boolean inServiceArea(ReadTx tx, Client client, Graph document, Node iri) {
        List<String> area = client.werkingsgebied();
        boolean livesThere = document.find(iri, KO.woonplaats, Node.ANY).mapWith(Triple::getObject).toList().stream()
                .anyMatch(m -> m.isURI() && area.contains(m.getURI().substring(m.getURI().lastIndexOf('/') + 1)));
        return livesThere || locations(tx, document).anyMatch(state -> area.contains(state.municipality()));
    }

    private static java.util.stream.Stream<LocationState> locations(ReadTx tx, Graph document) {
        return document.find(Node.ANY, KO.vestiging, Node.ANY).mapWith(Triple::getObject).toList().stream()
                .map(loc -> LocationState.find(tx, loc)).flatMap(Optional::stream);
    }
}
