package be.kohub.assignments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import be.kohub.access.Client;
import be.kohub.ingest.CommandFields;
import be.kohub.ingest.DocumentMeta;
import be.kohub.lifecycle.Lifecycle;
import be.kohub.locations.LocationState;
import be.kohub.model.CodeLists;
import be.kohub.store.ReadTx;
import be.kohub.store.WriteQueue;
import be.kohub.vocab.KO;
import be.kohub.vocab.OSLO;

/**
 * What happens to an assignment after it was posted: the family accepts an offered place
 * ({@code aanvaarding}, which then takes effect as an assignment), refuses it ({@code weigering},
 * the linked request goes back to in behandeling), or the care ends ({@code beeindiging}, an
 * OSLO Beëindiging with date and reason). Each is one transaction, answered after it commits.
 */
public final class AssignmentActions {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final WriteQueue writes;
    private final CodeLists codes;
    private final AssignmentRule rule;

    /** The assignment's new version and what the action changed. */
    public record Outcome(long version, ObjectNode details) {}

    public AssignmentActions(WriteQueue writes, CodeLists codes, AssignmentRule rule) {
        this.writes = writes;
        this.codes = codes;
        this.rule = rule;
    }

    public Outcome accept(Client client, Node iri, JsonNode body) {
        CommandFields fields = new CommandFields(body, codes);
        String comment = fields.text("toelichting", false);
        fields.check();
        return writes.write(tx -> {
            Graph document = assignment(tx, client, iri);
            requireStatus(tx, iri, "voorgesteld");
            Node linked = linked(document, iri);
            Node child = document.find(iri, KO.kind, Node.ANY).next().getObject();
            Instant now = writes.now();
            List<UpdateRequest> updates = new ArrayList<>();
            updates.add(Lifecycle.change(tx, iri, new Lifecycle.Change(codes.require("toewijzingsstatus", "toegewezen", "status"),
                    null, comment, client.system(), null, now), null));
            if (linked != null && !codes.open(Lifecycle.current(tx, linked).orElseThrow().status()))
                throw new Rejected(ProblemType.CONFLICT, "De aanvraag " + linked + " is intussen afgesloten.",
                        "The request " + linked + " has been closed in the meantime.");
            var changes = rule.apply(tx, iri, child, CarePlan.of(document, iri, KO.toegewezenStartdatum), linked, client.system(), now);
            changes.forEach(c -> updates.add(c.update()));
            ObjectNode details = JSON.createObjectNode();
            rule.describe(changes, details.putArray("gewijzigdeAanvragen"));
            return apply(tx, iri, updates, details);
        });
    }

    public Outcome refuse(Client client, Node iri, JsonNode body) {
        CommandFields fields = new CommandFields(body, codes);
        Node reason = fields.code("reden", "weigeringsreden", true);
        String comment = fields.text("toelichting", false);
        fields.check();
        return writes.write(tx -> {
            Graph document = assignment(tx, client, iri);
            requireStatus(tx, iri, "voorgesteld");
            Instant now = writes.now();
            List<UpdateRequest> updates = new ArrayList<>();
            updates.add(Lifecycle.change(tx, iri, new Lifecycle.Change(codes.require("toewijzingsstatus", "geweigerd", "status"),
                    reason, comment, client.system(), null, now), null));
            ObjectNode details = JSON.createObjectNode();
            Node linked = linked(document, iri);
            Node offered = codes.require("aanvraagstatus", "voorstel-gedaan", "status");
            List<AssignmentRule.RequestChange> changes = new ArrayList<>();
            if (linked != null && Lifecycle.current(tx, linked).orElseThrow().status().equals(offered))
                changes.add(rule.move(tx, linked, codes.require("aanvraagstatus", "in-behandeling", "status"),
                        codes.require("statusreden", "aanbod-geweigerd", "reden"), client.system(), iri, now));
            changes.forEach(c -> updates.add(c.update()));
            rule.describe(changes, details.putArray("gewijzigdeAanvragen"));
            return apply(tx, iri, updates, details);
        });
    }

    public Outcome end(Client client, Node iri, JsonNode body) {
        CommandFields fields = new CommandFields(body, codes);
        LocalDate date = fields.date("datum", true);
        Node reason = fields.code("reden", "beeindigingsreden", true);
        String comment = fields.text("toelichting", false);
        fields.check();
        return writes.write(tx -> {
            Graph document = assignment(tx, client, iri);
            requireStatus(tx, iri, "toegewezen");
            LocalDate start = LocalDate.parse(document.find(iri, KO.toegewezenStartdatum, Node.ANY).next().getObject().getLiteralLexicalForm());
            if (date.isBefore(start))
                throw new Rejected(ProblemType.ONGELDIGE_INVOER, "De einddatum " + date + " ligt voor de startdatum " + start + ".",
                        "The end date " + date + " is before the start date " + start + ".");
            Node end = NodeFactory.createURI(iri.getURI() + "/beeindiging");
            Graph extra = GraphFactory.createDefaultGraph();
            extra.add(Triple.create(iri, OSLO.BEEINDIGING, end));
            extra.add(Triple.create(end, RDF.type.asNode(), OSLO.PROV_END));
            extra.add(Triple.create(end, OSLO.PROV_AT_TIME, NodeFactory.createLiteralDT(date.toString(), XSDDatatype.XSDdate)));
            extra.add(Triple.create(end, DCTerms.type.asNode(), reason));
            UpdateRequest update = Lifecycle.change(tx, iri, new Lifecycle.Change(codes.require("toewijzingsstatus", "beeindigd", "status"),
                    null, comment, client.system(), null, writes.now()), extra);
            return apply(tx, iri, List.of(update), JSON.createObjectNode());
        });
    }

    private static Outcome apply(be.kohub.store.WriteTx tx, Node iri, List<UpdateRequest> updates, ObjectNode details) {
        updates.forEach(tx::update);
        return new Outcome(DocumentMeta.find(tx, iri).orElseThrow().version(), details);
    }

    private static Graph assignment(ReadTx tx, Client client, Node iri) {
        Rejected notFound = new Rejected(ProblemType.NIET_GEVONDEN, "Geen toewijzing " + iri.getURI() + " die jij mag zien.",
                "No assignment " + iri.getURI() + " that you may see.");
        DocumentMeta meta = DocumentMeta.find(tx, iri).filter(m -> m.type().equals(AssignmentHandler.TYPE)).orElseThrow(() -> notFound);
        Graph document = tx.graph(iri);
        Node location = document.find(iri, KO.vestiging, Node.ANY).next().getObject();
        LocationState state = LocationState.find(tx, location).orElse(new LocationState(location, null, null, null));
        if (!AssignmentAccess.allowed(tx, client, iri, meta, document, state))
            throw notFound;
        AssignmentHandler.authorizeLocation(client, state);
        return document;
    }

    private void requireStatus(ReadTx tx, Node iri, String expected) {
        Node status = Lifecycle.current(tx, iri).orElseThrow().status();
        if (!codes.code(status).equals(expected))
            throw new Rejected(ProblemType.CONFLICT,
                    "Deze toewijzing is " + codes.code(status) + "; dit kan alleen bij een toewijzing die " + expected + " is.",
                    "This assignment is " + codes.code(status) + "; this is only possible for an assignment that is " + expected + ".");
    }

    private static Node linked(Graph document, Node iri) {
        return document.find(iri, KO.aanvraag, Node.ANY).nextOptional().map(Triple::getObject).orElse(null);
    }
}
