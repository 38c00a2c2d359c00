package be.kohub.store;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.vocabulary.DCTerms;

import be.kohub.vocab.KO;

/**
 * A write transaction that notes which documents its updates version: every new version writes
 * an event with {@code dct:subject <document>} to the event log (ingest/DocumentWrites), so the
 * events inserted are the list of what changed.
 */
final class VersionedDocuments implements WriteTx {
    private final WriteTx tx;
    private final Set<Node> documents = new LinkedHashSet<>();

    VersionedDocuments(WriteTx tx) {
        this.tx = tx;
    }

    Set<Node> documents() {
        return documents;
    }

    @Override
    public void update(UpdateRequest request) {
        request.getOperations().forEach(op -> {
            if (op instanceof UpdateDataInsert insert)
                insert.getQuads().forEach(q -> {
                    if (q.getGraph().equals(KO.EVENTS_GRAPH) && q.getPredicate().equals(DCTerms.subject.asNode()))
                        documents.add(q.getObject());
                });
        });
        tx.update(request);
    }

    @Override
    public List<Binding> select(Query query) {
        return tx.select(query);
    }

    @Override
    public void forEach(Query query, java.util.function.Consumer<Binding> row) {
        tx.forEach(query, row);
    }

    @Override
    public boolean ask(Query query) {
        return tx.ask(query);
    }

    @Override
    public Graph construct(Query query) {
        return tx.construct(query);
    }

    @Override
    public Graph graph(Node graphName) {
        return tx.graph(graphName);
    }
}
