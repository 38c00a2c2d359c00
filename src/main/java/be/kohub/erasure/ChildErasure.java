package be.kohub.erasure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataDelete;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

import be.kohub.access.Client;
import be.kohub.codes.ChildCodes;
import be.kohub.codes.KindCode;
import be.kohub.ingest.DocumentGraphs;
import be.kohub.ingest.DocumentMeta;
import be.kohub.ingest.DocumentWrites;
import be.kohub.ingest.DocumentWrites.Operation;
import be.kohub.store.Queries;
import be.kohub.store.WriteQueue;
import be.kohub.store.WriteTx;
import be.kohub.vocab.KO;
import be.kohub.vocab.OSLO;

/**
 * Erases a child (GDPR art. 17) in one write transaction: the child's code, identifiers, parent
 * link and exact birth date go, its requests and assignments lose their personal data and local
 * identifiers and point to a random pseudonym instead of the child, so that the published figures
 * stay what they were. Every document touched gets a new version with a {@code gewist} event: the
 * tombstones of the change feeds. What stays and why is in docs/erasure.md.
 */
public final class ChildErasure {
    private static final Var DOC = Var.alloc("doc"), TYPE = Var.alloc("type"), EVENT = Var.alloc("event");
    private static final Var P = Var.alloc("p"), O = Var.alloc("o");

    private final ChildCodes children;
    private final WriteQueue writes;
    private final String pseudonymPrefix;

    /** What an erasure changed: the pseudonym that replaced the child, and the requests and assignments pseudonymised. */
    public record Erased(Node pseudonym, List<Node> requests, List<Node> assignments) {}

    public ChildErasure(ChildCodes children, WriteQueue writes, String base) {
        this.children = children;
        this.writes = writes;
        this.pseudonymPrefix = base + "/id/pseudoniem/";
    }

    /** Erases the child with this code; 404 if the hub does not know it (never issued, or erased before). */
    public Erased erase(Client client, KindCode code) {
        Erased erased = writes.write(tx -> {
            Node child = children.found(tx, code);
            DocumentMeta childMeta = DocumentMeta.find(tx, child).orElseThrow();
            Node pseudonym = NodeFactory.createURI(pseudonymPrefix + UUID.randomUUID());
            Instant now = writes.now();
            List<Node> requests = new ArrayList<>(), assignments = new ArrayList<>();
            List<Pseudonymised> documents = new ArrayList<>();
            for (Binding row : tx.select(Queries.bind("erasure/documents-of-child.rq", Map.of("kind", child)))) {
                Node doc = row.get(DOC);
                String type = row.get(TYPE).getLiteralLexicalForm();
                (type.equals("aanvraag") ? requests : assignments).add(doc);
                documents.add(Pseudonymised.of(tx, doc, child, pseudonym, code));
            }
            tx.update(childWrite(tx, child, childMeta, pseudonym, documents, client.system(), now).build());
            tx.update(auditNamesPseudonym(tx, child, pseudonym));
            for (Pseudonymised d : documents) {
                DocumentMeta meta = DocumentMeta.find(tx, d.iri()).orElseThrow();
                DocumentWrites write = DocumentWrites.version(d.iri(), meta.type(), meta, client.system(), null, Operation.GEWIST, now)
                        .replaceGraph(d.iri(), d.document())
                        .replaceGraph(DocumentGraphs.personal(d.iri()), GraphFactory.createDefaultGraph())
                        .deleteWhere(KO.SYSTEM_GRAPH, d.iri(), KO.lokaleId);
                if (d.status() != null)
                    write.replaceGraph(DocumentGraphs.status(d.iri()), d.status());
                tx.update(write.build());
            }
            return new Erased(pseudonym, List.copyOf(requests), List.copyOf(assignments));
        });
        return erased;
    }

    /**
     * Audit records that name the child name its pseudonym instead: the log keeps who did what and
     * when, but not the link between code and file that erasure removes. The records' other fields
     * stay as they were (the log is otherwise append-only; docs/security.md).
     */
    private static UpdateRequest auditNamesPseudonym(WriteTx tx, Node child, Node pseudonym) {
        QuadDataAcc removed = new QuadDataAcc();
        QuadDataAcc added = new QuadDataAcc();
        for (Binding row : tx.select(Queries.bind("erasure/audit-entries-naming.rq", Map.of("doc", child)))) {
            Node entry = row.get(Var.alloc("entry"));
            removed.addQuad(new Quad(KO.AUDIT_GRAPH, entry, DCTerms.subject.asNode(), child));
            added.addQuad(new Quad(KO.AUDIT_GRAPH, entry, DCTerms.subject.asNode(), pseudonym));
        }
        UpdateRequest request = new UpdateRequest();
        request.add(new UpdateDataDelete(removed));
        request.add(new UpdateDataInsert(added));
        return request;
    }

    /**
     * The child becomes its pseudonym: the child's graph and personal-data graph go; the pseudonym's
     * graph holds only the birth date the figures need, generalised ({@link GeneralisedBirth}); the
     * child's bookkeeping and events move to the pseudonym, which gets a new version with its
     * {@code gewist} event.
     */
    private static DocumentWrites childWrite(WriteTx tx, Node child, DocumentMeta meta, Node pseudonym, List<Pseudonymised> documents,
                                             Node agent, Instant now) {
        Graph current = tx.graph(child);
        DocumentMeta asPseudonym = new DocumentMeta(pseudonym, meta.type(), meta.version(), meta.source(), null, false);
        DocumentWrites write = DocumentWrites.version(pseudonym, meta.type(), asPseudonym, agent, null, Operation.GEWIST, now)
                .replaceGraph(child, GraphFactory.createDefaultGraph())
                .replaceGraph(DocumentGraphs.personal(child), GraphFactory.createDefaultGraph())
                .replaceGraph(pseudonym, pseudonymGraph(current, child, pseudonym, documents));
        for (Binding row : tx.select(Queries.bind("erasure/bookkeeping.rq", Map.of("doc", child)))) {
            Node p = row.get(P), o = row.get(O);
            write.delete(KO.SYSTEM_GRAPH, child, p, o);
            if (!p.equals(KO.versie) && !p.equals(DCTerms.modified.asNode()))
                write.add(KO.SYSTEM_GRAPH, pseudonym, p, o);
        }
        for (Binding row : tx.select(Queries.bind("erasure/events-of.rq", Map.of("doc", child)))) {
            write.delete(KO.EVENTS_GRAPH, row.get(EVENT), DCTerms.subject.asNode(), child);
            write.add(KO.EVENTS_GRAPH, row.get(EVENT), DCTerms.subject.asNode(), pseudonym);
        }
        return write;
    }

    /**
     * What the reports read of a child: the birth date, or else the expected one (report/FactsReader),
     * generalised to the earliest day of its month that gives every request the same age class.
     * Nothing when the child has no requests: then no figure needs it.
     */
    private static Graph pseudonymGraph(Graph current, Node child, Node pseudonym, List<Pseudonymised> documents) {
        Graph graph = GraphFactory.createDefaultGraph();
        graph.add(Triple.create(pseudonym, RDF.type.asNode(), OSLO.PERSON));
        List<LocalDate> starts = documents.stream().map(Pseudonymised::requestedStart).flatMap(Optional::stream).toList();
        Optional<Triple> birth = current.find(child, OSLO.BIRTH_DATE, Node.ANY).nextOptional()
                .or(() -> current.find(child, OSLO.VERWACHTE_GEBOORTEDATUM, Node.ANY).nextOptional());
        if (birth.isPresent() && !starts.isEmpty()) {
            LocalDate date = LocalDate.parse(birth.get().getObject().getLiteralLexicalForm());
            graph.add(Triple.create(pseudonym, birth.get().getPredicate(), GeneralisedBirth.date(date, starts)));
        }
        return graph;
    }
}
