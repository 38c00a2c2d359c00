package be.kohub.requests;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

import be.kohub.access.Client;
import be.kohub.ingest.CommandFields;
import be.kohub.ingest.DocumentMeta;
import be.kohub.ingest.DocumentWrites;
import be.kohub.model.CodeLists;
import be.kohub.store.WriteQueue;
import be.kohub.vocab.KO;

/**
 * {@code POST /aanvragen/{id}/toestemming} {@code {"toestemmingDelen": false}}: the parent gives or
 * withdraws consent to share the request with other counters and the chosen organisers, through
 * the system or counter that registered it. The flag in the request's graph changes in one write
 * (a new version with a {@code toestemming} event); every view reads it per request, so the
 * change holds from the next read on, in REST, the cross-counter view and scoped SPARQL alike.
 */
public final class ConsentCommand {
    private final WriteQueue writes;
    private final CodeLists codes;

    /** The request's version after the command, and whether it changed. */
    public record Outcome(long version, boolean changed, boolean consent) {}

    public ConsentCommand(WriteQueue writes, CodeLists codes) {
        this.writes = writes;
        this.codes = codes;
    }

    public Outcome change(Client client, Node iri, JsonNode body) {
        CommandFields fields = new CommandFields(body, codes);
        Boolean consent = fields.bool("toestemmingDelen", true);
        fields.check();
        return writes.write(tx -> {
            DocumentMeta meta = RequestAccess.requireRegistrar(tx, client, iri,
                    "Alleen wie de aanvraag registreerde, legt de toestemming van de ouder vast.",
                    "Only who registered the request records the parent's consent.");
            Graph document = tx.graph(iri);
            if (RequestAccess.consented(document, iri) == consent)
                return new Outcome(meta.version(), false, consent);
            DocumentWrites write = DocumentWrites.version(iri, meta.type(), meta, client.system(), null,
                            DocumentWrites.Operation.TOESTEMMING, writes.now())
                    .deleteWhere(iri, iri, KO.toestemmingDelen)
                    .add(iri, iri, KO.toestemmingDelen, NodeFactory.createLiteralDT(consent.toString(), XSDDatatype.XSDboolean));
            tx.update(write.build());
            return new Outcome(write.newVersion(), true, consent);
        });
    }
}
