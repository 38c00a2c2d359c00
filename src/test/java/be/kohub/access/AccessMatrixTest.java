package be.kohub.access;

import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import be.kohub.RunningHub;
import be.kohub.requests.StoryFixtures;

/**
 * The access matrix of docs/security.md, driven through the real HTTP API: every role against
 * every route, with its own and with foreign resources. Each cell is the expected status; reads
 * also check that the data a role may see is there and the data it may not see is absent. A
 * write a role may do is sent with an empty body, so that its 400/422 proves it got past access
 * control without changing anything; every refused or invalid write leaves the store unchanged.
 * A route without a row fails the test, so a new route cannot skip the matrix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {
    /** The callers, in the column order of the expectations below; null is anonymous. */
    private static final List<String> CALLERS = List.of("publiek", "llko-gent", "llko-hasselt", "ko-stad-gent",
            "ko-kinderkorf-limburg", "ko-wolkje", "opgroeien-analist", "opgroeien");
    private RunningHub hub;
    private StoryFixtures fixtures;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Set<String> covered = new TreeSet<>();
    private final List<String> failures = new ArrayList<>();

    @BeforeAll
    void story() {
        hub = RunningHub.start();
        fixtures = new StoryFixtures(hub);
        // RG: registered in Gent, the family lives in Gent and chose Stad Gent's locations; consent.
        String childA = fixtures.child();
        ids.put("childA", childA);
        ids.put("RG", fixtures.request("llko-gent", childA, doc -> {}).get("id").asText());
        // RH: registered in Hasselt for a Hasselt family at Kinderkorf's Kuringen location; no consent.
        String childB = fixtures.child();
        ids.put("RH", fixtures.request("llko-hasselt", childB, doc -> fixtures.atKuringen(doc, "71072", false, "Vermeulen")).get("id").asText());
        // RC: registered in Hasselt, but the family lives in Gent; consent. RD: the same without consent.
        ids.put("RC", fixtures.request("llko-hasselt", fixtures.child(), doc -> fixtures.atKuringen(doc, "44021", true, "Janssens")).get("id").asText());
        ids.put("RD", fixtures.request("llko-hasselt", fixtures.child(), doc -> fixtures.atKuringen(doc, "44021", false, "Claes")).get("id").asText());
        // AH: Kinderkorf assigns child B a place at Kuringen, answering RH.
        HttpResponse<String> assigned = fixtures.assignment("ko-kinderkorf-limburg", childB, doc -> {
            doc.put("vestiging", fixtures.location("hasselt-kinderkorf-kuringen"));
            doc.put("aanvraag", ids.get("RH"));
        });
        assertEquals(201, assigned.statusCode(), assigned.body());
        ids.put("AH", json(assigned).get("id").asText());
        // SUB: llko-gent's webhook subscription, to a public address (TEST-NET-2) for an event type nothing here causes
        HttpResponse<String> subscribed = hub.post("/abonnementen", key("llko-gent"), "application/json",
                "{\"callbackUrl\": \"https://198.51.100.7/kohub\", \"gebeurtenistypes\": [\"locatie.ingetrokken\"]}".getBytes(StandardCharsets.UTF_8));
        assertEquals(201, subscribed.statusCode(), subscribed.body());
        ids.put("SUB", json(subscribed).get("id").asText());
    }


    @AfterAll
    void close() {
        hub.close();
    }

    @Test
    void everyRoleAgainstEveryRoute() {
        String rg = StoryFixtures.path(ids.get("RG")), rh = StoryFixtures.path(ids.get("RH"));
        String rc = StoryFixtures.path(ids.get("RC")), rd = StoryFixtures.path(ids.get("RD"));
        String ah = StoryFixtures.path(ids.get("AH"));
        String gentLocation = ids.get("RG") == null ? null : fixtures.location("gent-kdv-de-knuffelboom");
        String gentPath = gentLocation.substring(gentLocation.indexOf("/id/")).replace("/id/locatie/", "/locaties/");
        String child = ids.get("childA");
        String cancel = "{\"status\": \"geannuleerd\", \"reden\": \"vervallen\"}";
        String noConsent = "{\"toestemmingDelen\": false}";
        //                                                     publiek llko-gent llko-hasselt ko-stad-gent kinderkorf wolkje analist beheer
        // requests: own, foreign, shared by consent, not shared without it
        read("GET /aanvragen/{id}", rg, "401 200 404 200 404 404 200 200");
        shows(rg, "El Amrani", "llko-gent", "ko-stad-gent", "opgroeien");
        hides(rg, "El Amrani", "opgroeien-analist");
        read("GET /aanvragen/{id}", rh, "401 404 200 404 200 404 200 200");
        shows(rh, "Vermeulen", "llko-hasselt", "opgroeien");
        hides(rh, "Vermeulen", "ko-kinderkorf-limburg", "opgroeien-analist");
        read("GET /aanvragen/{id}", rc, "401 200 200 404 200 404 200 200");
        shows(rc, "Janssens", "llko-gent", "llko-hasselt", "ko-kinderkorf-limburg", "opgroeien");
        read("GET /aanvragen/{id}", rd, "401 404 200 404 200 404 200 200");
        hides(rd, "Claes", "ko-kinderkorf-limburg", "opgroeien-analist");
        String byLocation = "/aanvragen?locatie=" + URLEncoder.encode(gentLocation, StandardCharsets.UTF_8);
        read("GET /aanvragen", byLocation, "401 403 403 200 403 403 403 200");
        shows(byLocation, ids.get("RG"), "ko-stad-gent", "opgroeien");
        write("POST /aanvragen", "/aanvragen", "{}", "401 422 422 422 422 422 403 422");
        write("POST /aanvragen/{id}/status", rg + "/status", "{}", "401 422 422 422 422 422 403 422");
        write("POST /aanvragen/{id}/status", rg + "/status", cancel, "401 - 404 403 404 404 403 -");
        write("POST /aanvragen/{id}/status", rh + "/status", cancel, "401 404 - 404 403 404 403 -");
        write("POST /aanvragen/{id}/toestemming", rg + "/toestemming", "{}", "401 422 422 422 422 422 403 422");
        write("POST /aanvragen/{id}/toestemming", rg + "/toestemming", noConsent, "401 - 404 403 404 404 403 -");
        write("POST /aanvragen/{id}/toestemming", rc + "/toestemming", noConsent, "401 403 - 404 403 404 403 -");
        // the cross-counter view and the child
        read("GET /kinderen/{code}/aanvragen", "/kinderen/" + child + "/aanvragen", "401 200 403 403 403 403 403 200");
        read("GET /kindcodes/{code}", "/kindcodes/" + child, "401 200 200 200 200 200 200 200");
        hides("/kindcodes/" + child, "insz", CALLERS.subList(1, CALLERS.size()).toArray(String[]::new));
        write("POST /kindcodes", "/kindcodes", "{}", "401 422 422 422 422 422 403 422");
        write("POST /kindcodes/{code}/geboorte", "/kindcodes/" + child + "/geboorte", "{}", "401 422 422 422 422 422 403 422");
        // assignments: the organiser's own, a counter of the area, the counter whose request it answered
        read("GET /toewijzingen/{id}", ah, "401 404 200 404 200 404 200 200");
        write("POST /toewijzingen", "/toewijzingen", "{}", "401 403 403 422 422 422 403 422");
        String atKuringen = fixtures.assignmentDocument(ids.get("childA"), doc -> doc.put("vestiging", fixtures.location("hasselt-kinderkorf-kuringen")));
        write("POST /toewijzingen", "/toewijzingen", atKuringen, "401 403 403 403 - 403 403 -"); // only at one's own locations
        write("POST /toewijzingen/{id}/aanvaarding", ah + "/aanvaarding", "{}", "401 403 403 404 409 404 403 409");
        write("POST /toewijzingen/{id}/weigering", ah + "/weigering", "{\"reden\": \"andere\"}", "401 403 403 404 409 404 403 409");
        write("POST /toewijzingen/{id}/beeindiging", ah + "/beeindiging", "{}", "401 403 403 422 422 422 403 422");
        write("POST /toewijzingen/{id}/beeindiging", ah + "/beeindiging", "{\"datum\": \"2099-01-01\", \"reden\": \"andere\"}",
                "401 403 403 404 - 404 403 -");
        // location sheets: public reads, writes only by their organiser and beheer
        read("GET /locaties", "/locaties", "200 200 200 200 200 200 200 200");
        read("GET /locaties/{id}", gentPath, "200 200 200 200 200 200 200 200");
        read("GET /locaties/{id}/geschiedenis", gentPath + "/geschiedenis", "200 200 200 200 200 200 200 200");
        read("GET /locaties/{id}/schemaorg", gentPath + "/schemaorg", "200 200 200 200 200 200 200 200");
        write("POST /locaties", "/locaties", "{}", "401 403 403 422 422 422 403 422");
        String sheet = new String(RunningHub.sample("locaties/gent-kdv-de-knuffelboom.jsonld"), StandardCharsets.UTF_8);
        write("PUT /locaties/{id}", gentPath, sheet, "401 403 403 428 403 403 403 428");
        writeWith("DELETE /locaties/{id}", "DELETE", gentPath, null, Map.of("If-Match", "\"v999\""), "401 403 403 412 403 403 403 412");
        // erasure and retention: beheer only (an unknown, well-formed code is 404; the retention run purges nothing yet)
        writeWith("DELETE /kinderen/{code}", "DELETE", "/kinderen/" + unknownCode(), null, Map.of(), "401 403 403 403 403 403 403 404");
        write("POST /beheer/bewaartermijn", "/beheer/bewaartermijn", "{}", "401 403 403 403 403 403 403 200");
        // change feeds: the location feed is public; the request and assignment feeds show each member to whoever reads its document
        for (String at : List.of("/ldes/locaties", "/ldes/locaties/wortel", "/ldes/locaties/pagina/1"))
            read("GET " + at.replace("/1", "/{nummer}"), at, "200 200 200 200 200 200 200 200");
        shows("/ldes/locaties/pagina/1", gentLocation, "publiek");
        for (String feed : List.of("aanvragen", "toewijzingen"))
            for (String at : List.of("/ldes/" + feed, "/ldes/" + feed + "/wortel", "/ldes/" + feed + "/pagina/1"))
                read("GET " + at.replace("/1", "/{nummer}"), at, "401 200 200 200 200 200 200 200");
        shows("/ldes/aanvragen/pagina/1", ids.get("RG") + "/versie/", "llko-gent", "ko-stad-gent", "opgroeien-analist", "opgroeien");
        hides("/ldes/aanvragen/pagina/1", ids.get("RG") + "/versie/", "llko-hasselt", "ko-kinderkorf-limburg", "ko-wolkje");
        shows("/ldes/aanvragen/pagina/1", ids.get("RH") + "/versie/", "llko-hasselt", "ko-kinderkorf-limburg", "opgroeien");
        hides("/ldes/aanvragen/pagina/1", ids.get("RH") + "/versie/", "llko-gent", "ko-stad-gent", "ko-wolkje");
        shows("/ldes/toewijzingen/pagina/1", ids.get("AH") + "/versie/", "llko-hasselt", "ko-kinderkorf-limburg", "opgroeien-analist", "opgroeien");
        hides("/ldes/toewijzingen/pagina/1", ids.get("AH") + "/versie/", "llko-gent", "ko-stad-gent", "ko-wolkje");
        write("POST /beheer/feeds/bewaartermijn", "/beheer/feeds/bewaartermijn", "{}", "401 403 403 403 403 403 403 200");
        // figures, the audit log, the model and the public pages
        read("GET /rapporten", "/rapporten", "401 200 200 403 403 403 200 200");
        read("GET /rapporten/{rapport}", "/rapporten/overzicht", "401 200 200 403 403 403 200 200");
        read("GET /audit", "/audit", "401 403 403 403 403 403 403 200");
        // managing system clients: beheer only (a client from the clients file cannot be changed through the API: 409)
        read("GET /beheer/clients", "/beheer/clients", "401 403 403 403 403 403 403 200");
        read("GET /beheer/clients/{name}", "/beheer/clients/llko-gent", "401 403 403 403 403 403 403 200");
        write("POST /beheer/clients", "/beheer/clients", "{}", "401 403 403 403 403 403 403 422");
        write("POST /beheer/clients/{name}/sleutels", "/beheer/clients/llko-gent/sleutels", "{}", "401 403 403 403 403 403 403 409");
        writeWith("DELETE /beheer/clients/{name}", "DELETE", "/beheer/clients/llko-gent", null, Map.of(), "401 403 403 403 403 403 403 409");
        // webhook subscriptions: the owner's and, for beheer, everyone's; for anyone else a subscription does not exist
        String sub = "/abonnementen/" + ids.get("SUB");
        write("POST /abonnementen", "/abonnementen", "{}", "401 422 422 422 422 422 403 422");
        read("GET /abonnementen", "/abonnementen", "401 200 200 200 200 200 403 200");
        shows("/abonnementen", ids.get("SUB"), "llko-gent", "opgroeien");
        hides("/abonnementen", ids.get("SUB"), "llko-hasselt", "ko-stad-gent", "ko-kinderkorf-limburg", "ko-wolkje");
        read("GET /abonnementen/{id}", sub, "401 200 404 404 404 404 403 200");
        hides(sub, "whsec_", "llko-gent", "opgroeien");
        read("GET /abonnementen/{id}/dode-brieven", sub + "/dode-brieven", "401 200 404 404 404 404 403 200");
        write("POST /abonnementen/{id}/dode-brieven/opnieuw", sub + "/dode-brieven/opnieuw", "{}", "401 200 404 404 404 404 403 200");
        writeWith("DELETE /abonnementen/{id}", "DELETE", sub, null, Map.of(), "401 - 404 404 404 404 403 -");
        // operations (docs/operations.md): health and readiness for load balancers, metrics for a monitoring key and beheer, backups for beheer
        read("GET /health", "/health", "200 200 200 200 200 200 200 200");
        read("GET /ready", "/ready", "200 200 200 200 200 200 200 200");
        read("GET /metrics", "/metrics", "401 403 403 403 403 403 403 200");
        // On a remote store the hub refuses to back it up (409): that store has its own backup.
        write("POST /beheer/backup", "/beheer/backup", "{}", "401 403 403 403 403 403 403 " + (be.kohub.TestStores.remote() ? "409" : "200"));
        write("POST /validatie", "/validatie", "{}", "200 200 200 200 200 200 200 200");
        // the validation page and the conformance pack (docs/conformiteit.md): public, like validating
        read("GET /validatie", "/validatie", "200 200 200 200 200 200 200 200");
        read("GET /validatie/validatie.js", "/validatie/validatie.js", "200 200 200 200 200 200 200 200");
        read("GET /validatie/validatie.css", "/validatie/validatie.css", "200 200 200 200 200 200 200 200");
        read("GET /conformiteit.zip", "/conformiteit.zip", "200 200 200 200 200 200 200 200");
        read("GET /context/v1.jsonld", "/context/v1.jsonld", "200 200 200 200 200 200 200 200");
        // the published model (docs/versioning.md): public, every version
        String all = "200 200 200 200 200 200 200 200";
        String v = be.kohub.model.ModelVersions.load(be.kohub.model.ModelFiles.load().ontology()).current().number();
        read("GET /model", "/model", all);
        read("GET /model/wijzigingen", "/model/wijzigingen?sinds=0.1", all);
        read("GET /model/ontologie", "/model/ontologie", all);
        read("GET /model/codelijsten", "/model/codelijsten", all);
        read("GET /model/codelijsten/{naam}", "/model/codelijsten/opvangvorm", all);
        read("GET /model/shapes", "/model/shapes", all);
        read("GET /model/shapes/{documenttype}", "/model/shapes/aanvraag", all);
        read("GET /model/frames/{documenttype}", "/model/frames/toewijzing", all);
        read("GET /model/{versie}", "/model/0.1", all);
        read("GET /model/{versie}/ontologie", "/model/" + v + "/ontologie", all);
        read("GET /model/{versie}/codelijsten", "/model/" + v + "/codelijsten", all);
        read("GET /model/{versie}/codelijsten/{naam}", "/model/" + v + "/codelijsten/dagdeel", all);
        read("GET /model/{versie}/shapes", "/model/0.1/shapes", all);
        read("GET /model/{versie}/shapes/{documenttype}", "/model/0.1/shapes/locatie", all);
        read("GET /model/{versie}/frames/{documenttype}", "/model/" + v + "/frames/locatie", all);
        read("GET /catalogus", "/catalogus", "200 200 200 200 200 200 200 200");
        read("GET /specificatie", "/specificatie", "200 200 200 200 200 200 200 200");
        read("GET /specificatie/{documenttype}", "/specificatie/aanvraag", "200 200 200 200 200 200 200 200");
        for (String path : hub.hub.routes().keySet().stream().filter(r -> r.startsWith("GET /dashboard")).toList())
            read(path, path.substring(4), "200 200 200 200 200 200 200 200");
        // the API contract and its browsable page: public
        read("GET /openapi.json", "/openapi.json", "200 200 200 200 200 200 200 200");
        for (String path : hub.hub.routes().keySet().stream().filter(r -> r.startsWith("GET /api-docs")).toList())
            read(path, path.substring(4), "200 200 200 200 200 200 200 200");
        // SPARQL: one door per role; what each shows is checked in ScopedSparqlTest
        String ask = "?query=" + URLEncoder.encode("ASK { ?s ?p ?o }", StandardCharsets.UTF_8);
        for (String method : List.of("GET", "POST")) {
            sparql(method + " /sparql", "/sparql" + ask, method, "200 200 200 200 200 200 200 200");
            sparql(method + " /sparql/analyse", "/sparql/analyse" + ask, method, "401 403 403 403 403 403 200 200");
            sparql(method + " /sparql/loket", "/sparql/loket" + ask, method, "401 200 200 403 403 403 403 403");
            sparql(method + " /sparql/organisator", "/sparql/organisator" + ask, method, "401 403 403 200 200 200 403 403");
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        Set<String> missing = new TreeSet<>(hub.hub.routes().keySet());
        missing.removeAll(covered);
        assertTrue(missing.isEmpty(), "routes without a row in the access matrix: " + missing);
    }

    private void read(String route, String path, String expected) {
        covered.add(route);
        check(route, path, expected, (caller) -> hub.send("GET", path, keyOf(caller), null, null, Map.of()));
    }

    private void write(String route, String path, String body, String expected) {
        writeWith(route, "POST".equals(route.split(" ")[0]) ? "POST" : route.split(" ")[0], path, body, Map.of(), expected);
    }

    private void writeWith(String route, String method, String path, String body, Map<String, String> headers, String expected) {
        covered.add(route);
        String contentType = path.equals("/locaties") || path.equals("/aanvragen") || path.equals("/toewijzingen") || method.equals("PUT")
                || path.equals("/validatie") ? "application/ld+json" : "application/json";
        check(route, path, expected, caller -> {
            long before = hub.quadCountOutsideAudit();
            HttpResponse<String> answer = hub.send(method, path, keyOf(caller), contentType,
                    body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
            if (answer.statusCode() >= 400 && hub.quadCountOutsideAudit() != before)
                failures.add(route + " " + path + " as " + caller + ": refused with " + answer.statusCode() + " but changed the store");
            return answer;
        });
    }

    private void sparql(String route, String pathAndQuery, String method, String expected) {
        covered.add(route);
        check(route, pathAndQuery, expected, caller -> method.equals("GET")
                ? hub.send("GET", pathAndQuery, keyOf(caller), null, null, Map.of("Accept", "application/sparql-results+json"))
                : hub.send("POST", pathAndQuery.substring(0, pathAndQuery.indexOf('?')), keyOf(caller), "application/x-www-form-urlencoded",
                        pathAndQuery.substring(pathAndQuery.indexOf('?') + 1).getBytes(StandardCharsets.UTF_8), Map.of("Accept", "application/sparql-results+json")));
    }

    private void check(String route, String path, String expected, java.util.function.Function<String, HttpResponse<String>> call) {
        String[] codes = expected.split(" ");
        assertEquals(CALLERS.size(), codes.length, route);
        for (int i = 0; i < codes.length; i++) {
            if (codes[i].equals("-"))
                continue;
            HttpResponse<String> answer = call.apply(CALLERS.get(i));
            if (answer.statusCode() != Integer.parseInt(codes[i]))
                failures.add(route + " " + path + " as " + CALLERS.get(i) + ": expected " + codes[i] + ", got " + answer.statusCode()
                        + " " + answer.body().replaceAll("\\s+", " ").substring(0, Math.min(160, answer.body().replaceAll("\\s+", " ").length())));
            else if (answer.statusCode() >= 400 && !answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"))
                failures.add(route + " " + path + " as " + CALLERS.get(i) + ": a refusal must be problem+json");
        }
    }

    private void shows(String path, String text, String... callers) {
        for (String caller : callers) {
            String body = hub.send("GET", path, keyOf(caller), null, null, Map.of()).body();
            if (!body.contains(text))
                failures.add(path + " as " + caller + " should show '" + text + "'");
        }
    }

    private void hides(String path, String text, String... callers) {
        for (String caller : callers) {
            String body = hub.send("GET", path, keyOf(caller), null, null, Map.of()).body();
            if (body.contains(text))
                failures.add(path + " as " + caller + " must not show '" + text + "'");
        }
    }

    /** A well-formed child code the hub never issued (a random one: a clash with the four issued is beyond chance). */
    private static String unknownCode() {
        return be.kohub.codes.KindCode.random(new java.util.Random(42)).value();
    }

    private static String keyOf(String caller) {
        return caller.equals("publiek") ? null : key(caller);
    }

    @Test
    void withdrawnConsentHidesTheRequestFromOtherCountersAtOnce() {
        String rc = StoryFixtures.path(ids.get("RC"));
        // a request of its own, so that this test does not change the matrix's RC
        String ownChild = fixtures.child();
        String own = StoryFixtures.path(fixtures.request("llko-hasselt", ownChild, doc -> fixtures.atKuringen(doc, "44021", true, "Wouters")).get("id").asText());
        assertEquals(200, hub.getAs(own, key("llko-gent"), "application/ld+json").statusCode(), "shared while the parent consents");
        String crossCounter = "/kinderen/" + ownChild + "/aanvragen";
        assertEquals(1, json(hub.getAs(crossCounter, key("llko-gent"), "application/json")).get("elders").size());
        assertTrue(hub.getAs(own, key("ko-kinderkorf-limburg"), "application/ld+json").body().contains("Wouters"));
        HttpResponse<String> withdrawn = hub.post(own + "/toestemming", key("llko-hasselt"), "application/json",
                "{\"toestemmingDelen\": false}".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, withdrawn.statusCode(), withdrawn.body());
        assertTrue(json(withdrawn).get("gewijzigd").asBoolean());
        assertEquals(404, hub.getAs(own, key("llko-gent"), "application/ld+json").statusCode(), "the other counter no longer sees it");
        HttpResponse<String> sparql = hub.send("POST", "/sparql/loket", key("llko-gent"), "application/x-www-form-urlencoded",
                ("query=" + URLEncoder.encode("SELECT ?x WHERE { ?x a <https://data.kohub.be/ns/kohub#Aanvraag> }", StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8), Map.of("Accept", "text/csv"));
        assertFalse(sparql.body().contains(own.substring(own.lastIndexOf('/') + 1)), "nor through its SPARQL endpoint");
        assertTrue(sparql.body().contains(rc.substring(rc.lastIndexOf('/') + 1)), "where the consented request still is");
        assertEquals(0, json(hub.getAs(crossCounter, key("llko-gent"), "application/json")).get("elders").size(),
                "and the cross-counter view no longer shows it");
        HttpResponse<String> organiser = hub.getAs(own, key("ko-kinderkorf-limburg"), "application/ld+json");
        assertEquals(200, organiser.statusCode(), "the chosen organiser still sees the request");
        assertFalse(organiser.body().contains("Wouters"), "but no longer the people in it");
        assertTrue(hub.getAs(own, key("llko-hasselt"), "application/ld+json").body().contains("Wouters"), "the registering counter still sees all");
        assertEquals(200, hub.getAs(rc, key("llko-gent"), "application/ld+json").statusCode(), "other requests are untouched");
        HttpResponse<String> again = hub.post(own + "/toestemming", key("llko-hasselt"), "application/json",
                "{\"toestemmingDelen\": false}".getBytes(StandardCharsets.UTF_8));
        assertFalse(json(again).get("gewijzigd").asBoolean(), "withdrawing twice changes nothing");
    }
}
