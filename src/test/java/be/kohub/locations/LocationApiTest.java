package be.kohub.locations;

import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.key;
import static be.kohub.RunningHub.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import be.kohub.RunningHub;
import be.kohub.ingest.DocumentReader.Format;

/** The location sheet API as a vendor uses it: real HTTP, real TDB2, real SHACL. */
class LocationApiTest {
    static final String GENT = "locaties/gent-kdv-de-knuffelboom.jsonld";
    static RunningHub hub;
    static String koGent;

    @BeforeAll
    static void start() {
        hub = RunningHub.start();
        koGent = key("ko-stad-gent");
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void anAcceptHeaderListingSeveralTypesGetsTheBestOneOffered() {
        HttpResponse<String> created = hub.postJsonLd("/locaties", koGent, sample("locaties/gent-kdv-de-notelaar.jsonld"));
        String location = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> turtle = hub.get(location, "text/html, application/xhtml+xml;q=0.9, text/turtle;q=0.8, */*;q=0.1");
        assertEquals(200, turtle.statusCode(), turtle.body());
        assertTrue(turtle.headers().firstValue("Content-Type").orElseThrow().startsWith("text/turtle"));
        assertEquals(406, hub.get(location, "text/html, application/xhtml+xml;q=0.9").statusCode());
    }

    @Test
    void postedSheetReadsBackAsTheSameGraphInEveryFormat() {
        HttpResponse<String> created = hub.postJsonLd("/locaties", koGent, sample("locaties/gent-kdv-de-notelaar.jsonld"));
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        String iri = json(created).get("id").asText();

        HttpResponse<String> jsonld = hub.get(location, "application/ld+json");
        assertEquals(200, jsonld.statusCode());
        assertEquals("application/ld+json", jsonld.headers().firstValue("Content-Type").orElseThrow());
        JsonNode framed = json(jsonld);
        assertEquals(hub.url("/context/v1.jsonld").replace("http://localhost:" + hub.hub.port(), hub.hub.base()), framed.get("@context").asText());
        assertEquals(iri, framed.get("id").asText());
        assertEquals("Locatie", framed.get("type").asText());
        assertTrue(framed.path("opvangaanbod").path("capaciteit").isInt(), "capacity is a JSON number: " + framed);

        Graph fromJsonLd = hub.hub.reader().readOne(jsonld.body().getBytes(StandardCharsets.UTF_8), Format.JSONLD);
        Graph fromTurtle = parse(hub.get(location, "text/turtle"), Lang.TURTLE);
        Graph fromNTriples = parse(hub.get(location, "application/n-triples"), Lang.NTRIPLES);
        assertTrue(fromJsonLd.isIsomorphicWith(fromTurtle), "JSON-LD and Turtle carry the same graph");
        assertTrue(fromTurtle.isIsomorphicWith(fromNTriples), "Turtle and N-Triples carry the same graph");

        Graph posted = hub.hub.reader().readOne(sample("locaties/gent-kdv-de-notelaar.jsonld"), Format.JSONLD);
        assertEquals(posted.size() + 1, fromTurtle.size(), "the stored sheet is the posted one plus the identifier's creator");
    }

    @Test
    void retriedPostUpdatesInsteadOfDuplicating() {
        HttpResponse<String> first = hub.postJsonLd("/locaties", koGent, sample(GENT));
        HttpResponse<String> retry = hub.postJsonLd("/locaties", koGent, sample(GENT));
        assertTrue(List.of(200, 201).contains(first.statusCode()), first.body());
        assertEquals(200, retry.statusCode());
        assertEquals(json(first).get("id"), json(retry).get("id"));
        assertEquals(json(first).get("versie").asLong() + 1, json(retry).get("versie").asLong());
        long sheetsNamedKnuffelboom = countIn(listAll("/locaties?gemeente=44021"), "Kinderdagverblijf De Knuffelboom");
        assertEquals(1, sheetsNamedKnuffelboom);
    }

    @Test
    void putNeedsTheCurrentEtagAndRefusesAStaleOne() {
        HttpResponse<String> created = hub.postJsonLd("/locaties", koGent, sample("locaties/gent-kdv-de-vlindertuin.jsonld"));
        String path = created.headers().firstValue("Location").orElseThrow();
        String etag = created.headers().firstValue("ETag").orElseThrow();
        byte[] changed = new String(sample("locaties/gent-kdv-de-vlindertuin.jsonld"), StandardCharsets.UTF_8)
                .replaceFirst("\"capaciteit\": [0-9]+", "\"capaciteit\": 33").getBytes(StandardCharsets.UTF_8);

        assertEquals(428, hub.put(path, koGent, changed, Map.of()).statusCode());
        long before = hub.quadCount();
        HttpResponse<String> stale = hub.put(path, koGent, changed, Map.of("If-Match", "\"v999\""));
        assertEquals(412, stale.statusCode());
        assertEquals("application/problem+json", stale.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(before, hub.quadCount(), "a refused PUT changes nothing");

        HttpResponse<String> ok = hub.put(path, koGent, changed, Map.of("If-Match", etag));
        assertEquals(200, ok.statusCode(), ok.body());
        assertNotEquals(etag, ok.headers().firstValue("ETag").orElseThrow());
        assertEquals(33, json(hub.get(path, null)).path("opvangaanbod").path("capaciteit").asInt());
        assertEquals(304, hub.get(path, null, Map.of("If-None-Match", ok.headers().firstValue("ETag").orElseThrow())).statusCode());
    }

    @Test
    void deleteWithdrawsAndKeepsHistory() {
        HttpResponse<String> created = hub.postJsonLd("/locaties", koGent, sample("locaties/gent-kdv-het-zonnekind.jsonld"));
        assertEquals(201, created.statusCode(), created.body());
        String path = created.headers().firstValue("Location").orElseThrow();
        String iri = json(created).get("id").asText();

        assertEquals(204, hub.delete(path, koGent, Map.of()).statusCode());
        JsonNode withdrawn = json(hub.get(path, null));
        assertEquals("ingetrokken", withdrawn.path("opvangaanbod").path("status").asText());
        assertFalse(listAll("/locaties?gemeente=44021").contains(iri), "withdrawn sheets leave the default list");
        assertTrue(listAll("/locaties?gemeente=44021&status=ingetrokken").contains(iri));

        JsonNode history = json(hub.get(path + "/geschiedenis", null)).get("gebeurtenissen");
        assertEquals(List.of("aangemaakt", "ingetrokken"), history.findValuesAsText("bewerking"));
    }

    @Test
    void writesNeedACredentialOfTheRightRoleAndOrganiser() {
        byte[] sheet = sample("locaties/gent-kdv-de-knuffelboom.jsonld");
        long before = hub.quadCount();
        assertEquals(401, hub.postJsonLd("/locaties", null, sheet).statusCode());
        assertEquals(401, hub.postJsonLd("/locaties", "not-a-key", sheet).statusCode());
        assertEquals(403, hub.postJsonLd("/locaties", key("opgroeien-analist"), sheet).statusCode());
        assertEquals(403, hub.postJsonLd("/locaties", key("llko-gent"), sheet).statusCode());
        HttpResponse<String> foreign = hub.postJsonLd("/locaties", key("ko-wolkje"), sheet);
        assertEquals(403, foreign.statusCode());
        assertTrue(foreign.body().contains("0299541641"), foreign.body());
        assertEquals(before, hub.quadCount(), "refused writes change nothing");
    }

    @Test
    void listFiltersAndPagesWithACursor() {
        for (String f : List.of("locaties/gent-kdv-de-knuffelboom.jsonld", "locaties/gent-kdv-de-notelaar.jsonld"))
            hub.postJsonLd("/locaties", koGent, sample(f));
        HttpResponse<String> wolkje = hub.postJsonLd("/locaties", key("ko-wolkje"), sample(firstSampleOf("0842713828")));
        assertTrue(List.of(200, 201).contains(wolkje.statusCode()), wolkje.body());

        Set<String> gent = new HashSet<>(listAll("/locaties?gemeente=44021&limit=1"));
        Set<String> gentAtOnce = new HashSet<>(listAll("/locaties?gemeente=44021&limit=100"));
        assertTrue(gent.size() >= 2);
        assertEquals(gentAtOnce, gent, "paging one by one yields the same sheets as one page");
        assertFalse(gent.contains(json(wolkje).get("id").asText()));

        Set<String> aroundGent = new HashSet<>(listAll("/locaties?bbox=3.6,51.0,3.8,51.1"));
        assertTrue(aroundGent.containsAll(gent.stream().filter(i -> !listAll("/locaties?status=ingetrokken").contains(i)).toList()));
        assertTrue(listAll("/locaties?bbox=2.5,50.6,2.6,50.7").isEmpty());

        assertEquals(400, hub.get("/locaties?gemeente=gent", null).statusCode());
        assertEquals(400, hub.get("/locaties?bbox=1,2,3", null).statusCode());
        assertEquals(406, hub.get("/locaties", "image/png").statusCode());
    }

    @Test
    void unknownLocationIs404AsProblem() {
        HttpResponse<String> missing = hub.get("/locaties/00000000-0000-0000-0000-000000000000", null);
        assertEquals(404, missing.statusCode());
        assertEquals("https://data.kohub.be/problemen/niet-gevonden", json(missing).get("type").asText());
    }

    /** Follows the Link rel="next" headers and collects every location IRI. */
    static List<String> listAll(String path) {
        List<String> iris = new java.util.ArrayList<>();
        String next = path;
        int pages = 0;
        while (next != null && pages++ < 200) {
            HttpResponse<String> page = hub.get(next, "application/ld+json");
            assertEquals(200, page.statusCode(), page.body());
            json(page).get("@graph").forEach(sheet -> iris.add(sheet.get("id").asText()));
            next = page.headers().firstValue("Link").map(l -> l.substring(l.indexOf('<') + 1, l.indexOf('>'))).orElse(null);
        }
        return iris;
    }

    private static long countIn(List<String> iris, String name) {
        return iris.stream().filter(i -> {
            String path = "/locaties/" + i.substring(i.lastIndexOf('/') + 1);
            return name.equals(json(hub.get(path, null)).path("naam").asText());
        }).count();
    }

    static String firstSampleOf(String kbo) {
        try (var files = java.nio.file.Files.list(RunningHub.SAMPLES.resolve("locaties"))) {
            return files.sorted().filter(f -> new String(sample("locaties/" + f.getFileName()), StandardCharsets.UTF_8).contains(kbo))
                    .map(f -> "locaties/" + f.getFileName()).findFirst().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Graph parse(HttpResponse<String> response, Lang lang) {
        assertEquals(200, response.statusCode());
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8))).lang(lang).parse(graph);
        return graph;
    }
}
