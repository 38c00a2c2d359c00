package be.kohub.ingest;

import java.time.Instant;
import java.util.UUID;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.modify.request.QuadAcc;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.Target;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

import be.kohub.vocab.KO;
import be.kohub.vocab.OSLO;

/** Builds the one update request that stores a document version with its bookkeeping and event. */
final class DocumentWrites {

    private DocumentWrites() {}

    /**
     * Replaces the document graph and records the new version. Amounts to:
     * <pre>
     * DROP SILENT GRAPH &lt;iri&gt; ;
     * DELETE WHERE { GRAPH kohub:systeem { &lt;iri&gt; kohub:versie ?v } } ;      # when it existed
     * DELETE WHERE { GRAPH kohub:systeem { &lt;iri&gt; dct:modified ?m } } ;
     * INSERT DATA {
     *   GRAPH &lt;iri&gt; { …the document… }
     *   GRAPH kohub:systeem { &lt;iri&gt; kohub:versie n ; dct:modified now
     *                         [; a kohub:Document ; kohub:documenttype "locatie" ; dct:created now ;
     *                            kohub:bronsysteem &lt;system&gt; ; kohub:lokaleId "…"]   # when new
     *                         [; kohub:ingetrokken now] }                                # when withdrawn
     *   GRAPH kohub:gebeurtenissen { &lt;urn:uuid:…&gt; a kohub:Gebeurtenis ; dct:subject &lt;iri&gt; ;
     *                         kohub:versie n ; kohub:bewerking "…" ; prov:atTime now ;
     *                         prov:wasAssociatedWith &lt;system&gt; }
     * }
     * </pre>
     */
    static UpdateRequest store(Node iri, Graph document, String type, DocumentMeta previous, Node agent,
                               LocalId localId, Operation operation, Instant now) {
        long version = previous == null ? 1 : previous.version() + 1;
        Node time = NodeFactory.createLiteralDT(now.toString(), XSDDatatype.XSDdateTime);
        UpdateRequest request = new UpdateRequest();
        request.add(new UpdateDrop(Target.create(iri), true));
        if (previous != null) {
            request.add(deleteWhere(iri, KO.versie));
            request.add(deleteWhere(iri, DCTerms.modified.asNode()));
        }
        QuadDataAcc data = new QuadDataAcc();
        document.find().forEachRemaining(t -> data.addQuad(new Quad(iri, t)));
        Node sys = KO.SYSTEM_GRAPH;
        data.addQuad(new Quad(sys, iri, KO.versie, NodeFactory.createLiteralDT(Long.toString(version), XSDDatatype.XSDinteger)));
        data.addQuad(new Quad(sys, iri, DCTerms.modified.asNode(), time));
        if (previous == null) {
            data.addQuad(new Quad(sys, iri, RDF.type.asNode(), KO.Document));
            data.addQuad(new Quad(sys, iri, KO.documenttype, NodeFactory.createLiteralString(type)));
            data.addQuad(new Quad(sys, iri, DCTerms.created.asNode(), time));
            data.addQuad(new Quad(sys, iri, KO.bronsysteem, localId.source()));
            data.addQuad(new Quad(sys, iri, KO.lokaleId, NodeFactory.createLiteralString(localId.notation())));
        }
        if (operation == Operation.INGETROKKEN)
            data.addQuad(new Quad(sys, iri, KO.ingetrokken, time));
        Node event = NodeFactory.createURI("urn:uuid:" + UUID.randomUUID());
        Node log = KO.EVENTS_GRAPH;
        data.addQuad(new Quad(log, event, RDF.type.asNode(), KO.Gebeurtenis));
        data.addQuad(new Quad(log, event, DCTerms.subject.asNode(), iri));
        data.addQuad(new Quad(log, event, KO.versie, NodeFactory.createLiteralDT(Long.toString(version), XSDDatatype.XSDinteger)));
        data.addQuad(new Quad(log, event, KO.bewerking, NodeFactory.createLiteralString(operation.label)));
        data.addQuad(new Quad(log, event, OSLO.PROV_AT_TIME, time));
        data.addQuad(new Quad(log, event, OSLO.PROV_WAS_ASSOCIATED_WITH, agent));
        request.add(new UpdateDataInsert(data));
        return request;
    }

    private static UpdateDeleteWhere deleteWhere(Node iri, Node property) {
        QuadAcc pattern = new QuadAcc();
        pattern.addQuad(new Quad(KO.SYSTEM_GRAPH, iri, property, Var.alloc("old")));
        return new UpdateDeleteWhere(pattern);
    }

    /** What a write did to the document, as recorded in the event log. */
    enum Operation {
        AANGEMAAKT("aangemaakt"), GEWIJZIGD("gewijzigd"), INGETROKKEN("ingetrokken");

        final String label;

        Operation(String label) {
            this.label = label;
        }
    }
}
