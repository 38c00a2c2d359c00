package be.kohub.erasure;

import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.kohub.RunningHub;
import be.kohub.codes.IdentityHash;
import be.kohub.codes.Insz;
import be.kohub.ingest.DocumentGraphs;
import be.kohub.requests.StoryFixtures;
import be.kohub.vocab.KO;

/**
 * Erasure over HTTP: a child with requests at two counters, a status comment and an assignment is
 * erased by beheer; afterwards no quad of any graph (the default graph included) holds any of its
 * personal values or links, a second child is untouched, every touched document has its tombstone
 * event, and refusals change nothing.
 */
class ChildErasureTest {
    private static final byte[] IDENTITY_KEY = "erasure-test-identity-key-of-32-bytes!".getBytes(StandardCharsets.US_ASCII);
    private static final String BEHEER = key("opgroeien");
    private static final String INSZ = insz("850101001"), OTHER_INSZ = insz("860202002");
    private RunningHub hub;
    private StoryFixtures fixtures;
    /** Born well before the requested starts (about 13 months), so that the generalised date keeps every age class. */
    private final LocalDate born = bornOn(LocalDate.now().minusDays(110));
    private final LocalDate expected = born.plusDays(10);

    @BeforeEach
    void start() {
        hub = RunningHub.start(b -> b.identityKey(IDENTITY_KEY));
        fixtures = new StoryFixtures(hub);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void erasureLeavesNoPersonalValueAnywhereAndTouchesNoOtherChild() {
        String code = unbornChild(INSZ, expected);
        String opgroeien = born.format(DateTimeFormatter.ofPattern("yyMMdd")) + "417";
        assertEquals(200, hub.post("/kindcodes/" + code + "/geboorte", key("llko-gent"), "application/json",
                ("{\"geboortedatum\": \"" + born + "\", \"woonplaats\": \"44021\", \"kindcodeOpgroeien\": \"" + opgroeien + "\"}")
                        .getBytes(StandardCharsets.UTF_8)).statusCode());
        String gent = fixtures.request("llko-gent", code, d -> family(d, "Saartje-Xq", "Vandeneynde-Zw", "saartje.xq@example.be",
                "+32 470 98 76 54", "Kerkstraat-Yy")).get("id").asText();
        String hasselt = fixtures.request("llko-hasselt", code, d -> family(d, "Saartje-Xq", "Vandeneynde-Zw", "saartje.xq@example.be",
                "+32 470 98 76 54", "Kerkstraat-Yy")).get("id").asText();
        HttpResponse<String> comment = hub.post(StoryFixtures.path(gent) + "/status", key("llko-gent"), "application/json",
                "{\"status\": \"in-behandeling\", \"toelichting\": \"Saartje-Xq belde, nummer gewijzigd\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, comment.statusCode(), comment.body());
        HttpResponse<String> assigned = fixtures.assignment("ko-kinderkorf-limburg", code, d -> d.put("aanvraag", hasselt));
        assertEquals(201, assigned.statusCode(), assigned.body());
        String assignment = json(assigned).get("id").asText();

        String otherCode = bornChild(OTHER_INSZ, born.minusDays(40));
        String other = fixtures.request("llko-gent", otherCode, d -> family(d, "Marieke-Qz", "Oosterlinck-Wv", "marieke.qz@example.be",
                "+32 478 11 22 33", "Molenstraat-Vv")).get("id").asText();

        Node child = child(code);
        List<String> personal = new ArrayList<>(List.of(INSZ, person(INSZ).getURI(), code, child.getURI(), opgroeien,
                "Saartje-Xq", "Vandeneynde-Zw", "saartje.xq@example.be", "+32 470 98 76 54", "Kerkstraat-Yy"));
        List<String> documents = List.of(gent, hasselt, assignment);
        for (String doc : documents)
            personal.add(localId(doc));
        Map<String, Long> before = occurrences(personal);
        before.forEach((value, n) -> assertTrue(n > 0 || value.equals(INSZ), value + " should be in the store before erasure"));
        assertEquals(0, before.get(INSZ), "the national register number is never stored, only its keyed hash");
        assertTrue(dateQuads(born) > 0 && dateQuads(expected) > 0, "the exact and expected birth dates before erasure");
        Map<String, IsomorphicGraph> otherGraphs = graphsOf(child(otherCode), other);
        Map<String, Long> versions = new LinkedHashMap<>();
        documents.forEach(d -> versions.put(d, version(d)));

        HttpResponse<String> erased = hub.delete("/kinderen/" + code, BEHEER, Map.of());
        assertEquals(200, erased.statusCode(), erased.body());
        assertEquals(2, json(erased).get("aanvragen").size());
        assertEquals(1, json(erased).get("toewijzingen").size());
        String pseudonym = json(erased).get("pseudoniem").asText();

        occurrences(personal).forEach((value, n) -> assertEquals(0, n, value + " is still in the store: " + quadsWith(value)));
        assertEquals(0, dateQuads(born), "the exact birth date is still in the store");
        assertEquals(0, dateQuads(expected), "the expected birth date is still in the store");
        assertEquals(otherGraphs, graphsOf(child(otherCode), other), "the other child's graphs are unchanged");
        JsonNode otherRequest = json(hub.getAs(StoryFixtures.path(other), BEHEER, "application/ld+json"));
        assertTrue(otherRequest.toString().contains("Marieke-Qz") && otherRequest.toString().contains("Molenstraat-Vv"), otherRequest.toString());
        assertEquals(200, hub.getAs("/kindcodes/" + otherCode, key("llko-gent"), "application/ld+json").statusCode());

        for (String doc : documents) {
            assertEquals(versions.get(doc) + 1, version(doc), doc);
            assertEquals(List.of("gewist"), operations(doc, versions.get(doc) + 1), "tombstone event of " + doc);
            Graph kept = hub.hub.store().read(tx -> tx.graph(NodeFactory.createURI(doc)));
            assertTrue(kept.contains(NodeFactory.createURI(doc), KO.kind, NodeFactory.createURI(pseudonym)), doc + " points to the pseudonym");
            assertTrue(hub.hub.store().read(tx -> tx.graph(DocumentGraphs.personal(NodeFactory.createURI(doc)))).isEmpty());
        }
        assertTrue(operations(pseudonym, null).contains("gewist"), "the child's own tombstone, under its pseudonym");
        JsonNode request = json(hub.getAs(StoryFixtures.path(gent), BEHEER, "application/ld+json"));
        assertEquals("geannuleerd", request.get("status").asText(), "the status stays (the assignment cancelled it): " + request);
        assertEquals(3, request.get("statusgeschiedenis").size(), "the history stays, without its comment: " + request);
        assertFalse(request.toString().contains("toelichting"), request.toString());
    }

    @Test
    void afterErasureTheCodeIsGoneAndTheSameParentGetsANewOne() {
        String code = bornChild(INSZ, born);
        fixtures.request("llko-gent", code, d -> family(d, "Jan-Qq", "Peeters-Qq", "jan.qq@example.be", "+32 470 00 00 01", "Dorpstraat-Qq"));
        assertEquals(200, hub.delete("/kinderen/" + code, BEHEER, Map.of()).statusCode());

        assertEquals(404, hub.getAs("/kindcodes/" + code, key("llko-gent"), "application/ld+json").statusCode());
        HttpResponse<String> view = hub.getAs("/kinderen/" + code + "/aanvragen", key("llko-gent"), "application/json");
        assertEquals(404, view.statusCode(), view.body());
        assertEquals("application/problem+json", view.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals(404, hub.delete("/kinderen/" + code, BEHEER, Map.of()).statusCode(), "a second erasure");
        HttpResponse<String> again = issue(INSZ, born);
        assertEquals(201, again.statusCode(), "a new code, no link to the erased one: " + again.body());
        assertNotEquals(code, json(again).get("kindcode").asText());
    }

    @Test
    void refusalsChangeNothing() {
        String code = bornChild(INSZ, born);
        fixtures.request("llko-gent", code, d -> family(d, "Jan-Qq", "Peeters-Qq", "jan.qq@example.be", "+32 470 00 00 01", "Dorpstraat-Qq"));
        long quads = hub.quadCount();
        Map<String, Long> occurrences = occurrences(List.of(code));

        assertEquals(401, hub.delete("/kinderen/" + code, null, Map.of()).statusCode());
        for (String client : List.of("llko-gent", "ko-stad-gent", "opgroeien-analist"))
            assertEquals(403, hub.delete("/kinderen/" + code, key(client), Map.of()).statusCode(), client);
        assertEquals(404, hub.delete("/kinderen/KC123456789022", BEHEER, Map.of()).statusCode(), "well-formed, never issued");
        HttpResponse<String> malformed = hub.delete("/kinderen/KC1234", BEHEER, Map.of());
        assertEquals(422, malformed.statusCode(), malformed.body());
        assertTrue(malformed.body().contains("ongeldige-kindcode"));
        assertEquals(422, hub.delete("/kinderen/KC123456789023", BEHEER, Map.of()).statusCode(), "a check-digit typo");

        assertEquals(quads, hub.quadCount());
        assertEquals(occurrences, occurrences(List.of(code)));
        assertEquals(200, hub.getAs("/kindcodes/" + code, key("llko-gent"), "application/ld+json").statusCode());
        assertEquals(403, hub.post("/beheer/bewaartermijn", key("llko-gent"), "application/json", new byte[0]).statusCode());
        assertEquals(401, hub.post("/beheer/bewaartermijn", null, "application/json", new byte[0]).statusCode());
        assertEquals(quads, hub.quadCount());
    }

    /** Replaces the story's applicants by one made-up parent with a contact point and an address. */
    private static void family(ObjectNode doc, String given, String family, String email, String phone, String street) {
        ObjectNode agent = doc.putArray("aanvragers").addObject().put("type", "Aanvrager").put("relatie", "moeder")
                .putObject("agent").put("type", "Persoon").put("voornaam", given).put("familienaam", family);
        ObjectNode contact = agent.putObject("contactinfo").put("type", "Contactinfo").put("email", email).put("telefoon", phone);
        contact.putObject("adres").put("type", "Adres").put("straat", street).put("huisnummer", "12")
                .put("postcode", "9000").put("gemeentenaam", "Gent").put("gemeente", "44021");
    }

    private String unbornChild(String insz, LocalDate expected) {
        String body = "{\"ouder\": {\"insz\": \"" + insz + "\"}, \"bewijs\": \"verklaring-op-eer\", \"verwachteGeboortedatum\": \"" + expected + "\"}";
        HttpResponse<String> issued = hub.post("/kindcodes", key("llko-gent"), "application/json", body.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, issued.statusCode(), issued.body());
        return json(issued).get("kindcode").asText();
    }

    private String bornChild(String insz, LocalDate birth) {
        HttpResponse<String> issued = issue(insz, birth);
        assertEquals(201, issued.statusCode(), issued.body());
        return json(issued).get("kindcode").asText();
    }

    private HttpResponse<String> issue(String insz, LocalDate birth) {
        String body = "{\"ouder\": {\"insz\": \"" + insz + "\", \"relatie\": \"moeder\"}, \"geboortedatum\": \"" + birth + "\", \"woonplaats\": \"44021\"}";
        return hub.post("/kindcodes", key("llko-gent"), "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private Node child(String code) {
        return NodeFactory.createURI(hub.hub.base() + "/id/kind/" + code);
    }

    private static Node person(String insz) {
        return new IdentityHash(IDENTITY_KEY).person(Insz.parse(insz).orElseThrow());
    }

    /** How many terms (graph names included) of all quads, in every named graph and the default graph, contain each value. */
    private Map<String, Long> occurrences(List<String> values) {
        Map<String, Long> counts = new LinkedHashMap<>();
        values.forEach(v -> counts.put(v, 0L));
        String query = "SELECT ?g ?s ?p ?o WHERE { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o } }";
        hub.hub.store().read(tx -> {
            tx.forEach(QueryFactory.create(query), row -> {
                StringBuilder text = new StringBuilder();
                for (String v : List.of("g", "s", "p", "o")) {
                    Node n = row.get(Var.alloc(v));
                    if (n != null)
                        text.append(n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.getBlankNodeLabel()).append('\u0000');
                }
                for (String value : values)
                    if (text.indexOf(value) >= 0)
                        counts.merge(value, 1L, Long::sum);
            });
            return null;
        });
        return counts;
    }

    private List<String> quadsWith(String value) {
        String query = "SELECT ?g ?s ?p ?o WHERE { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o } FILTER (CONTAINS(STR(?o), \"" + value
                + "\") || CONTAINS(STR(?s), \"" + value + "\") || CONTAINS(STR(?g), \"" + value + "\")) }";
        return hub.hub.store().read(tx -> tx.select(QueryFactory.create(query)).stream().map(Object::toString).toList());
    }

    private Map<String, IsomorphicGraph> graphsOf(Node child, String request) {
        Node r = NodeFactory.createURI(request);
        Map<String, IsomorphicGraph> graphs = new LinkedHashMap<>();
        for (Node g : List.of(child, DocumentGraphs.personal(child), r, DocumentGraphs.personal(r), DocumentGraphs.status(r))) {
            Graph graph = hub.hub.store().read(tx -> tx.graph(g));
            assertFalse(graph.isEmpty(), g.getURI());
            graphs.put(g.getURI(), new IsomorphicGraph(graph));
        }
        return graphs;
    }

    /**
     * Quads holding the date as an xsd:date, outside the location sheets and the model: a location's
     * dates (a request stop, say) may fall on any day, the child's cannot be there.
     */
    private long dateQuads(LocalDate date) {
        String query = "PREFIX kohub: <https://data.kohub.be/ns/kohub#> SELECT (COUNT(*) AS ?n) WHERE { "
                + "{ GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { GRAPH <" + KO.SYSTEM_GRAPH.getURI() + "> { ?g kohub:documenttype \"locatie\" } } "
                + "FILTER (?g != <" + KO.MODEL_GRAPH.getURI() + ">) } UNION { ?s ?p ?o } "
                + "FILTER (STR(?o) = \"" + date + "\") }";
        return hub.hub.store().read(tx -> Long.parseLong(tx.select(QueryFactory.create(query)).get(0).get("n").getLiteralLexicalForm()));
    }

    private String localId(String doc) {
        return single("SELECT ?o WHERE { GRAPH <" + KO.SYSTEM_GRAPH.getURI() + "> { <" + doc + "> <" + KO.lokaleId.getURI() + "> ?o } }");
    }

    private long version(String doc) {
        return Long.parseLong(single("SELECT ?o WHERE { GRAPH <" + KO.SYSTEM_GRAPH.getURI() + "> { <" + doc + "> <" + KO.versie.getURI() + "> ?o } }"));
    }

    /** The operations of a document's events (of one version, or all). */
    private List<String> operations(String doc, Long version) {
        String query = "PREFIX dct: <http://purl.org/dc/terms/> PREFIX kohub: <https://data.kohub.be/ns/kohub#> SELECT ?o WHERE { GRAPH <"
                + KO.EVENTS_GRAPH.getURI() + "> { ?e dct:subject <" + doc + "> ; kohub:bewerking ?o ; kohub:versie ?v } "
                + (version == null ? "" : "FILTER (?v = " + version + ")") + " }";
        return hub.hub.store().read(tx -> tx.select(QueryFactory.create(query)).stream().map(b -> b.get("o").getLiteralLexicalForm()).toList());
    }

    private String single(String query) {
        var rows = hub.hub.store().read(tx -> tx.select(QueryFactory.create(query)));
        assertEquals(1, rows.size(), query);
        return rows.get(0).get("o").getLiteralLexicalForm();
    }

    /** A valid INSZ from its first nine digits (check number for a birth before 2000). */
    private static String insz(String nine) {
        return nine + String.format("%02d", 97 - Long.parseLong(nine) % 97);
    }

    /** A birth date that is not the first of its month, so that its generalised form differs from it. */
    private static LocalDate bornOn(LocalDate date) {
        return date.getDayOfMonth() == 1 ? date.minusDays(1) : date;
    }

    /** A graph compared by isomorphism, so that blank-node labels do not matter. */
    private record IsomorphicGraph(Graph graph) {
        @Override
        public boolean equals(Object o) {
            return o instanceof IsomorphicGraph other && graph.isIsomorphicWith(other.graph);
        }

        @Override
        public int hashCode() {
            return graph.size();
        }
    }
}
