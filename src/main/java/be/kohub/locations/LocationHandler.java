package be.kohub.locations;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.SKOS;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import be.kohub.access.Client;
import be.kohub.access.Role;
import be.kohub.ingest.DocumentType;
import be.kohub.vocab.KO;
import be.kohub.vocab.OSLO;

/**
 * The location info sheet (KO-infofiche) in the ingestion pipeline: root class org:Site
 * (OSLO Vestiging). Organisers may write only sheets of their own organisation (by KBO number).
 */
public final class LocationHandler implements DocumentType {
    private static final Node WITHDRAWN = NodeFactory.createURI(KO.STATUS_PREFIX + "ingetrokken");

    @Override
    public String name() {
        return "locatie";
    }

    @Override
    public Node rootClass() {
        return OSLO.ORG_SITE;
    }

    @Override
    public void authorizeWrite(Client client, Graph document, Node root) {
        if (client.role() == Role.BEHEER)
            return;
        List<String> kbo = organiserKbo(document, root);
        if (client.role() != Role.KO || client.organisator() == null || !kbo.equals(List.of(client.organisator())))
            throw new Rejected(ProblemType.GEEN_TOEGANG,
                    "Een organisator beheert alleen de infofiches van de eigen organisatie (KBO " + client.organisator() + "); deze fiche hoort bij " + kbo + ".",
                    "An organiser manages only the info sheets of its own organisation (KBO " + client.organisator() + "); this sheet belongs to " + kbo + ".");
    }

    @Override
    public Graph withdrawn(Graph current, Node iri) {
        Graph result = GraphFactory.createDefaultGraph();
        List<Node> offers = current.find(Node.ANY, OSLO.PROV_AT_LOCATION, iri).mapWith(Triple::getSubject).toList();
        current.find().forEachRemaining(t -> {
            if (!(offers.contains(t.getSubject()) && t.getPredicate().equals(OSLO.ADMS_STATUS)))
                result.add(t);
        });
        offers.forEach(offer -> result.add(Triple.create(offer, OSLO.ADMS_STATUS, WITHDRAWN)));
        return result;
    }

    private static List<String> organiserKbo(Graph document, Node root) {
        return document.find(root, OSLO.ORG_SITE_OF, Node.ANY).mapWith(Triple::getObject)
                .mapWith(org -> document.find(org, OSLO.REGORG_REGISTRATION, Node.ANY).mapWith(Triple::getObject).toList())
                .toList().stream().flatMap(List::stream)
                .flatMap(reg -> document.find(reg, SKOS.notation.asNode(), Node.ANY).mapWith(t -> t.getObject().getLiteralLexicalForm()).toList().stream())
                .distinct().toList();
    }
}
