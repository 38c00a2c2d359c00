package be.kohub.sparql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Var;

import be.kohub.access.Client;
import be.kohub.access.Role;
import be.kohub.assignments.AssignmentAccess;
import be.kohub.ingest.DocumentGraphs;
import be.kohub.ingest.DocumentMeta;
import be.kohub.locations.LocationState;
import be.kohub.model.CodeLists;
import be.kohub.requests.RequestAccess;
import be.kohub.store.Queries;
import be.kohub.store.ReadTx;
import be.kohub.vocab.KO;

/**
 * {@code /sparql/loket} and {@code /sparql/organisator}: the documents a counter or organiser may
 * read through the REST API, and nothing else. A query file finds the candidates cheaply by index
 * lookups; the same access rules as the REST API ({@link RequestAccess}, {@link AssignmentAccess})
 * then decide per document, so the two doors cannot disagree. Visible: each allowed request or
 * assignment with its status graph, a request's personal-data graph where its REST view is
 * whole, the child graphs they name, every location sheet and the model.
 */
final class OwnDocumentsScope implements GraphScope {
    private static final Node NONE = NodeFactory.createURI("urn:kohub:geen");
    private static final String REQUEST = "aanvraag";
    private static final String ASSIGNMENT = "toewijzing";
    private final Role role;

    OwnDocumentsScope(Role role) {
        this.role = role;
    }

    @Override
    public Scope of(ReadTx tx, Client client) {
        if (client.role() != role)
            return Scope.of(PublicScope.graphs(tx), List.of());
        Set<Node> graphs = new LinkedHashSet<>(PublicScope.graphs(tx));
        List<Node> personal = new ArrayList<>();
        for (Node doc : candidates(tx, client)) {
            Optional<DocumentMeta> meta = DocumentMeta.find(tx, doc);
            if (meta.isEmpty())
                continue;
            boolean visible = switch (meta.get().type()) {
                case REQUEST -> RequestAccess.find(tx, client, doc, meta.get(), tx.graph(doc)).map(view -> {
                    if (view == RequestAccess.View.VOLLEDIG)
                        personal.add(DocumentGraphs.personal(doc));
                    return true;
                }).orElse(false);
                case ASSIGNMENT -> AssignmentAccess.allowed(tx, client, doc, meta.get(), tx.graph(doc), location(tx, doc));
                default -> false;
            };
            if (!visible)
                continue;
            graphs.add(doc);
            graphs.add(DocumentGraphs.status(doc));
            tx.graph(doc).find(doc, KO.kind, Node.ANY).mapWith(Triple::getObject).forEachRemaining(graphs::add);
        }
        graphs.addAll(personal);
        return Scope.of(graphs, personal);
    }

    private Set<Node> candidates(ReadTx tx, Client client) {
        Set<Node> docs = new LinkedHashSet<>();
        if (role == Role.KO) {
            Node kbo = NodeFactory.createLiteralString(client.organisator() == null ? "" : client.organisator());
            collect(tx, "sparql/organiser-candidates.rq", Map.of("systeem", client.system(), "kbo", kbo), docs);
            return docs;
        }
        Node loket = client.loket() == null ? NONE : NodeFactory.createURI(KO.LOKET_PREFIX + client.loket());
        List<String> area = client.werkingsgebied().isEmpty() ? List.of("") : client.werkingsgebied();
        for (String nis : area) {
            Map<String, Node> values = new HashMap<>(Map.of("systeem", client.system(), "loket", loket));
            values.put("gemeente", nis.isEmpty() ? NONE : NodeFactory.createURI(CodeLists.MUNICIPALITIES + nis));
            collect(tx, "sparql/counter-candidates.rq", values, docs);
        }
        return docs;
    }

    private static void collect(ReadTx tx, String query, Map<String, Node> values, Set<Node> into) {
        tx.select(Queries.bind(query, values)).forEach(row -> into.add(row.get(Var.alloc("doc"))));
    }

    private static LocationState location(ReadTx tx, Node assignment) {
        Node loc = tx.graph(assignment).find(assignment, KO.vestiging, Node.ANY).nextOptional().map(Triple::getObject).orElse(NONE);
        return LocationState.find(tx, loc).orElse(new LocationState(loc, null, null, null));
    }
}
