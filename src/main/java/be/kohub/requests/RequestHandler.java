package be.kohub.requests;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import be.kohub.access.Client;
import be.kohub.access.Role;
import be.kohub.codes.ChildCodes;
import be.kohub.codes.KindCode;
import be.kohub.ingest.DocumentType;
import be.kohub.ingest.PersonalData;
import be.kohub.lifecycle.Lifecycle;
import be.kohub.locations.LocationState;
import be.kohub.model.CodeLists;
import be.kohub.store.WriteTx;
import be.kohub.vocab.KO;
import be.kohub.vocab.OSLO;

/**
 * The child-care request (aanvraag) in the ingestion pipeline: root class kohub:Aanvraag.
 * Its rules: the child code must have valid check digits and be known; each preferred location
 * must exist (a request stop is noted, not refused); the registering system and, for a counter,
 * its LLKO are recorded; the applicants' names and contact data go to the personal-data graph;
 * a new request starts with status ingediend.
 */
public final class RequestHandler implements DocumentType {
    public static final String TYPE = "aanvraag";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ChildCodes children;
    private final CodeLists codes;

    public RequestHandler(ChildCodes children, CodeLists codes) {
        this.children = children;
        this.codes = codes;
    }

    @Override
    public String name() {
        return TYPE;
    }

    @Override
    public Node rootClass() {
        return KO.Aanvraag;
    }

    @Override
    public void authorizeWrite(Client client, Graph document, Node root) {
        if (client.role() != Role.LLKO && client.role() != Role.KO && client.role() != Role.BEHEER)
            throw new Rejected(ProblemType.GEEN_TOEGANG, "Alleen een loket of een organisator registreert aanvragen.",
                    "Only a counter or an organiser registers requests.");
    }

    @Override
    public Prepared prepare(WriteTx tx, Write write) {
        Node iri = write.iri();
        Graph document = write.document();
        KindCode code = KindCode.parse(document.find(iri, KO.kindcode, Node.ANY).next().getObject().getLiteralLexicalForm());
        Node child = children.known(tx, code);
        Graph stored = GraphFactory.createDefaultGraph();
        document.find().forEachRemaining(stored::add);
        ObjectNode details = JSON.createObjectNode();
        ArrayNode notices = details.putArray("meldingen");
        // The day of the write (not of the clock now), so that a document stored as of a given time reads the same.
        LocalDate today = LocalDate.ofInstant(write.now(), ZoneId.systemDefault());
        for (Node preference : document.find(iri, KO.voorkeur, Node.ANY).mapWith(Triple::getObject).toList()) {
            Node location = document.find(preference, KO.vestiging, Node.ANY).next().getObject();
            LocationState state = LocationState.require(tx, location, "voorkeuren.vestiging");
            state.stoppedOn(today).ifPresent(until -> {
                stored.add(Triple.create(preference, KO.aanvraagstopTot, NodeFactory.createLiteralDT(until.toString(), XSDDatatype.XSDdate)));
                ObjectNode notice = notices.addObject();
                notice.put("vestiging", location.getURI());
                notice.put("aanvraagstopTot", until.toString());
                notice.put("bericht", "Deze locatie neemt geen aanvragen aan tot " + until + "; de aanvraag is wel geregistreerd.");
                notice.put("message", "This location takes no requests until " + until + "; the request is registered nonetheless.");
            });
        }
        stored.add(Triple.create(iri, KO.kind, child));
        stored.add(Triple.create(iri, KO.geregistreerdDoor, write.client().system()));
        if (write.client().role() == Role.LLKO && write.client().loket() != null)
            stored.add(Triple.create(iri, KO.lokaalLoket, NodeFactory.createURI(KO.LOKET_PREFIX + write.client().loket())));
        List<Node> people = document.find(Node.ANY, OSLO.PROV_AGENT, Node.ANY).mapWith(Triple::getObject).toList();
        PersonalData.Split split = PersonalData.split(stored, people, iri);
        Graph status = write.previous() == null
                ? Lifecycle.initial(iri, new Lifecycle.Change(codes.require("aanvraagstatus", "ingediend", "status"), null, null,
                        write.client().system(), null, write.now()))
                : null;
        return new Prepared(split.document(), split.personal(), status, List.of(), notices.isEmpty() ? null : details);
    }
}
