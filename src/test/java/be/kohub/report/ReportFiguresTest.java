package be.kohub.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import be.kohub.RunningHub;
import be.kohub.vocab.KO;

/**
 * Every figure of every report on the hand-built dataset, against the counts worked out by hand
 * (verwacht.json), in JSON, CSV and RDF Data Cube; then who may see what, suppression, bad
 * parameters, and that a later write shows at once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportFiguresTest {
    private static final String ANALYST = RunningHub.key("opgroeien-analist");
    private static final List<String> MEASURES = java.util.Arrays.stream(Measure.values()).map(Measure::key).toList();
    private static final MutableClock CLOCK = new MutableClock();
    private static RunningHub hub;
    private static HandBuiltDataset data;

    @BeforeAll
    static void play() {
        hub = RunningHub.start(b -> b.clock(CLOCK));
        data = HandBuiltDataset.play(hub, CLOCK);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private static String withDate(String path) {
        return path + "&peildatum=" + HandBuiltDataset.AS_OF;
    }

    @Test
    @Order(1)
    void everyJsonFigureMatchesTheHandCount() {
        for (JsonNode report : HandBuiltDataset.resource("verwacht.json").get("rapporten")) {
            String path = withDate(report.get("pad").asText());
            HttpResponse<String> response = hub.getAs(path, ANALYST, "application/json");
            assertEquals(200, response.statusCode(), path + " " + response.body());
            JsonNode body = RunningHub.json(response);
            List<String> dims = new ArrayList<>();
            body.get("dimensies").forEach(d -> dims.add(d.asText()));
            Map<List<String>, List<Long>> actual = new HashMap<>();
            for (JsonNode row : body.get("rijen")) {
                List<String> key = dims.stream().map(d -> row.get(d).asText()).toList();
                actual.put(key, MEASURES.stream().map(m -> row.get(m).isNull() ? null : row.get(m).asLong()).toList());
            }
            compare(path, report, actual);
        }
    }

    @Test
    @Order(2)
    void csvCarriesTheSameFigures() {
        for (JsonNode report : HandBuiltDataset.resource("verwacht.json").get("rapporten")) {
            String path = withDate(report.get("pad").asText());
            HttpResponse<String> response = hub.getAs(path, ANALYST, "text/csv");
            assertEquals(200, response.statusCode(), path);
            assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
            String[] lines = response.body().split("\r\n");
            List<String> header = List.of(lines[0].split(";", -1));
            List<String> dims = header.subList(2, header.size() - MEASURES.size()).stream().filter(h -> !h.endsWith("Label")).toList();
            Map<List<String>, List<Long>> actual = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                List<String> cells = List.of(lines[i].split(";", -1));
                List<String> key = dims.stream().map(d -> cells.get(header.indexOf(d))).toList();
                actual.put(key, MEASURES.stream().map(m -> cells.get(header.indexOf(m))).map(v -> v.isEmpty() ? null : Long.valueOf(v)).toList());
            }
            compare(path + " (CSV)", report, actual);
        }
    }

    @Test
    @Order(3)
    void dataCubeCarriesTheSameFigures() {
        for (JsonNode report : HandBuiltDataset.resource("verwacht.json").get("rapporten")) {
            String path = withDate(report.get("pad").asText());
            HttpResponse<String> response = hub.getAs(path, ANALYST, "text/turtle");
            assertEquals(200, response.statusCode(), path);
            Model cube = ModelFactory.createDefaultModel().read(new StringReader(response.body()), null, "TURTLE");
            Resource dataset = cube.listSubjectsWithProperty(RDF.type, cube.createResource("http://purl.org/linked-data/cube#DataSet")).next();
            assertTrue(dataset.hasProperty(cube.createProperty("http://purl.org/linked-data/cube#structure")), "the data set names its structure");
            Report r = Report.of(path.substring("/rapporten/".length(), path.indexOf('?'))).orElseThrow();
            Map<List<String>, List<Long>> actual = new HashMap<>();
            cube.listSubjectsWithProperty(RDF.type, cube.createResource("http://purl.org/linked-data/cube#Observation")).forEachRemaining(obs -> {
                List<String> key = r.dimensions().stream().map(d -> code(obs.getRequiredProperty(cube.createProperty(KO.NS + d)).getObject())).toList();
                List<Long> values = MEASURES.stream().map(m -> {
                    Statement s = obs.getProperty(cube.createProperty(KO.NS + m));
                    return s == null ? null : s.getLong();
                }).toList();
                actual.put(key, values);
            });
            compare(path + " (Data Cube)", report, actual);
        }
    }

    /** The code a dimension value stands for: the end of its IRI, or the literal. */
    private static String code(RDFNode value) {
        if (value.isLiteral())
            return value.asLiteral().getLexicalForm();
        String iri = value.asResource().getURI();
        String last = iri.substring(iri.lastIndexOf('/') + 1);
        return iri.contains("/voorrangsgroep/") ? "voorrangsgroep:" + last : last;
    }

    private static void compare(String path, JsonNode report, Map<List<String>, List<Long>> actual) {
        Map<List<String>, List<Long>> expected = new HashMap<>();
        for (JsonNode row : report.get("rijen")) {
            List<String> key = new ArrayList<>();
            row.get("sleutel").forEach(k -> key.add(k.asText()));
            List<Long> figures = new ArrayList<>();
            row.get("cijfers").forEach(f -> figures.add(f.isNull() ? null : f.asLong()));
            expected.put(key, figures);
        }
        expected.forEach((key, figures) -> assertEquals(figures, actual.get(key), path + " row " + key));
        actual.forEach((key, figures) -> {
            if (!expected.containsKey(key))
                assertTrue(figures.subList(0, MEASURES.size() - 1).stream().allMatch(n -> n == 0L) && figures.get(MEASURES.size() - 1) == null,
                        path + ": row " + key + " should be empty: " + figures);
        });
    }

    @Test
    @Order(4)
    void theSparqlDefinitionGivesTheSameFiguresAsTheHub() {
        for (String year : List.of("2024", "2025")) {
            Period period = Period.parse(year);
            java.time.LocalDate asOf = java.time.LocalDate.parse(HandBuiltDataset.AS_OF);
            Map<Measure, Long> sparql = hub.hub.store().read(tx -> SparqlDefinition.overview(SparqlDefinition.uniqueRequests(tx, period, asOf, 30)));
            Map<Measure, Long> engine = hub.hub.reports().compute(Report.OVERZICHT,
                    new ReportQuery(period, asOf, java.util.Set.of(), null)).rows().get(0).figures().values();
            assertEquals(engine, sparql, year);
        }
    }

    @Test
    @Order(4)
    void aCounterSeesItsOwnAreaWithSmallCountsSuppressed() {
        HttpResponse<String> response = hub.getAs(withDate("/rapporten/overzicht?periode=2025"), RunningHub.key("llko-gent"), "application/json");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode row = RunningHub.json(response).get("rijen").get(0);
        // Residents of Gent: 7 requests, 5 unique; every count from 1 to 4 is hidden, 0 is not.
        assertEquals(7, row.get("aanvragen").asLong());
        assertEquals(5, row.get("uniekeAanvragen").asLong());
        assertEquals(0, row.get("lopend").asLong());
        for (String hidden : List.of("aanvragenOnbeantwoord", "beantwoord", "gedeeltelijkBeantwoord", "onbeantwoord", "geannuleerd", "mediaanDagenTotEersteAntwoord"))
            assertTrue(row.get(hidden).isNull() && row.get("onderdrukt").toString().contains("\"" + hidden + "\""), hidden + " is suppressed for a counter");
        assertTrue(!row.get("onderdrukt").toString().contains("lopend"), "a zero is not suppressed");
        String csv = hub.getAs(withDate("/rapporten/overzicht?periode=2025"), RunningHub.key("llko-gent"), "text/csv").body();
        assertTrue(csv.split("\r\n")[1].endsWith(";7;;5;;;;;0;"), csv);
        String turtle = hub.getAs(withDate("/rapporten/overzicht?periode=2025"), RunningHub.key("llko-gent"), "text/turtle").body();
        assertTrue(turtle.contains("onderdrukt") && !turtle.contains("kohub:beantwoord"), turtle);

        assertEquals(403, hub.getAs("/rapporten/overzicht?periode=2025&gemeente=71072", RunningHub.key("llko-gent"), "application/json").statusCode());
        assertEquals(403, hub.getAs("/rapporten/overzicht?periode=2025&llko=71072", RunningHub.key("llko-gent"), "application/json").statusCode());
        assertEquals(403, hub.getAs("/rapporten/overzicht?periode=2025", RunningHub.key("ko-stad-gent"), "application/json").statusCode());
        assertEquals(401, hub.get("/rapporten/overzicht?periode=2025", "application/json").statusCode());
    }

    @Test
    @Order(5)
    void figuresNeverCarryPersonalData() {
        for (String report : List.of("overzicht", "woongemeente", "locatiegemeente", "loket", "categorie", "leeftijd", "trend")) {
            for (String accept : List.of("application/json", "text/csv", "text/turtle")) {
                String body = hub.getAs(withDate("/rapporten/" + report + "?periode=2025"), ANALYST, accept).body();
                assertTrue(!body.contains("Ouder") && !body.contains("/id/kind/") && !body.contains("/id/aanvraag/") && !body.contains("KC"),
                        report + " " + accept + " names no person, child or request: " + body);
            }
        }
    }

    @Test
    @Order(6)
    void badParametersAreClearErrors() {
        for (String path : List.of("/rapporten/overzicht?periode=2025-K5", "/rapporten/overzicht?gemeente=gent",
                "/rapporten/overzicht?peildatum=2025-13-01", "/rapporten/overzicht?llko=1", "/rapporten/overzicht?formaat=xls",
                "/rapporten/uitkomsten?periode=2025")) {
            HttpResponse<String> response = hub.getAs(path, ANALYST, "application/json");
            assertEquals(400, response.statusCode(), path + " " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"), path);
        }
        assertEquals(404, hub.getAs("/rapporten/bestaat-niet", ANALYST, "application/json").statusCode());
        assertEquals(406, hub.getAs("/rapporten/overzicht", ANALYST, "image/png").statusCode());
    }

    @Test
    @Order(7)
    void aLaterWriteShowsAtOnce() {
        JsonNode before = RunningHub.json(hub.getAs(withDate("/rapporten/overzicht?periode=2025"), ANALYST, "application/json")).get("rijen").get(0);
        assertEquals(1, before.get("lopend").asLong());
        CLOCK.set(java.time.Instant.parse("2026-01-10T10:00:00Z"));
        String f1 = data.id("F1");
        HttpResponse<String> withdrawn = hub.post(HandBuiltDataset.path(f1) + "/status", RunningHub.key("llko-gent"), "application/json",
                "{\"status\": \"geannuleerd\", \"reden\": \"ingetrokken-door-ouder\"}".getBytes());
        assertEquals(200, withdrawn.statusCode(), withdrawn.body());
        JsonNode after = RunningHub.json(hub.getAs(withDate("/rapporten/overzicht?periode=2025"), ANALYST, "application/json")).get("rijen").get(0);
        assertEquals(0, after.get("lopend").asLong());
        assertEquals(2, after.get("geannuleerd").asLong());
        assertEquals(7, after.get("uniekeAanvragen").asLong());
    }
}
