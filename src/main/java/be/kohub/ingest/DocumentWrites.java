package be.kohub.ingest;

import java.time.Instant;
import java.util.UUID;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.modify.request.QuadAcc;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.Target;
import org.apache.jena.sparql.modify.request.UpdateDataDelete;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

import be.kohub.vocab.KO;
import be.kohub.vocab.OSLO;

/**
 * Builds the one update request that stores a new version of a document: its graphs, its
 * bookkeeping in the system graph and its event in the event log. Deletions come first, then a
 * single INSERT DATA. For a document that existed, {@link #version} amounts to:
 * <pre>
 * DELETE WHERE { GRAPH kohub:systeem { &lt;iri&gt; kohub:versie ?v } } ;
 * DELETE WHERE { GRAPH kohub:systeem { &lt;iri&gt; dct:modified ?m } } ;
 * INSERT DATA {
 *   GRAPH kohub:systeem { &lt;iri&gt; kohub:versie n ; dct:modified now
 *                         [; a kohub:Document ; kohub:documenttype "locatie" ; dct:created now ;
 *                            kohub:bronsysteem &lt;system&gt; ; kohub:lokaleId "…"]   # when new
 *                         [; kohub:ingetrokken now] }                                # when withdrawn
 *   GRAPH kohub:gebeurtenissen { &lt;urn:uuid:…&gt; a kohub:Gebeurtenis ; dct:subject &lt;iri&gt; ; kohub:documenttype "…" ;
 *                         kohub:versie n ; kohub:bewerking "…" ; prov:atTime now ;
 *                         prov:wasAssociatedWith &lt;system&gt; }
 * }
 * </pre>
 * and {@link #replaceGraph} adds {@code DROP SILENT GRAPH <g>} plus the graph's triples.
 */
public final class DocumentWrites {
    private final UpdateRequest deletions = new UpdateRequest();
    private final QuadDataAcc data = new QuadDataAcc();
    private final long version;

    private DocumentWrites(long version) {
        this.version = version;
    }

    /** A new version of {@code iri}: version number, modification time and event (and, when new, its bookkeeping). */
    public static DocumentWrites version(Node iri, String type, DocumentMeta previous, Node agent, LocalId localId,
                                         Operation operation, Instant now) {
        DocumentWrites writes = new DocumentWrites(previous == null ? 1 : previous.version() + 1);
        Node time = NodeFactory.createLiteralDT(now.toString(), XSDDatatype.XSDdateTime);
        Node sys = KO.SYSTEM_GRAPH;
        if (previous != null) {
            writes.deleteWhere(sys, iri, KO.versie);
            writes.deleteWhere(sys, iri, DCTerms.modified.asNode());
        }
        writes.add(sys, iri, KO.versie, integer(writes.version));
        writes.add(sys, iri, DCTerms.modified.asNode(), time);
        if (previous == null) {
            writes.add(sys, iri, RDF.type.asNode(), KO.Document);
            writes.add(sys, iri, KO.documenttype, NodeFactory.createLiteralString(type));
            writes.add(sys, iri, DCTerms.created.asNode(), time);
            writes.add(sys, iri, KO.bronsysteem, localId == null ? agent : localId.source());
            if (localId != null)
                writes.add(sys, iri, KO.lokaleId, NodeFactory.createLiteralString(localId.notation()));
        }
        if (operation == Operation.INGETROKKEN)
            writes.add(sys, iri, KO.ingetrokken, time);
        Node event = NodeFactory.createURI("urn:uuid:" + UUID.randomUUID());
        Node log = KO.EVENTS_GRAPH;
        writes.add(log, event, RDF.type.asNode(), KO.Gebeurtenis);
        writes.add(log, event, DCTerms.subject.asNode(), iri);
        writes.add(log, event, KO.documenttype, NodeFactory.createLiteralString(type));
        writes.add(log, event, KO.versie, integer(writes.version));
        writes.add(log, event, KO.bewerking, NodeFactory.createLiteralString(operation.label));
        writes.add(log, event, OSLO.PROV_AT_TIME, time);
        writes.add(log, event, OSLO.PROV_WAS_ASSOCIATED_WITH, agent);
        return writes;
    }

    /** The graph's content becomes {@code content} (an empty graph removes it). */
    public DocumentWrites replaceGraph(Node graphName, Graph content) {
        deletions.add(new UpdateDrop(Target.create(graphName), true));
        return insert(graphName, content);
    }

    public DocumentWrites insert(Node graphName, Graph content) {
        content.find().forEachRemaining(t -> data.addQuad(new Quad(graphName, t)));
        return this;
    }

    public DocumentWrites add(Node graphName, Node s, Node p, Node o) {
        data.addQuad(new Quad(graphName, Triple.create(s, p, o)));
        return this;
    }

    /** Removes one quad ({@code DELETE DATA}). */
    public DocumentWrites delete(Node graphName, Node s, Node p, Node o) {
        QuadDataAcc quad = new QuadDataAcc();
        quad.addQuad(new Quad(graphName, Triple.create(s, p, o)));
        deletions.add(new UpdateDataDelete(quad));
        return this;
    }

    /** Removes every value of {@code property} on {@code subject} in the graph. */
    public DocumentWrites deleteWhere(Node graphName, Node subject, Node property) {
        QuadAcc pattern = new QuadAcc();
        pattern.addQuad(new Quad(graphName, subject, property, Var.alloc("old")));
        deletions.add(new UpdateDeleteWhere(pattern));
        return this;
    }

    public long newVersion() {
        return version;
    }

    public UpdateRequest build() {
        UpdateRequest request = new UpdateRequest();
        deletions.getOperations().forEach(request::add);
        request.add(new UpdateDataInsert(data));
        return request;
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    /** What a write did to the document, as recorded in the event log. */
    public enum Operation {
        AANGEMAAKT("aangemaakt"), GEWIJZIGD("gewijzigd"), INGETROKKEN("ingetrokken"), STATUS("status"), TOESTEMMING("toestemming"),
        /** The child's personal data erased and its documents pseudonymised (docs/erasure.md): a tombstone. */
        GEWIST("gewist"),
        /** The retention period after closing passed: the personal-data graph is gone (docs/erasure.md): a tombstone. */
        PERSOONSGEGEVENS_VERWIJDERD("persoonsgegevens-verwijderd");

        final String label;

        Operation(String label) {
            this.label = label;
        }
    }
}
