package be.kohub.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;

import be.kohub.codes.ChildCodes;
import be.kohub.generate.FamilyPlan.NewChild;
import be.kohub.generate.FamilyPlan.NewDocument;
import be.kohub.generate.FamilyPlan.StatusChange;
import be.kohub.generate.FamilyPlan.Step;
import be.kohub.generate.Locations.Location;
import be.kohub.ingest.DocumentType;
import be.kohub.ingest.IngestPipeline;
import be.kohub.lifecycle.Lifecycle;
import be.kohub.model.CodeLists;
import be.kohub.store.DatasetTx;
import be.kohub.vocab.KO;

/**
 * Stores generated documents exactly as the hub does: through the ingestion pipeline's write
 * ({@link IngestPipeline#create}, with the document types' own rules: the request's child and
 * location checks and personal-data split, the assignment's cancellation rule), through
 * {@link ChildCodes#created} and {@link Lifecycle#change}. Each location and each family is
 * written in a scratch in-memory dataset of its own, which also links the graphs the rules read
 * (the family's preferred locations, the open-status flags of the code lists); what the family
 * added is then given back as sorted N-Quads lines. Event ids, the one thing the hub draws at
 * random when writing, are replaced by seeded ones so that the output is reproducible.
 */
final class HubWriter {
    /** A stored location as families' rules see it: its document graph and its bookkeeping quads. */
    record StoredLocation(Node iri, Graph document, List<Quad> bookkeeping) {}

    /** What one location or family added to the store: N-Quads lines, and the final status of each request and assignment. */
    record Written(List<String> lines, List<String> requestStatuses, List<String> assignmentStatuses) {}

    private final IngestPipeline pipeline;
    private final Map<String, DocumentType> types = new HashMap<>();
    private final CodeLists codes;
    private final Graph openFlags = GraphFactory.createDefaultGraph();
    private final FastJsonLd jsonld = FastJsonLd.kohubV1();
    private final long seed;
    private final Map<String, StoredLocation> locations = new HashMap<>();

    HubWriter(IngestPipeline pipeline, List<DocumentType> documentTypes, Graph model, CodeLists codes, long seed) {
        this.pipeline = pipeline;
        documentTypes.forEach(t -> types.put(t.name(), t));
        this.codes = codes;
        this.seed = seed;
        model.find(Node.ANY, KO.open, Node.ANY).forEachRemaining(openFlags::add);
    }

    /** Stores a location sheet as its organiser would post it; keeps what families' rules need of it. */
    Written location(Location location) {
        DatasetGraph dsg = DatasetGraphFactory.createGeneral();
        Node iri = NodeFactory.createURI(location.iri());
        Graph sheet = jsonld.read(location.sheet(), blankPrefix(location.iri()));
        pipeline.create(new DatasetTx(dsg), FamilyPlanner.organiser(location), types.get("locatie"), sheet, iri, location.created());
        List<Quad> bookkeeping = new ArrayList<>();
        dsg.getGraph(KO.SYSTEM_GRAPH).find(iri, Node.ANY, Node.ANY).forEachRemaining(t -> bookkeeping.add(new Quad(KO.SYSTEM_GRAPH, t)));
        locations.put(location.iri(), new StoredLocation(iri, dsg.getGraph(iri), bookkeeping));
        return new Written(lines(dsg, Set.of(), Seeds.stream(seed, Seeds.EVENTS_OF_LOCATIONS, location.index())), List.of(), List.of());
    }

    /** Stores a family's history step by step, each step as the hub would on that request. */
    Written family(FamilyPlan plan) {
        DatasetGraph dsg = DatasetGraphFactory.createGeneral();
        Set<Node> linked = new HashSet<>();
        dsg.addGraph(KO.MODEL_GRAPH, openFlags);
        linked.add(KO.MODEL_GRAPH);
        for (Location location : plan.locations()) {
            StoredLocation stored = locations.get(location.iri());
            if (linked.add(stored.iri())) {
                dsg.addGraph(stored.iri(), stored.document());
                stored.bookkeeping().forEach(dsg::add);
            }
        }
        DatasetTx tx = new DatasetTx(dsg);
        List<Node> requests = new ArrayList<>();
        List<Node> assignments = new ArrayList<>();
        for (Step step : plan.steps()) {
            if (step instanceof NewChild c) {
                tx.update(ChildCodes.created(NodeFactory.createURI(plan.childIri()), c.child(), c.client().system(), c.at()).build());
            } else if (step instanceof NewDocument d) {
                Node iri = NodeFactory.createURI(d.iri());
                pipeline.create(tx, d.client(), types.get(d.type()), jsonld.read(d.body(), blankPrefix(d.iri())), iri, d.at());
                (d.type().equals("toewijzing") ? assignments : requests).add(iri);
            } else if (step instanceof StatusChange s) {
                Node status = codes.require("aanvraagstatus", s.status(), "status");
                Node reason = s.reason() == null ? null : codes.require("statusreden", s.reason(), "reden");
                tx.update(Lifecycle.change(tx, NodeFactory.createURI(s.request()),
                        new Lifecycle.Change(status, reason, null, s.client().system(), null, s.at()), null));
            }
        }
        List<String> requestStatuses = requests.stream().map(iri -> codes.code(Lifecycle.current(tx, iri).orElseThrow().status())).toList();
        List<String> assignmentStatuses = assignments.stream().map(iri -> codes.code(Lifecycle.current(tx, iri).orElseThrow().status())).toList();
        return new Written(lines(dsg, linked, Seeds.stream(seed, Seeds.EVENTS_OF_FAMILIES, plan.index())), requestStatuses, assignmentStatuses);
    }

    /** Blank-node labels of a document: after its IRI's last segment (a UUID), so unique in the whole output. */
    private static String blankPrefix(String iri) {
        return iri.substring(iri.lastIndexOf('/') + 1);
    }

    /** The quads the scratch dataset gained, as sorted N-Quads lines; linked graphs and their bookkeeping left out. */
    private static List<String> lines(DatasetGraph dsg, Set<Node> linked, RandomGenerator ids) {
        Map<Node, Node> events = eventIds(dsg.getGraph(KO.EVENTS_GRAPH), ids);
        List<String> lines = new ArrayList<>();
        dsg.listGraphNodes().forEachRemaining(g -> {
            if (linked.contains(g))
                return;
            dsg.getGraph(g).find().forEachRemaining(t -> {
                if (g.equals(KO.SYSTEM_GRAPH) && linked.contains(t.getSubject()))
                    return;
                Node s = events.getOrDefault(t.getSubject(), t.getSubject());
                lines.add(NQuadsLines.line(g, s, t.getPredicate(), t.getObject()));
            });
        });
        lines.sort(Comparator.naturalOrder());
        return lines;
    }

    /** Seeded ids for the events (urn:uuid:…), handed out in the order of the documents and versions they record. */
    private static Map<Node, Node> eventIds(Graph log, RandomGenerator ids) {
        record Event(Node node, String subject, long version) {}
        List<Event> events = new ArrayList<>();
        log.find(Node.ANY, DCTerms.subject.asNode(), Node.ANY).forEachRemaining(t -> events.add(new Event(t.getSubject(),
                t.getObject().getURI(), Long.parseLong(log.find(t.getSubject(), KO.versie, Node.ANY).next().getObject().getLiteralLexicalForm()))));
        events.sort(Comparator.comparing(Event::subject).thenComparingLong(Event::version));
        Map<Node, Node> renamed = new HashMap<>();
        for (Event e : events)
            renamed.put(e.node(), NodeFactory.createURI("urn:uuid:" + Seeds.uuid(ids)));
        return renamed;
    }
}
