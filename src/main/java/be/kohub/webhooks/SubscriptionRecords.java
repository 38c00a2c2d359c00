package be.kohub.webhooks;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.modify.request.QuadAcc;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.vocabulary.RDF;

import be.kohub.access.Client;
import be.kohub.access.Role;
import be.kohub.store.Queries;
import be.kohub.store.ReadTx;
import be.kohub.vocab.KO;

/**
 * Webhook subscriptions as RDF in the never-public graph {@code https://data.kohub.be/graph/abonnementen},
 * read with {@code queries/webhooks/subscriptions.rq}, written as one {@code UpdateRequest} each:
 * <pre>
 * GRAPH &lt;https://data.kohub.be/graph/abonnementen&gt; {
 *   &lt;https://data.kohub.be/id/abonnement/UUID&gt; a kohub:Abonnement ;
 *       kohub:eigenaar &lt;https://data.kohub.be/id/systeem/NAME&gt; ; kohub:callbackUrl "https://…" ;
 *       kohub:gebeurtenistype "aanvraag.status", "locatie.*" ; kohub:geheim "whsec_…" ;
 *       kohub:aangemaakt "…"^^xsd:dateTime ; kohub:eigenaarsprofiel &lt;…/abonnement/UUID#eigenaar&gt; .
 *   &lt;…/abonnement/UUID#eigenaar&gt; a kohub:Systeemclient ; kohub:clientnaam "NAME" ; kohub:rol "llko" ;
 *       [kohub:organisatorKbo "…" ;] [kohub:loketNis "44021" ;] [kohub:werkingsgebiedNis "44021", … ] .
 * }
 * </pre>
 */
final class SubscriptionRecords {
    private SubscriptionRecords() {}

    static List<Subscription> readAll(ReadTx tx) {
        return read(tx, Queries.load("webhooks/subscriptions.rq"));
    }

    static List<Subscription> ownedBy(ReadTx tx, Client owner) {
        return read(tx, Queries.bind("webhooks/subscriptions.rq", Map.of("filterEigenaar", owner.system())));
    }

    private static List<Subscription> read(ReadTx tx, org.apache.jena.query.Query query) {
        List<Subscription> all = new ArrayList<>();
        for (Binding row : tx.select(query)) {
            String iri = row.get(Var.alloc("abonnement")).getURI();
            String area = Literals.text(row, "werkingsgebied");
            Client owner = new Client(Literals.text(row, "naam"), Role.of(Literals.text(row, "rol")), Literals.text(row, "organisator"),
                    Literals.text(row, "loket"), area == null || area.isBlank() ? List.of() : Arrays.stream(area.split(" ")).sorted().toList());
            all.add(new Subscription(iri.substring(KO.SUBSCRIPTION_PREFIX.length()), owner, URI.create(Literals.text(row, "url")),
                    Arrays.stream(Literals.text(row, "types").split(" ")).sorted().toList(), Literals.text(row, "geheim"),
                    Literals.instant(row, "aangemaakt")));
        }
        return all;
    }

    /** {@code INSERT DATA} of the subscription and its owner's profile, as in the class comment. */
    static UpdateRequest create(Subscription s) {
        QuadDataAcc data = new QuadDataAcc();
        Node iri = s.iri(), profile = s.profile();
        add(data, iri, RDF.type.asNode(), KO.Abonnement);
        add(data, iri, KO.eigenaar, s.owner().system());
        add(data, iri, KO.callbackUrl, Literals.text(s.callback().toString()));
        s.eventTypes().forEach(t -> add(data, iri, KO.gebeurtenistype, Literals.text(t)));
        add(data, iri, KO.geheim, Literals.text(s.secret()));
        add(data, iri, KO.aangemaakt, Literals.dateTime(s.created()));
        add(data, iri, KO.eigenaarsprofiel, profile);
        Client owner = s.owner();
        add(data, profile, RDF.type.asNode(), KO.Systeemclient);
        add(data, profile, KO.clientnaam, Literals.text(owner.name()));
        add(data, profile, KO.rol, Literals.text(owner.role().name().toLowerCase()));
        if (owner.organisator() != null)
            add(data, profile, KO.organisatorKbo, Literals.text(owner.organisator()));
        if (owner.loket() != null)
            add(data, profile, KO.loketNis, Literals.text(owner.loket()));
        owner.werkingsgebied().forEach(nis -> add(data, profile, KO.werkingsgebiedNis, Literals.text(nis)));
        return new UpdateRequest(new UpdateDataInsert(data));
    }

    /**
     * Removes the subscription, its owner's profile and every delivery it still has:
     * <pre>
     * DELETE WHERE { GRAPH kohub-g:abonnementen { &lt;s&gt; ?p ?o } } ;
     * DELETE WHERE { GRAPH kohub-g:abonnementen { &lt;s#eigenaar&gt; ?p ?o } } ;
     * DELETE WHERE { GRAPH kohub-g:bezorgingen { ?d kohub:abonnement &lt;s&gt; ; ?p ?o } }
     * </pre>
     */
    static UpdateRequest delete(Subscription s) {
        UpdateRequest request = new UpdateRequest();
        request.add(deleteAll(KO.SUBSCRIPTIONS_GRAPH, s.iri()));
        request.add(deleteAll(KO.SUBSCRIPTIONS_GRAPH, s.profile()));
        QuadAcc deliveries = new QuadAcc();
        Var d = Var.alloc("d");
        deliveries.addQuad(new Quad(KO.OUTBOX_GRAPH, d, KO.abonnement, s.iri()));
        deliveries.addQuad(new Quad(KO.OUTBOX_GRAPH, d, Var.alloc("p"), Var.alloc("o")));
        request.add(new UpdateDeleteWhere(deliveries));
        return request;
    }

    static UpdateDeleteWhere deleteAll(Node graph, Node subject) {
        QuadAcc pattern = new QuadAcc();
        pattern.addQuad(new Quad(graph, subject, Var.alloc("p"), Var.alloc("o")));
        return new UpdateDeleteWhere(pattern);
    }

    private static void add(QuadDataAcc data, Node s, Node p, Node o) {
        data.addQuad(new Quad(KO.SUBSCRIPTIONS_GRAPH, s, p, o));
    }
}
