package be.kohub.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import be.kohub.RunningHub;

/**
 * Plays {@code src/test/resources/rapporten/handwerk.json} through the HTTP API, each step at its
 * own date on the hub's clock: child codes, requests, assignments, an offer and its acceptance, a
 * withdrawal. The figures it must give are in {@code verwacht.json}, worked out by hand.
 */
final class HandBuiltDataset {
    static final String AS_OF = "2026-01-15";
    private static final Map<String, List<String>> PLANS = Map.of(
            "ma-vr", halfDays("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"),
            "ma-do", halfDays("maandag", "dinsdag", "woensdag", "donderdag"),
            "ma-wo", halfDays("maandag", "dinsdag", "woensdag"));

    private final Map<String, String> codes = new HashMap<>();
    private final Map<String, String> ids = new HashMap<>();
    private Map<String, String> locations = Map.of();

    static JsonNode resource(String name) {
        try (InputStream in = HandBuiltDataset.class.getResourceAsStream("/rapporten/" + name)) {
            return RunningHub.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the sample locations, then plays every step; each must be accepted. */
    static HandBuiltDataset play(RunningHub hub, MutableClock clock) {
        HandBuiltDataset data = new HandBuiltDataset();
        Map<String, String> locations = hub.loadSampleLocations();
        data.locations = locations;
        int person = 0;
        for (JsonNode step : resource("handwerk.json").get("stappen")) {
            clock.set(Instant.parse(step.get("op").asText() + "T10:00:00Z"));
            String key = RunningHub.key(step.get("door").asText());
            HttpResponse<String> response;
            if (step.has("kindcode")) {
                response = hub.post("/kindcodes", key, "application/json", data.childCode(step, person++).toString().getBytes());
                data.codes.put(step.get("kindcode").asText(), RunningHub.json(response).get("kindcode").asText());
            } else if (step.has("aanvraag") && !step.has("toewijzing")) {
                response = hub.postJsonLd("/aanvragen", key, data.request(step, locations).toString().getBytes());
                data.ids.put(step.get("aanvraag").asText(), RunningHub.json(response).get("id").asText());
            } else if (step.has("toewijzing")) {
                response = hub.postJsonLd("/toewijzingen", key, data.assignment(step, locations).toString().getBytes());
                data.ids.put(step.get("toewijzing").asText(), RunningHub.json(response).get("id").asText());
            } else if (step.has("aanvaarding")) {
                response = hub.post(path(data.ids.get(step.get("aanvaarding").asText())) + "/aanvaarding", key, "application/json", "{}".getBytes());
            } else {
                ObjectNode body = RunningHub.JSON.createObjectNode().put("status", step.get("naar").asText()).put("reden", step.get("reden").asText());
                response = hub.post(path(data.ids.get(step.get("status").asText())) + "/status", key, "application/json", body.toString().getBytes());
            }
            assertEquals(response.statusCode() == 201 ? 201 : 200, response.statusCode(), step + " → " + response.body());
        }
        return data;
    }

    /** The hub IRI of a request or assignment of the story, by its name in handwerk.json. */
    String id(String name) {
        return ids.get(name);
    }

    /** The hub code of a child of the story, by its name in handwerk.json. */
    String childCode(String name) {
        return codes.get(name);
    }

    /** The hub IRI of a sample location, by its file name without .jsonld. */
    String location(String name) {
        return locations.get(name);
    }

    /** The API path of a hub IRI: {@code …/id/aanvraag/{uuid}} → {@code /aanvragen/{uuid}}. */
    static String path(String iri) {
        String id = iri.substring(iri.lastIndexOf('/') + 1);
        return (iri.contains("/id/aanvraag/") ? "/aanvragen/" : "/toewijzingen/") + id;
    }

    private ObjectNode childCode(JsonNode step, int person) {
        String base = String.format("86%07d", 500 + person);
        String insz = base + String.format("%02d", 97 - Long.parseLong(base) % 97);
        ObjectNode body = RunningHub.JSON.createObjectNode();
        body.putObject("ouder").put("insz", insz).put("relatie", "moeder");
        if (step.has("geboortedatum"))
            body.put("geboortedatum", step.get("geboortedatum").asText()).put("woonplaats", step.get("woonplaats").asText());
        else
            body.put("bewijs", "zwangerschapsattest").put("verwachteGeboortedatum", step.get("verwachteGeboortedatum").asText());
        return body;
    }

    private ObjectNode request(JsonNode step, Map<String, String> locations) {
        ObjectNode doc = document("Aanvraag", step);
        doc.put("woonplaats", step.get("woonplaats").asText());
        ObjectNode applicant = doc.putArray("aanvragers").addObject().put("type", "Aanvrager").put("relatie", "moeder");
        applicant.putObject("agent").put("type", "Persoon").put("voornaam", "Ouder").put("familienaam", step.get("kind").asText());
        doc.put("gewensteStartdatum", step.get("start").asText());
        plan(doc, step);
        ArrayNode preferences = doc.putArray("voorkeuren");
        int rank = 1;
        for (JsonNode location : step.get("locaties"))
            preferences.addObject().put("type", "Voorkeur").put("rang", rank++).put("vestiging", locations.get(location.asText()));
        doc.put("toestemmingDelen", true);
        for (String flag : List.of("dringend", "verruimdeOpeningsurenNodig", "specifiekeZorgnood"))
            if (step.has(flag))
                doc.put(flag, step.get(flag).asBoolean());
        for (String list : List.of("voorrangsgroepen", "kwetsbaarheden"))
            if (step.has(list))
                doc.set(list, step.get(list));
        return doc;
    }

    private ObjectNode assignment(JsonNode step, Map<String, String> locations) {
        ObjectNode doc = document("Toewijzing", step);
        doc.put("vestiging", locations.get(step.get("locatie").asText()));
        doc.put("startdatum", step.get("start").asText());
        plan(doc, step);
        if (step.has("aanvraag"))
            doc.put("aanvraag", ids.get(step.get("aanvraag").asText()));
        if (step.has("voorstel"))
            doc.put("voorstel", true);
        return doc;
    }

    private ObjectNode document(String type, JsonNode step) {
        ObjectNode doc = RunningHub.JSON.createObjectNode().put("@context", "https://data.kohub.be/context/v1.jsonld").put("type", type);
        String local = step.has("toewijzing") ? step.get("toewijzing").asText() : step.get("aanvraag").asText();
        doc.putArray("identificator").addObject().put("type", "Identificator").put("notatie", "HW-" + local);
        doc.put("kindcode", codes.get(step.get("kind").asText()));
        return doc;
    }

    private static void plan(ObjectNode doc, JsonNode step) {
        ArrayNode halfDays = doc.putObject("opvangplan").put("type", "Opvangplan").putArray("dagdelen");
        PLANS.get(step.get("plan").asText()).forEach(halfDays::add);
    }

    private static List<String> halfDays(String... days) {
        return java.util.Arrays.stream(days).flatMap(d -> java.util.stream.Stream.of(d + "-voormiddag", d + "-namiddag")).toList();
    }
}
