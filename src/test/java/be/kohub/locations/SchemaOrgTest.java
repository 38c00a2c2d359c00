package be.kohub.locations;

import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.RdfDataset;
import com.apicatalog.rdf.RdfLiteral;
import com.apicatalog.rdf.RdfTriple;
import com.apicatalog.rdf.RdfValue;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonArray;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import be.kohub.RunningHub;
import be.kohub.http.SchemaOrgContext;

/**
 * {@code GET /locaties/{id}/schemaorg}: each posted sample sheet as a schema.org ChildCare, compared
 * with the stored sheet (not with strings written here), read as JSON-LD with the schema.org
 * context, and the same graph as its Turtle form.
 */
class SchemaOrgTest {
    static final String SCHEMA = "http://schema.org/";
    static final List<String> DAYS = List.of("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su");
    static final List<String> DAY_NAMES = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
    static RunningHub hub;
    static Map<String, String> sheets;

    @BeforeAll
    static void start() {
        hub = RunningHub.start();
        sheets = hub.loadSampleLocations();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void aSheetAsChildCareCarriesTheStoredNameAddressPointAndContact() {
        String iri = sheets.get("gent-kdv-de-knuffelboom");
        JsonNode stored = json(hub.get(path(iri), "application/ld+json"));
        HttpResponse<String> answer = hub.get(path(iri) + "/schemaorg", null);
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("application/ld+json", answer.headers().firstValue("Content-Type").orElseThrow());
        JsonNode care = json(answer);

        assertEquals(SchemaOrgContext.IRI, care.get("@context").asText());
        assertEquals("ChildCare", care.get("@type").asText());
        assertEquals(iri, care.get("@id").asText());
        assertEquals(iri, care.get("sameAs").asText());
        assertFalse(care.get("isAccessibleForFree").asBoolean(true));
        assertEquals(stored.get("naam").asText(), care.get("name").asText());
        assertEquals(stored.at("/opvangaanbod/beschrijving").asText(), care.get("description").asText());

        JsonNode address = stored.at("/contactinfo/adres");
        assertEquals("PostalAddress", care.at("/address/@type").asText());
        assertEquals(address.get("straat").asText() + " " + address.get("huisnummer").asText(), care.at("/address/streetAddress").asText());
        assertEquals(address.get("postcode").asText(), care.at("/address/postalCode").asText());
        assertEquals(address.get("gemeentenaam").asText(), care.at("/address/addressLocality").asText());
        assertEquals("BE", care.at("/address/addressCountry").asText());

        Matcher point = Pattern.compile("^POINT ?\\((\\S+) (\\S+)\\)$").matcher(stored.at("/geometrie/wkt").asText());
        assertTrue(point.matches());
        assertEquals("GeoCoordinates", care.at("/geo/@type").asText());
        assertTrue(care.at("/geo/latitude").isNumber() && care.at("/geo/longitude").isNumber());
        assertEquals(0, new BigDecimal(point.group(2)).compareTo(care.at("/geo/latitude").decimalValue()));
        assertEquals(0, new BigDecimal(point.group(1)).compareTo(care.at("/geo/longitude").decimalValue()));

        JsonNode contact = stored.get("contactinfo");
        assertEquals(contact.get("telefoon").asText(), care.get("telephone").asText());
        assertEquals(contact.get("email").asText(), care.get("email").asText());
        assertEquals(contact.get("website").asText(), care.get("url").asText());
        assertEquals(contact.get("openingsuren").asText(), care.get("openingHours").asText());
        assertEquals(days(contact.get("openingsuren").asText()), days(care));

        assertEquals(stored.at("/organisator/naam").asText(), care.at("/parentOrganization/name").asText());
        assertEquals(stored.at("/organisator/registratie/notatie").asText(), care.at("/parentOrganization/identifier/value").asText());
        assertEquals(stored.at("/identificator/0/notatie").asText(), care.at("/identifier/value").asText());
    }

    @Test
    void theJsonLdExpandsToSchemaOrgChildCareAndIsTheSameGraphAsTheTurtle() throws Exception {
        String iri = sheets.get("gent-kdv-de-knuffelboom");
        String body = hub.get(path(iri) + "/schemaorg", "application/ld+json").body();
        // Read as a JSON-LD processor reads it, with the context it names (bundled: nothing is fetched).
        JsonLdOptions options = new JsonLdOptions(new SchemaOrgContext());
        JsonArray expanded = JsonLd.expand(JsonDocument.of(new StringReader(body))).options(options).get();
        assertEquals(1, expanded.size());
        assertEquals(SCHEMA + "ChildCare", expanded.getJsonObject(0).getJsonArray("@type").getString(0));
        assertEquals(iri, expanded.getJsonObject(0).getString("@id"));

        Graph fromJsonLd = GraphFactory.createDefaultGraph();
        RdfDataset dataset = JsonLd.toRdf(JsonDocument.of(new StringReader(body))).options(options).get();
        for (RdfTriple t : dataset.getDefaultGraph().toList())
            fromJsonLd.add(Triple.create(node(t.getSubject()), node(t.getPredicate()), node(t.getObject())));
        HttpResponse<String> turtle = hub.get(path(iri) + "/schemaorg", "text/turtle");
        assertEquals(200, turtle.statusCode());
        Graph fromTurtle = GraphFactory.createDefaultGraph();
        RDFParser.fromString(turtle.body(), Lang.TURTLE).parse(fromTurtle);
        assertTrue(numbersAsText(fromJsonLd).isIsomorphicWith(numbersAsText(fromTurtle)), () -> fromJsonLd + "\n----\n" + fromTurtle);
        assertTrue(fromTurtle.contains(NodeFactory.createURI(iri), NodeFactory.createURI(SCHEMA + "name"), Node.ANY));
    }

    @Test
    void everySampleSheetKeepsItsNameAndOpeningDays() {
        assertEquals(36, sheets.size());
        Set<String> lines = new TreeSet<>();
        for (String iri : sheets.values()) {
            JsonNode stored = json(hub.get(path(iri), "application/ld+json"));
            JsonNode care = json(hub.get(path(iri) + "/schemaorg", null));
            assertEquals(stored.get("naam").asText(), care.get("name").asText(), iri);
            String line = stored.at("/contactinfo/openingsuren").asText();
            lines.add(line);
            assertEquals(days(line), days(care), line);
            assertEquals(line.substring(line.indexOf(' ') + 1, line.lastIndexOf('-')), care.at("/openingHoursSpecification/opens").asText(), line);
            assertEquals(line.substring(line.lastIndexOf('-') + 1), care.at("/openingHoursSpecification/closes").asText(), line);
        }
        // The samples hold ranges, a list and a Saturday: the query's day rules all ran.
        assertTrue(lines.stream().anyMatch(l -> l.contains(",")) && lines.stream().anyMatch(l -> l.startsWith("Mo-Sa")), lines.toString());
    }

    @Test
    void theBundledContextIsAFaithfulSubsetOfSchemaOrgs() throws Exception {
        JsonNode context;
        try (InputStream in = SchemaOrgContext.class.getResourceAsStream(SchemaOrgContext.RESOURCE)) {
            context = RunningHub.JSON.readTree(in).get("@context");
        }
        // schema.org's context (release 29.0): @vocab http://schema.org/, every term "schema:<term>",
        // and of the terms here only url and sameAs typed (as @id).
        assertEquals(SCHEMA, context.get("@vocab").asText());
        List<String> wrong = new ArrayList<>();
        context.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("@"))
                return;
            JsonNode term = e.getValue();
            boolean typed = Set.of("url", "sameAs").contains(e.getKey());
            if (!term.path("@id").asText().equals(SCHEMA + e.getKey()) || term.size() != (typed ? 2 : 1)
                    || typed && !term.path("@type").asText().equals("@id"))
                wrong.add(e.getKey() + ": " + term);
        });
        assertTrue(wrong.isEmpty(), wrong.toString());
    }

    @Test
    void theSheetLinksItsSchemaOrgFormAndItHasItsOwnValidator() {
        String iri = sheets.get("leuven-kdv-campuskinderen");
        HttpResponse<String> sheet = hub.get(path(iri), null);
        String link = sheet.headers().firstValue("Link").orElseThrow();
        assertTrue(link.startsWith("<" + path(iri) + "/schemaorg>") && link.contains("rel=\"alternate\"") && link.contains("https://schema.org"), link);
        HttpResponse<String> care = hub.get(path(iri) + "/schemaorg", null);
        String etag = care.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(sheet.headers().firstValue("ETag").orElseThrow(), etag);
        assertEquals(304, hub.get(path(iri) + "/schemaorg", null, Map.of("If-None-Match", etag)).statusCode());
    }

    @Test
    void anUnknownOrWithdrawnSheetIs404() {
        for (String id : List.of("00000000-0000-0000-0000-000000000000", "geen-uuid")) {
            HttpResponse<String> unknown = hub.get("/locaties/" + id + "/schemaorg", null);
            assertEquals(404, unknown.statusCode());
            assertTrue(unknown.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        }
        String iri = sheets.get("oostende-kdv-zeesterretje");
        assertEquals(200, hub.get(path(iri) + "/schemaorg", null).statusCode());
        assertEquals(204, hub.delete(path(iri), key("opgroeien"), Map.of()).statusCode());
        HttpResponse<String> withdrawn = hub.get(path(iri) + "/schemaorg", null);
        assertEquals(404, withdrawn.statusCode(), withdrawn.body());
        assertTrue(withdrawn.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
    }

    /** The days a schema.org opening-hours line names ("Mo-Fr", "Mo,Tu,Th,Fr", "Sa-Mo"), as day names. */
    static Set<String> days(String line) {
        Set<String> days = new HashSet<>();
        for (String part : line.substring(0, line.indexOf(' ')).split(",")) {
            String[] ends = part.split("-");
            days.add(DAY_NAMES.get(DAYS.indexOf(ends[0])));
            for (int i = 0; i + 1 < ends.length; i++) {
                int from = DAYS.indexOf(ends[i]), to = DAYS.indexOf(ends[i + 1]);
                for (int k = 0; k < 7; k++) {
                    days.add(DAY_NAMES.get((from + k) % 7));
                    if ((from + k) % 7 == to)
                        break;
                }
            }
        }
        return days;
    }

    /** The days of the answer's opening-hours specification, as day names. */
    static Set<String> days(JsonNode care) {
        Set<String> days = new HashSet<>();
        JsonNode values = care.at("/openingHoursSpecification/dayOfWeek");
        (values.isArray() ? values : RunningHub.JSON.createArrayNode().add(values))
                .forEach(d -> days.add(d.get("@id").asText().substring(SCHEMA.length())));
        return days;
    }

    /** A JSON number reads back as xsd:double where the Turtle says xsd:decimal: compare their values as text. */
    private static Graph numbersAsText(Graph graph) {
        Graph out = GraphFactory.createDefaultGraph();
        graph.find().forEachRemaining(t -> {
            Node o = t.getObject();
            if (o.isLiteral() && (o.getLiteralDatatypeURI().endsWith("#decimal") || o.getLiteralDatatypeURI().endsWith("#double")))
                o = NodeFactory.createLiteralString(new BigDecimal(o.getLiteralLexicalForm()).stripTrailingZeros().toPlainString());
            out.add(Triple.create(t.getSubject(), t.getPredicate(), o));
        });
        return out;
    }

    private static Node node(RdfValue value) {
        if (value.isIRI())
            return NodeFactory.createURI(value.getValue());
        if (value.isBlankNode())
            return NodeFactory.createBlankNode(value.getValue());
        RdfLiteral literal = value.asLiteral();
        return literal.getLanguage().isPresent()
                ? NodeFactory.createLiteralLang(literal.getValue(), literal.getLanguage().get())
                : NodeFactory.createLiteralDT(literal.getValue(), org.apache.jena.datatypes.TypeMapper.getInstance().getSafeTypeByName(literal.getDatatype()));
    }

    private static String path(String iri) {
        return "/locaties/" + iri.substring(iri.lastIndexOf('/') + 1);
    }
}
