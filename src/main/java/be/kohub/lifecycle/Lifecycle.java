package be.kohub.lifecycle;

import java.time.Instant;
import java.util.Optional;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.vocabulary.RDF;

import be.kohub.ingest.DocumentGraphs;
import be.kohub.ingest.DocumentMeta;
import be.kohub.ingest.DocumentWrites;
import be.kohub.ingest.DocumentWrites.Operation;
import be.kohub.store.ReadTx;
import be.kohub.vocab.KO;
import be.kohub.vocab.OSLO;

/**
 * The status of a request or an assignment and its full history, kept by the hub in the
 * resource's status graph ({@code {iri}/status}), apart from the document its source system
 * sends (which a re-send replaces). The current status is {@code adms:status} (with
 * {@code kohub:statusreden}); each change is a numbered {@code kohub:Statuswijziging}
 * {@code {iri}/status/{n}} with time, actor, reason, comment and the assignment that caused it.
 * Every change is also a new version of the resource, with its event.
 */
public final class Lifecycle {

    /** One status change: who made it, when, why, and which assignment (if any) brought it about. */
    public record Change(Node status, Node reason, String comment, Node agent, Node causedBy, Instant now) {}

    /** The current status of a resource, its reason, and how many changes its history holds. */
    public record Current(Node status, Node reason, int changes) {}

    private Lifecycle() {}

    public static Optional<Current> current(ReadTx tx, Node iri) {
        Graph graph = tx.graph(DocumentGraphs.status(iri));
        Optional<Node> status = graph.find(iri, OSLO.ADMS_STATUS, Node.ANY).nextOptional().map(Triple::getObject);
        Node reason = graph.find(iri, KO.statusreden, Node.ANY).nextOptional().map(Triple::getObject).orElse(null);
        int changes = graph.find(iri, KO.statuswijziging, Node.ANY).toList().size();
        return status.map(s -> new Current(s, reason, changes));
    }

    /** The status graph of a new resource: its first status, which is also the first entry of its history. */
    public static Graph initial(Node iri, Change change) {
        Graph graph = GraphFactory.createDefaultGraph();
        graph.add(Triple.create(iri, OSLO.ADMS_STATUS, change.status()));
        if (change.reason() != null)
            graph.add(Triple.create(iri, KO.statusreden, change.reason()));
        entry(iri, 1, change).find().forEachRemaining(graph::add);
        return graph;
    }

    /** The update that moves a resource to a new status, appends to its history and makes it a new version. */
    public static UpdateRequest change(ReadTx tx, Node iri, Change change, Graph extra) {
        DocumentMeta meta = DocumentMeta.find(tx, iri).orElseThrow(() -> new IllegalStateException("no document " + iri));
        int number = current(tx, iri).map(Current::changes).orElse(0) + 1;
        Node graph = DocumentGraphs.status(iri);
        DocumentWrites write = DocumentWrites.version(iri, meta.type(), meta, change.agent(), null, Operation.STATUS, change.now())
                .deleteWhere(graph, iri, OSLO.ADMS_STATUS)
                .deleteWhere(graph, iri, KO.statusreden)
                .add(graph, iri, OSLO.ADMS_STATUS, change.status())
                .insert(graph, entry(iri, number, change));
        if (change.reason() != null)
            write.add(graph, iri, KO.statusreden, change.reason());
        if (extra != null)
            write.insert(graph, extra);
        return write.build();
    }

    private static Graph entry(Node iri, int number, Change change) {
        Graph graph = GraphFactory.createDefaultGraph();
        Node entry = NodeFactory.createURI(DocumentGraphs.status(iri).getURI() + "/" + number);
        graph.add(Triple.create(iri, KO.statuswijziging, entry));
        graph.add(Triple.create(entry, RDF.type.asNode(), KO.Statuswijziging));
        graph.add(Triple.create(entry, KO.volgnummer, NodeFactory.createLiteralDT(Integer.toString(number), XSDDatatype.XSDinteger)));
        graph.add(Triple.create(entry, OSLO.ADMS_STATUS, change.status()));
        if (change.reason() != null)
            graph.add(Triple.create(entry, KO.statusreden, change.reason()));
        if (change.comment() != null && !change.comment().isBlank())
            graph.add(Triple.create(entry, KO.toelichting, NodeFactory.createLiteralString(change.comment())));
        graph.add(Triple.create(entry, OSLO.PROV_AT_TIME, NodeFactory.createLiteralDT(change.now().toString(), XSDDatatype.XSDdateTime)));
        graph.add(Triple.create(entry, OSLO.PROV_WAS_ASSOCIATED_WITH, change.agent()));
        if (change.causedBy() != null)
            graph.add(Triple.create(entry, KO.veroorzaaktDoor, change.causedBy()));
        return graph;
    }
}
