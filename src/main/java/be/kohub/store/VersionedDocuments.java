package be.kohub.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.vocabulary.DCTerms;

import be.kohub.vocab.KO;
import be.kohub.vocab.OSLO;

/**
 * A write transaction that notes the events its updates insert: every new version writes an
 * event to the event log (ingest/DocumentWrites), so the events inserted are the list of what
 * changed, in the order it changed.
 */
final class VersionedDocuments implements WriteTx {
    private final WriteTx tx;
    private final Map<Node, Map<Node, Node>> events = new LinkedHashMap<>();
    private final Map<Node, Graph> written = new java.util.HashMap<>();

    VersionedDocuments(WriteTx tx) {
        this.tx = tx;
    }

    Changes changes() {
        return new Changes(events.entrySet().stream()
                .filter(e -> e.getValue().containsKey(DCTerms.subject.asNode()))
                .map(e -> event(e.getKey(), e.getValue(), written.get(e.getKey()))).toList());
    }

    private static LoggedEvent event(Node iri, Map<Node, Node> p, Graph content) {
        Node version = p.get(KO.versie);
        Node operation = p.get(KO.bewerking);
        Node type = p.get(KO.documenttype);
        Node time = p.get(OSLO.PROV_AT_TIME);
        return new LoggedEvent(iri, p.get(DCTerms.subject.asNode()), type == null ? null : type.getLiteralLexicalForm(),
                version == null ? 0 : Long.parseLong(version.getLiteralLexicalForm()),
                operation == null ? "" : operation.getLiteralLexicalForm(),
                time == null ? null : Instant.parse(time.getLiteralLexicalForm()),
                p.get(OSLO.PROV_WAS_ASSOCIATED_WITH), content);
    }

    @Override
    public void update(UpdateRequest request) {
        Map<Node, Node> documentsOfEvents = new LinkedHashMap<>();
        request.getOperations().forEach(op -> {
            if (op instanceof UpdateDataInsert insert)
                insert.getQuads().forEach(q -> {
                    if (q.getGraph().equals(KO.EVENTS_GRAPH)) {
                        events.computeIfAbsent(q.getSubject(), k -> new LinkedHashMap<>()).put(q.getPredicate(), q.getObject());
                        if (q.getPredicate().equals(DCTerms.subject.asNode()))
                            documentsOfEvents.put(q.getObject(), q.getSubject());
                    }
                });
        });
        if (!documentsOfEvents.isEmpty()) {
            Map<Node, Graph> graphs = new java.util.HashMap<>();
            request.getOperations().forEach(op -> {
                if (op instanceof UpdateDataInsert insert)
                    insert.getQuads().forEach(q -> {
                        if (documentsOfEvents.containsKey(q.getGraph()))
                            graphs.computeIfAbsent(q.getGraph(), g -> org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph()).add(q.asTriple());
                    });
            });
            graphs.forEach((document, graph) -> written.put(documentsOfEvents.get(document), graph));
        }
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
