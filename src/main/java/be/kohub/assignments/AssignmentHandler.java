package be.kohub.assignments;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.update.UpdateRequest;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import be.kohub.access.Client;
import be.kohub.access.Role;
import be.kohub.codes.ChildCodes;
import be.kohub.codes.KindCode;
import be.kohub.ingest.DocumentMeta;
import be.kohub.ingest.DocumentType;
import be.kohub.lifecycle.Lifecycle;
import be.kohub.locations.LocationState;
import be.kohub.model.CodeLists;
import be.kohub.requests.RequestHandler;
import be.kohub.store.ReadTx;
import be.kohub.store.WriteTx;
import be.kohub.vocab.KO;

/**
 * The assignment (toewijzing) in the ingestion pipeline: root class kohub:Toewijzing. An
 * organiser assigns a place at one of its own locations to a known child, with or without a
 * prior request. A new assignment takes effect at once ({@link AssignmentRule}), unless it is
 * only an offer ({@code voorstel: true}), which marks the linked request voorstel gedaan and
 * waits for acceptance. Re-sending the same assignment updates the document, not the statuses.
 */
public final class AssignmentHandler implements DocumentType {
    public static final String TYPE = "toewijzing";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ChildCodes children;
    private final CodeLists codes;
    private final AssignmentRule rule;

    public AssignmentHandler(ChildCodes children, CodeLists codes, AssignmentRule rule) {
        this.children = children;
        this.codes = codes;
        this.rule = rule;
    }

    @Override
    public String name() {
        return TYPE;
    }

    @Override
    public Node rootClass() {
        return KO.Toewijzing;
    }

    @Override
    public void authorizeWrite(Client client, Graph document, Node root) {
        if (client.role() != Role.KO && client.role() != Role.BEHEER)
            throw new Rejected(ProblemType.GEEN_TOEGANG, "Alleen een organisator wijst plaatsen toe.",
                    "Only an organiser assigns places.");
    }

    /** Only the organiser of the location (or beheer) acts on its assignments. */
    static void authorizeLocation(Client client, LocationState location) {
        if (client.role() == Role.BEHEER)
            return;
        if (client.role() != Role.KO || !Objects.equals(location.organiserKbo(), client.organisator()))
            throw new Rejected(ProblemType.GEEN_TOEGANG,
                    "Een organisator wijst alleen plaatsen toe op de eigen locaties; " + location.iri().getURI() + " hoort bij KBO " + location.organiserKbo() + ".",
                    "An organiser assigns places only at its own locations; " + location.iri().getURI() + " belongs to KBO " + location.organiserKbo() + ".");
    }

    @Override
    public Prepared prepare(WriteTx tx, Write write) {
        Node iri = write.iri();
        Graph document = write.document();
        Node child = children.known(tx, KindCode.parse(document.find(iri, KO.kindcode, Node.ANY).next().getObject().getLiteralLexicalForm()));
        LocationState location = LocationState.require(tx, document.find(iri, KO.vestiging, Node.ANY).next().getObject(), "vestiging");
        authorizeLocation(write.client(), location);
        Node linked = document.find(iri, KO.aanvraag, Node.ANY).nextOptional().map(Triple::getObject).orElse(null);
        if (linked != null)
            checkLinked(tx, linked, child);
        Graph stored = GraphFactory.createDefaultGraph();
        document.find().forEachRemaining(stored::add);
        stored.add(Triple.create(iri, KO.kind, child));
        if (write.previous() != null)
            return new Prepared(stored, null, null, List.of(), null);

        boolean offer = document.contains(iri, KO.voorstel, org.apache.jena.graph.NodeFactory.createLiteralDT("true",
                org.apache.jena.datatypes.xsd.XSDDatatype.XSDboolean));
        Node agent = write.client().system();
        if (linked != null)
            requireOpen(tx, linked);
        List<UpdateRequest> effects = new ArrayList<>();
        ObjectNode details = JSON.createObjectNode();
        var changed = details.putArray("gewijzigdeAanvragen");
        List<AssignmentRule.RequestChange> changes = offer
                ? (linked == null ? List.of() : List.of(rule.move(tx, linked, codes.require("aanvraagstatus", "voorstel-gedaan", "status"),
                        null, agent, iri, write.now())))
                : rule.apply(tx, iri, child, CarePlan.of(document, iri, KO.toegewezenStartdatum), linked, agent, write.now());
        changes.forEach(c -> effects.add(c.update()));
        rule.describe(changes, changed);
        Graph status = Lifecycle.initial(iri, new Lifecycle.Change(
                codes.require("toewijzingsstatus", offer ? "voorgesteld" : "toegewezen", "status"), null, null, agent, null, write.now()));
        return new Prepared(stored, null, status, effects, details);
    }

    /** The linked request must be a request of the same child. */
    static void checkLinked(ReadTx tx, Node linked, Node child) {
        boolean isRequest = DocumentMeta.find(tx, linked).filter(m -> m.type().equals(RequestHandler.TYPE)).isPresent();
        if (!isRequest)
            throw new Rejected(ProblemType.ONBEKENDE_VERWIJZING, "aanvraag: de hub heeft geen aanvraag " + linked + ".",
                    "aanvraag: the hub has no request " + linked + ".");
        if (!tx.graph(linked).contains(linked, KO.kind, child))
            throw new Rejected(ProblemType.ONGELDIGE_INVOER, "aanvraag: " + linked + " is een aanvraag voor een ander kind.",
                    "aanvraag: " + linked + " is a request for another child.");
    }

    /** A place can only be assigned against a request that is still open. */
    void requireOpen(ReadTx tx, Node linked) {
        Node status = Lifecycle.current(tx, linked).orElseThrow().status();
        if (!codes.open(status))
            throw new Rejected(ProblemType.CONFLICT,
                    "De aanvraag " + linked + " is al afgesloten (" + codes.code(status) + "); er kan geen plaats meer op toegewezen worden.",
                    "The request " + linked + " is already closed (" + codes.code(status) + "); no place can be assigned against it.");
    }
}
