package be.kohub.audit;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.javalin.http.Context;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

import be.kohub.access.Authenticator;
import be.kohub.access.Client;
import be.kohub.store.WriteQueue;
import be.kohub.vocab.KO;
import be.kohub.vocab.OSLO;

/**
 * The audit log of personal data (DESIGN.md §6): every read or write of personal data becomes a
 * {@code kohub:Auditregel} in the graph {@link KO#AUDIT_GRAPH} (who, role, what, when, purpose,
 * route, and the documents), written and committed before the caller gets its answer. Entries are
 * only ever inserted: no route changes or deletes them, and no SPARQL endpoint shows the graph.
 */
public final class AuditLog {
    /** What was done with personal data, as recorded in {@code kohub:handeling}. */
    public enum Handeling {
        GELEZEN("persoonsgegevens-gelezen"), GESCHREVEN("persoonsgegevens-geschreven"),
        GEWIST("persoonsgegevens-gewist"), AUDIT_GELEZEN("auditlog-gelezen");

        public final String label;

        Handeling(String label) {
            this.label = label;
        }
    }

    private final WriteQueue writes;

    public AuditLog(WriteQueue writes) {
        this.writes = writes;
    }

    /** Records that the caller of {@code ctx} did {@code what} to the personal data of these documents (none: nothing to record). */
    public void record(Context ctx, Handeling what, Collection<Node> documents) {
        if (documents.isEmpty())
            return;
        Client client = Authenticator.client(ctx);
        String route = ctx.method() + " " + ctx.endpoint().path;
        record(client, what, Purpose.of(ctx, client.role()), route, documents);
    }

    public void record(Client client, Handeling what, String purpose, String route, Collection<Node> documents) {
        record(client.system(), client.role().name().toLowerCase(), what, purpose, route, documents);
    }

    /** A record for work the hub does on its own or on a client's behalf, e.g. the retention job ({@code agent}: the system). */
    public void record(Node agent, String role, Handeling what, String purpose, String route, Collection<Node> documents) {
        if (documents.isEmpty())
            return;
        writes.write(tx -> {
            tx.update(entry(agent, role, what, purpose, route, documents, writes.now()));
            return null;
        });
    }

    private static UpdateRequest entry(Node agent, String role, Handeling what, String purpose, String route, Collection<Node> documents,
                                       java.time.Instant now) {
        Node entry = NodeFactory.createURI("urn:uuid:" + UUID.randomUUID());
        QuadDataAcc data = new QuadDataAcc();
        List.of(
                new Node[] {RDF.type.asNode(), KO.Auditregel},
                new Node[] {OSLO.PROV_AT_TIME, NodeFactory.createLiteralDT(now.toString(), XSDDatatype.XSDdateTime)},
                new Node[] {OSLO.PROV_WAS_ASSOCIATED_WITH, agent},
                new Node[] {KO.rol, NodeFactory.createLiteralString(role)},
                new Node[] {KO.handeling, NodeFactory.createLiteralString(what.label)},
                new Node[] {KO.doel, NodeFactory.createLiteralString(purpose)},
                new Node[] {KO.route, NodeFactory.createLiteralString(route)})
                .forEach(po -> data.addQuad(new Quad(KO.AUDIT_GRAPH, entry, po[0], po[1])));
        documents.forEach(doc -> data.addQuad(new Quad(KO.AUDIT_GRAPH, entry, DCTerms.subject.asNode(), doc)));
        return new UpdateRequest(new UpdateDataInsert(data));
    }
}
