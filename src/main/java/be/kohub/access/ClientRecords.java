package be.kohub.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataDelete;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.vocabulary.RDF;

import be.kohub.store.Queries;
import be.kohub.store.ReadTx;
import be.kohub.vocab.KO;

/**
 * API-managed clients as RDF in the never-public graph {@code https://data.kohub.be/graph/toegang}:
 * read with the queries in {@code queries/access/}, written as one {@code UpdateRequest} each.
 * The shape of one client:
 * <pre>
 * GRAPH &lt;https://data.kohub.be/graph/toegang&gt; {
 *   &lt;https://data.kohub.be/id/systeem/NAME&gt; a kohub:Systeemclient ; kohub:clientnaam "NAME" ;
 *       kohub:rol "ko" ; kohub:organisatorKbo "0299541641" ; kohub:aangemaakt "…"^^xsd:dateTime ;
 *       kohub:sleutel &lt;…/systeem/NAME/sleutel/UUID&gt; .
 *   &lt;…/systeem/NAME/sleutel/UUID&gt; kohub:sleutelhash "SHA-256 hex" ; kohub:aangemaakt "…"^^xsd:dateTime ;
 *       kohub:geldigTot "…"^^xsd:dateTime .   # only once a newer key replaced it
 * }
 * </pre>
 */
final class ClientRecords {
    private ClientRecords() {}

    /** Every API-managed client, revoked ones too, in the order of their names. */
    static List<ManagedClient> readAll(ReadTx tx) {
        Map<Node, List<String>> areas = new HashMap<>();
        for (Binding row : tx.select(Queries.load("access/client-areas.rq")))
            areas.computeIfAbsent(row.get(Var.alloc("client")), k -> new ArrayList<>()).add(text(row, "gemeente"));
        Map<Node, List<ManagedClient.Key>> keys = new HashMap<>();
        for (Binding row : tx.select(Queries.load("access/client-keys.rq")))
            keys.computeIfAbsent(row.get(Var.alloc("client")), k -> new ArrayList<>()).add(key(row));
        Map<String, ManagedClient> clients = new java.util.TreeMap<>();
        for (Binding row : tx.select(Queries.load("access/clients.rq"))) {
            Node iri = row.get(Var.alloc("client"));
            List<String> area = areas.getOrDefault(iri, List.of()).stream().sorted().toList();
            Client client = new Client(text(row, "naam"), Role.of(text(row, "rol")), text(row, "organisator"), text(row, "loket"), area);
            List<ManagedClient.Key> own = keys.getOrDefault(iri, List.of()).stream()
                    .sorted(java.util.Comparator.comparing(ManagedClient.Key::created)).toList();
            clients.put(client.name(), new ManagedClient(client, instant(row, "aangemaakt"), instant(row, "ingetrokken"), own));
        }
        return List.copyOf(clients.values());
    }

    static Optional<ManagedClient> read(ReadTx tx, String name) {
        return readAll(tx).stream().filter(c -> c.client().name().equals(name)).findFirst();
    }

    /**
     * A new client with its first key:
     * <pre>
     * INSERT DATA { GRAPH kohub-g:toegang { &lt;client&gt; a kohub:Systeemclient ; kohub:clientnaam "…" ; kohub:rol "…" ;
     *     kohub:aangemaakt "now" ; kohub:sleutel &lt;key&gt; [; kohub:organisatorKbo | kohub:loketNis | kohub:werkingsgebiedNis "…"] .
     *   &lt;key&gt; kohub:sleutelhash "…" ; kohub:aangemaakt "now" } }
     * </pre>
     */
    static UpdateRequest create(ManagedClient managed) {
        Client client = managed.client();
        Node s = managed.iri();
        QuadDataAcc data = new QuadDataAcc();
        add(data, s, RDF.type.asNode(), KO.Systeemclient);
        add(data, s, KO.clientnaam, NodeFactory.createLiteralString(client.name()));
        add(data, s, KO.rol, NodeFactory.createLiteralString(client.role().name().toLowerCase()));
        add(data, s, KO.aangemaakt, dateTime(managed.created()));
        if (client.organisator() != null)
            add(data, s, KO.organisatorKbo, NodeFactory.createLiteralString(client.organisator()));
        if (client.loket() != null)
            add(data, s, KO.loketNis, NodeFactory.createLiteralString(client.loket()));
        client.werkingsgebied().forEach(nis -> add(data, s, KO.werkingsgebiedNis, NodeFactory.createLiteralString(nis)));
        managed.keys().forEach(key -> addKey(data, s, key));
        return new UpdateRequest(new UpdateDataInsert(data));
    }

    /**
     * Keys changed by a rotation or revocation: the old description of each changed or removed key
     * goes, the new description of each changed or added key comes.
     * <pre>
     * DELETE DATA { GRAPH kohub-g:toegang { &lt;client&gt; kohub:sleutel &lt;old&gt; . &lt;old&gt; kohub:sleutelhash "…" ; … } } ;
     * INSERT DATA { GRAPH kohub-g:toegang { &lt;client&gt; kohub:sleutel &lt;new&gt; . &lt;new&gt; kohub:sleutelhash "…" ; … } }
     * </pre>
     * and, for a revocation, {@code <client> kohub:ingetrokkenOp "now"} in the same INSERT DATA.
     */
    static UpdateRequest changeKeys(Node client, List<ManagedClient.Key> before, List<ManagedClient.Key> after, Instant revokedAt) {
        QuadDataAcc removed = new QuadDataAcc();
        QuadDataAcc added = new QuadDataAcc();
        for (ManagedClient.Key key : before)
            if (!after.contains(key))
                addKey(removed, client, key);
        for (ManagedClient.Key key : after)
            if (!before.contains(key))
                addKey(added, client, key);
        if (revokedAt != null)
            add(added, client, KO.ingetrokkenOp, dateTime(revokedAt));
        UpdateRequest request = new UpdateRequest();
        request.add(new UpdateDataDelete(removed));
        request.add(new UpdateDataInsert(added));
        return request;
    }

    private static void addKey(QuadDataAcc data, Node client, ManagedClient.Key key) {
        add(data, client, KO.sleutel, key.iri());
        add(data, key.iri(), KO.sleutelhash, NodeFactory.createLiteralString(key.sha256()));
        add(data, key.iri(), KO.aangemaakt, dateTime(key.created()));
        if (key.validUntil() != null)
            add(data, key.iri(), KO.geldigTot, dateTime(key.validUntil()));
    }

    private static void add(QuadDataAcc data, Node s, Node p, Node o) {
        data.addQuad(new Quad(KO.ACCESS_GRAPH, s, p, o));
    }

    private static ManagedClient.Key key(Binding row) {
        return new ManagedClient.Key(row.get(Var.alloc("sleutel")), text(row, "hash"), instant(row, "aangemaakt"), instant(row, "geldigTot"));
    }

    /** xsd:dateTime in UTC to the millisecond, so that what is read back equals what was written. */
    static Node dateTime(Instant instant) {
        return NodeFactory.createLiteralDT(instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(), XSDDatatype.XSDdateTime);
    }

    private static String text(Binding row, String var) {
        Node node = row.get(Var.alloc(var));
        return node == null ? null : node.getLiteralLexicalForm();
    }

    private static Instant instant(Binding row, String var) {
        String text = text(row, var);
        return text == null ? null : Instant.parse(text);
    }
}
