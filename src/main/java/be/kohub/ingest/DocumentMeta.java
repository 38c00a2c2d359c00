package be.kohub.ingest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

import be.kohub.store.Queries;
import be.kohub.store.ReadTx;

/** The hub's bookkeeping of one document, read from the system graph. */
public record DocumentMeta(Node iri, String type, long version, Node source, String localId, boolean withdrawn) {

    public static Optional<DocumentMeta> find(ReadTx tx, Node iri) {
        List<Binding> rows = tx.select(Queries.bind("ingest/document-meta.rq", Map.of("doc", iri)));
        if (rows.isEmpty())
            return Optional.empty();
        Binding row = rows.get(0);
        Node localId = row.get(Var.alloc("localId"));
        return Optional.of(new DocumentMeta(iri,
                row.get(Var.alloc("type")).getLiteralLexicalForm(),
                Long.parseLong(row.get(Var.alloc("version")).getLiteralLexicalForm()),
                row.get(Var.alloc("source")),
                localId == null ? null : localId.getLiteralLexicalForm(),
                row.contains(Var.alloc("withdrawn"))));
    }

    public String etag() {
        return etag(version);
    }

    /** A strong validator: the version changes with every write of the document. */
    public static String etag(long version) {
        return "\"v" + version + "\"";
    }
}
