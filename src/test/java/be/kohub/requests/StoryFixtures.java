package be.kohub.requests;

import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.key;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import be.kohub.RunningHub;
import be.kohub.cli.StoryPlayer;

/** Builds children, requests and assignments for tests from the family story's documents, changing only what a test needs. */
public final class StoryFixtures {
    private static int insz = 0;
    private final RunningHub hub;
    private final Map<String, String> locations;

    public StoryFixtures(RunningHub hub) {
        this(hub, hub.loadSampleLocations());
    }

    private StoryFixtures(RunningHub hub, Map<String, String> locations) {
        this.hub = hub;
        this.locations = locations;
    }

    /** The same fixtures, used through another hub instance on the same store. */
    public StoryFixtures through(RunningHub other) {
        return new StoryFixtures(other, locations);
    }

    public String location(String file) {
        return locations.get(file);
    }

    /** A new child code for a new (made-up) mother, asked by the Gent counter. */
    public synchronized String child() {
        String base = String.format("85%07d", 100 + insz++);
        String number = base + String.format("%02d", 97 - Long.parseLong(base) % 97);
        String body = "{\"ouder\": {\"insz\": \"" + number + "\"}, \"bewijs\": \"verklaring-op-eer\", \"verwachteGeboortedatum\": \""
                + LocalDate.now().plusDays(40) + "\"}";
        return json(hub.post("/kindcodes", key("llko-gent"), "application/json", body.getBytes())).get("kindcode").asText();
    }

    /** The story's Gent request for {@code child} with a fresh local id, changed by {@code change}; answers the JSON reply. */
    public JsonNode request(String client, String child, Consumer<ObjectNode> change) {
        ObjectNode doc = document("03-aanvraag-gent.jsonld", child);
        doc.withArray("identificator").removeAll().addObject().put("type", "Identificator").put("notatie", "T-" + java.util.UUID.randomUUID());
        change.accept(doc);
        return json(hub.postJsonLd("/aanvragen", key(client), doc.toString().getBytes()));
    }

    /**
     * Changes the story's Gent request into one for a family living in {@code residence} that chose
     * only Kinderkorf's Kuringen location (Hasselt), with one applicant named {@code familyName}.
     */
    public void atKuringen(ObjectNode doc, String residence, boolean consent, String familyName) {
        doc.put("woonplaats", residence);
        doc.put("toestemmingDelen", consent);
        doc.withArray("voorkeuren").removeAll().addObject().put("type", "Voorkeur").put("rang", 1)
                .put("vestiging", location("hasselt-kinderkorf-kuringen"));
        ((ObjectNode) doc.withArray("aanvragers").get(0).get("agent")).put("familienaam", familyName);
        doc.withArray("aanvragers").remove(1);
    }

    /** The story's Genk assignment for {@code child}, changed by {@code change}; answers the HTTP reply. */
    public java.net.http.HttpResponse<String> assignment(String client, String child, Consumer<ObjectNode> change) {
        return hub.postJsonLd("/toewijzingen", key(client), assignmentDocument(child, change).getBytes());
    }

    /** The story's Genk assignment for {@code child} with a fresh local id, changed by {@code change}, as JSON-LD text. */
    public String assignmentDocument(String child, Consumer<ObjectNode> change) {
        ObjectNode doc = document("08-toewijzing-genk.jsonld", child);
        doc.withArray("identificator").removeAll().addObject().put("type", "Identificator").put("notatie", "T-" + java.util.UUID.randomUUID());
        change.accept(doc);
        return doc.toString();
    }

    private ObjectNode document(String file, String child) {
        try {
            Map<String, String> kept = new HashMap<>(Map.of("kindcode", child));
            String text = StoryPlayer.fill(Files.readString(RunningHub.SAMPLES.resolve("familieverhaal/" + file)), kept, locations);
            return (ObjectNode) RunningHub.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request's path on the API, from its IRI. */
    public static String path(String iri) {
        return iri.substring(iri.indexOf("/id/")).replace("/id/aanvraag/", "/aanvragen/").replace("/id/toewijzing/", "/toewijzingen/");
    }

    /** The current status of a request or assignment, read through the API as beheer. */
    public String status(String iri) {
        return json(hub.getAs(path(iri), key("opgroeien"), "application/ld+json")).get("status").asText();
    }

    /** The number of entries in the status history. */
    public int historySize(String iri) {
        return json(hub.getAs(path(iri), key("opgroeien"), "application/ld+json")).get("statusgeschiedenis").size();
    }
}
