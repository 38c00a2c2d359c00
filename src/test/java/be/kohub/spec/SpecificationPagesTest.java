package be.kohub.spec;

import static be.kohub.RunningHub.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import be.kohub.RunningHub;
import be.kohub.ingest.DocumentReader;

/**
 * The generated specification pages, read from a real hub as a browser's parser reads them, and
 * checked against the shape, ontology and OSLO files as this test reads them itself with Jena:
 * every property shape of a document type is on its page with its field name, cardinality and
 * datatype, class or code list (with all its values); own terms carry their reason, OSLO terms
 * are marked reused; the example validates; the diagram has every class and relation, drawn
 * between the right boxes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpecificationPagesTest {
    private static final String SH = "http://www.w3.org/ns/shacl#";
    private static final String KOHUB = "https://data.kohub.be/ns/kohub#";
    private final Model shapes = readAll(Path.of("shapes"));
    private final Model ontology = readAll(Path.of("ontology"));
    private final Model oslo = readAll(Path.of("src/main/resources/oslo"));
    private RunningHub hub;

    @BeforeAll
    void start() {
        hub = RunningHub.start();
    }

    @AfterAll
    void close() {
        hub.close();
    }

    @ParameterizedTest
    @CsvSource({"locatie, http://www.w3.org/ns/org#Site", "aanvraag, https://data.kohub.be/ns/kohub#Aanvraag",
            "toewijzing, https://data.kohub.be/ns/kohub#Toewijzing"})
    void everyPropertyOfTheShapesIsOnThePageWithItsCardinalityAndValue(String type, String rootClass) {
        Document page = page(type);
        List<Resource> closure = closure(rootClass);
        assertEquals(closure.size(), page.select("section.klasse").size(), "one section per node shape");
        for (Resource shape : closure) {
            Element section = page.selectFirst("section.klasse[data-vorm=\"" + shape.getURI() + "\"]");
            assertNotNull(section, type + ": no section for " + shape);
            List<Resource> properties = properties(shape);
            assertEquals(properties.size(), section.select("tr.eigenschap").size(), shape + ": one row per property shape");
            for (Resource p : properties) {
                String where = type + " " + shape.getLocalName() + " " + pathKey(p);
                Element row = section.selectFirst("tr.eigenschap[data-pad=\"" + pathKey(p) + "\"]");
                assertNotNull(row, where + ": no row");
                assertEquals(literal(p, "name"), row.selectFirst("td.veld").text(), where + ": the context's field name is the shape's sh:name");
                assertEquals(cardinality(p), row.selectFirst("td.aantal").text(), where);
                checkValue(page, p, row.selectFirst("td.waarde"), where);
                String message = nl(p, sh("message"));
                if (message != null)
                    assertEquals("Regel: " + message, row.selectFirst("td.betekenis .regel").text(), where + ": the rule as the shape says it");
            }
        }
    }

    private void checkValue(Document page, Resource p, Element cell, String where) {
        Resource scheme = scheme(p);
        RDFNode datatype = p.getPropertyResourceValue(sh("datatype"));
        Resource cls = p.getPropertyResourceValue(sh("class"));
        Resource node = p.getPropertyResourceValue(sh("node"));
        if (p.hasProperty(sh("maxCount")) && p.getProperty(sh("maxCount")).getInt() == 0) {
            assertEquals("geen", cell.attr("data-soort"), where + ": not to be sent");
        } else if (scheme != null) {
            assertEquals("codelijst", cell.attr("data-soort"), where);
            Element list = target(page, cell, where);
            assertEquals(scheme.getURI(), list.attr("data-iri"), where + ": links its code list");
            Set<String> codes = new TreeSet<>();
            list.select("td.code").forEach(c -> codes.add(c.text()));
            Set<String> expected = new TreeSet<>();
            ontology.listSubjectsWithProperty(SKOS.inScheme, scheme).forEach(c -> expected.add(
                    c.hasProperty(SKOS.notation) ? c.getProperty(SKOS.notation).getString() : c.getURI().substring(c.getURI().lastIndexOf('/') + 1)));
            assertFalse(expected.isEmpty(), where);
            assertEquals(expected, codes, where + ": every value of " + scheme);
        } else if (datatype != null) {
            assertEquals("datatype", cell.attr("data-soort"), where);
            assertEquals(compact(datatype.asResource()), cell.selectFirst("code").text(), where);
        } else if (cls != null && !cls.equals(SKOS.Concept)) {
            assertEquals("klasse", cell.attr("data-soort"), where);
            assertEquals(compact(cls), cell.selectFirst("code").text(), where);
            if (node != null)
                assertEquals(node.getURI(), target(page, cell, where).attr("data-vorm"), where + ": links the shape of its value");
        } else if (node != null) {
            assertEquals("vorm", cell.attr("data-soort"), where);
            assertEquals(node.getURI(), target(page, cell, where).attr("data-vorm"), where);
        } else {
            assertEquals(sh("IRI"), p.getPropertyResourceValue(sh("nodeKind")), where + ": the only other kind the shapes use");
            assertEquals("iri", cell.attr("data-soort"), where);
            assertTrue(cell.text().startsWith("IRI"), where);
        }
    }

    @ParameterizedTest
    @CsvSource({"locatie, http://www.w3.org/ns/org#Site", "aanvraag, https://data.kohub.be/ns/kohub#Aanvraag",
            "toewijzing, https://data.kohub.be/ns/kohub#Toewijzing"})
    void ownTermsGiveTheirReasonAndOsloTermsAreMarkedReused(String type, String rootClass) {
        Document page = page(type);
        int own = 0, reused = 0;
        for (Element row : page.select("tr.eigenschap")) {
            String iri = row.attr("data-pad").replaceFirst("^\\^", "");
            Element alignment = row.selectFirst("td.afstemming div.oslo");
            String kind = alignment.attr("data-oslo");
            if (iri.startsWith(KOHUB)) {
                own++;
                assertEquals("eigen", kind, iri);
                assertReason(alignment, iri);
            } else if (osloHas(iri)) {
                reused++;
                assertEquals("hergebruikt", kind, iri);
                assertFalse(alignment.selectFirst(".oslo-term").text().isBlank(), iri + ": names the OSLO term");
                assertTrue(alignment.selectFirst("a[href^=\"https://data.vlaanderen.be/doc/applicatieprofiel/\"]") != null, iri + ": links the profile");
            } else {
                assertEquals("elders", kind, iri);
                assertReason(alignment, iri);
            }
        }
        for (Element section : page.select("section.klasse[data-klasse]")) {
            String iri = section.attr("data-klasse");
            Element alignment = section.selectFirst("div.oslo");
            if (iri.startsWith(KOHUB)) {
                assertEquals("eigen", alignment.attr("data-oslo"), iri);
                assertReason(alignment, iri);
            } else if (osloHas(iri)) {
                assertEquals("hergebruikt", alignment.attr("data-oslo"), iri);
            }
        }
        assertTrue(own > 0 && (reused > 0 || !type.equals("locatie")), type + ": " + own + " own, " + reused + " reused");
    }

    /** The reason shown is the term's kohub:osloAfstemming in the ontology, in Dutch and English. */
    private void assertReason(Element alignment, String iri) {
        Property note = ontology.createProperty(KOHUB + "osloAfstemming");
        String nl = nl(ontology.createResource(iri), note);
        assertNotNull(nl, iri + " has no kohub:osloAfstemming in ontology/");
        assertEquals(nl, alignment.selectFirst(".reden").text(), iri);
        assertFalse(alignment.selectFirst(".reden-en").text().isBlank(), iri + ": the reason in English");
    }

    @ParameterizedTest
    @CsvSource({"locatie, http://www.w3.org/ns/org#Site", "aanvraag, https://data.kohub.be/ns/kohub#Aanvraag",
            "toewijzing, https://data.kohub.be/ns/kohub#Toewijzing"})
    void theExampleIsASampleDocumentThatValidates(String type, String rootClass) throws IOException {
        Element example = page(type).selectFirst("code#voorbeeld-document");
        String file = example.attr("data-bestand");
        assertEquals(Files.readString(RunningHub.SAMPLES.resolve(file)), example.wholeText(), "the sample file as it is");
        byte[] body = example.wholeText().getBytes(StandardCharsets.UTF_8);
        var graph = hub.hub.reader().readOne(body, DocumentReader.Format.JSONLD);
        assertTrue(graph.contains(org.apache.jena.graph.Node.ANY, RDF.type.asNode(), org.apache.jena.graph.NodeFactory.createURI(rootClass)),
                "an example of " + type);
        HttpResponse<String> answer = hub.post("/validatie", null, "application/ld+json", body);
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(json(answer).get("conforms").asBoolean(), answer.body());
    }

    @ParameterizedTest
    @CsvSource({"locatie, http://www.w3.org/ns/org#Site", "aanvraag, https://data.kohub.be/ns/kohub#Aanvraag",
            "toewijzing, https://data.kohub.be/ns/kohub#Toewijzing"})
    void theDiagramHasEveryClassAndRelation(String type, String rootClass) {
        Element svg = page(type).selectFirst("figure.diagram svg");
        assertNotNull(svg, type);
        int relations = 0;
        for (Resource shape : closure(rootClass)) {
            Element from = svg.selectFirst("g.doos[data-vorm=\"" + shape.getURI() + "\"]");
            assertNotNull(from, type + ": no box for " + shape);
            for (Resource p : properties(shape)) {
                if (p.hasProperty(sh("maxCount")) && p.getProperty(sh("maxCount")).getInt() == 0)
                    continue;
                Resource node = p.getPropertyResourceValue(sh("node"));
                Resource cls = p.getPropertyResourceValue(sh("class"));
                String target = node != null && node.isURIResource() ? node.getURI()
                        : cls != null && !cls.equals(SKOS.Concept) ? cls.getURI() : null;
                if (target == null)
                    continue;
                relations++;
                String where = type + " " + shape.getLocalName() + " " + pathKey(p);
                Element edge = svg.selectFirst("g.rel[data-van=\"" + shape.getURI() + "\"][data-pad=\"" + pathKey(p) + "\"]");
                assertNotNull(edge, where + ": no arrow");
                assertEquals(target, edge.attr("data-naar"), where);
                Element to = svg.selectFirst("g.doos[data-sleutel=\"" + target + "\"]");
                assertNotNull(to, where + ": no box for " + target);
                if (cls != null && !cls.equals(SKOS.Concept))
                    assertEquals(cls.getURI(), to.attr("data-klasse"), where + ": the box names the class");
                // The arrow leaves its box's right edge and ends on an edge of the target's box.
                double[] d = points(edge.selectFirst("path").attr("d"));
                double[] a = rect(from), b = rect(to);
                assertEquals(a[0] + a[2], d[0], 0.01, where);
                assertTrue(d[1] >= a[1] && d[1] <= a[1] + a[3], where);
                assertTrue(d[2] == b[0] || d[2] == b[0] + b[2], where);
                assertTrue(d[3] >= b[1] && d[3] <= b[1] + b[3], where);
                assertFalse(edge.selectFirst("text").text().isBlank(), where + ": labelled");
            }
        }
        assertEquals(relations, svg.select("g.rel").size(), type + ": no other arrows");
        assertTrue(relations > 0, type);
    }

    @Test
    void theIndexLinksEveryTypeAndAnUnknownTypeIsAProblem() {
        HttpResponse<String> index = hub.get("/specificatie", "text/html");
        assertEquals(200, index.statusCode());
        Document doc = Jsoup.parse(index.body(), hub.url("/specificatie"));
        Set<String> linked = new LinkedHashSet<>();
        for (Element a : doc.select("table.documenttypes a"))
            linked.add(a.absUrl("href"));
        assertEquals(Set.of(hub.url("/specificatie/locatie"), hub.url("/specificatie/aanvraag"), hub.url("/specificatie/toewijzing")), linked);
        HttpResponse<String> unknown = hub.get("/specificatie/kindcode", "text/html");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(404, json(unknown).get("status").asInt());
        assertTrue(json(unknown).get("detail").asText().contains("locatie, aanvraag, toewijzing"), unknown.body());
    }

    @Test
    void thePagesRunNoScriptAndAllowOnlyTheirOwnStyle() throws Exception {
        for (String type : List.of("locatie", "aanvraag", "toewijzing")) {
            HttpResponse<String> answer = hub.get("/specificatie/" + type, "text/html");
            assertEquals("text/html;charset=utf-8", answer.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
            String policy = answer.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(policy.startsWith("default-src 'none';"), policy);
            Document doc = Jsoup.parse(answer.body());
            assertTrue(doc.select("script").isEmpty());
            assertTrue(doc.select("[style]").isEmpty(), "no inline style attributes: the policy would block them");
            String style = doc.selectFirst("head style").data();
            String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8)));
            assertTrue(policy.contains("style-src 'sha256-" + hash + "'"), "the policy allows exactly the page's style sheet");
        }
    }

    // --- the shapes as this test reads them -------------------------------------------------------

    /** The node shapes a document of this root class is checked against: the root shape and every sh:node shape below it. */
    private List<Resource> closure(String rootClass) {
        List<Resource> roots = shapes.listSubjectsWithProperty(sh("targetClass"), shapes.createResource(rootClass)).toList();
        assertEquals(1, roots.size(), rootClass);
        List<Resource> closure = new ArrayList<>(roots);
        for (int i = 0; i < closure.size(); i++)
            for (Resource p : properties(closure.get(i))) {
                Resource node = p.getPropertyResourceValue(sh("node"));
                if (node != null && node.isURIResource() && !closure.contains(node))
                    closure.add(node);
            }
        return closure;
    }

    private List<Resource> properties(Resource shape) {
        return shape.listProperties(sh("property")).mapWith(s -> s.getObject().asResource()).toList();
    }

    private String pathKey(Resource p) {
        Resource path = p.getPropertyResourceValue(sh("path"));
        return path.isURIResource() ? path.getURI() : "^" + path.getPropertyResourceValue(sh("inversePath")).getURI();
    }

    private String cardinality(Resource p) {
        int min = p.hasProperty(sh("minCount")) ? p.getProperty(sh("minCount")).getInt() : 0;
        String max = p.hasProperty(sh("maxCount")) ? String.valueOf(p.getProperty(sh("maxCount")).getInt()) : "*";
        return min + ".." + max;
    }

    /** The code list of a property: {@code sh:node [ sh:property [ sh:path skos:inScheme ; sh:hasValue S ] ]}. */
    private Resource scheme(Resource p) {
        Resource node = p.getPropertyResourceValue(sh("node"));
        if (node == null || !node.isAnon())
            return null;
        for (Resource q : properties(node))
            if (SKOS.inScheme.equals(q.getPropertyResourceValue(sh("path"))))
                return q.getPropertyResourceValue(sh("hasValue"));
        return null;
    }

    private boolean osloHas(String iri) {
        Resource term = oslo.createResource(iri);
        return oslo.contains(null, sh("path"), term) || oslo.contains(null, sh("targetClass"), term);
    }

    private String compact(Resource iri) {
        return shapes.shortForm(iri.getURI());
    }

    private String literal(Resource subject, String shProperty) {
        return subject.getProperty(sh(shProperty)).getString();
    }

    private static String nl(Resource subject, Property property) {
        return subject.listProperties(property).toList().stream().map(s -> s.getObject())
                .filter(o -> o.isLiteral() && "nl".equals(o.asLiteral().getLanguage())).map(o -> o.asLiteral().getString())
                .findFirst().orElse(null);
    }

    private Property sh(String local) {
        return shapes.createProperty(SH + local);
    }

    // --- the page --------------------------------------------------------------------------------

    private Document page(String type) {
        HttpResponse<String> answer = hub.get("/specificatie/" + type, "text/html");
        assertEquals(200, answer.statusCode(), answer.body());
        return Jsoup.parse(answer.body());
    }

    /** The element a cell's link points to on the same page. */
    private static Element target(Document page, Element cell, String where) {
        Element link = cell.selectFirst("a[href^=\"#\"]");
        assertNotNull(link, where + ": no link");
        Element target = page.getElementById(link.attr("href").substring(1));
        assertNotNull(target, where + ": link to nothing " + link.attr("href"));
        return target;
    }

    /** Start and end point of an arrow's path "M x1 y1 C … x2 y2". */
    private static double[] points(String d) {
        String[] n = d.replaceAll("[MC]", " ").trim().split("\\s+");
        return new double[] {Double.parseDouble(n[0]), Double.parseDouble(n[1]), Double.parseDouble(n[n.length - 2]),
                Double.parseDouble(n[n.length - 1])};
    }

    private static double[] rect(Element box) {
        Element r = box.selectFirst("rect");
        return new double[] {Double.parseDouble(r.attr("x")), Double.parseDouble(r.attr("y")), Double.parseDouble(r.attr("width")),
                Double.parseDouble(r.attr("height"))};
    }

    /** The current version's files: archived versions ({@code shapes/versies/}) are not on the pages. */
    private static Model readAll(Path folder) {
        Model model = ModelFactory.createDefaultModel();
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(f -> f.toString().endsWith(".ttl") && !folder.relativize(f).startsWith("versies")).sorted().forEach(f -> RDFDataMgr.read(model, f.toString()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return model;
    }
}
