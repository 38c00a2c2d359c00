package be.kohub.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Makes any number of distinct, valid location info sheets (JSON-LD) from the samples in
 * {@code sample-data/locaties/}. Sheet {@code i} takes its organiser and offer from one sample
 * (so organiser names and KBO numbers, with their check digits, are real sample values) and its
 * street, postcode, municipality, counter and point from another sample, moves the point a
 * little, numbers the house and gives the sheet its own name and identifier
 * ({@code <prefix>-<i>}). The same seed gives the same sheets.
 */
public final class LocationSheets {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where a location is: taken whole from one sample so that street, postcode, NIS code and counter agree. */
    private record Place(String street, String postcode, String municipalityName, String municipality, String counter,
                         double lon, double lat) {}

    private final List<ObjectNode> templates;
    private final List<Place> places;

    private LocationSheets(List<ObjectNode> templates, List<Place> places) {
        this.templates = templates;
        this.places = places;
    }

    /** Reads the samples of {@code <samples>/locaties/*.jsonld}. */
    public static LocationSheets from(Path samples) {
        List<ObjectNode> templates = new ArrayList<>();
        try (Stream<Path> files = Files.list(samples.resolve("locaties"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonld")).sorted().toList())
                templates.add((ObjectNode) JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (templates.isEmpty())
            throw new IllegalStateException("no sample sheets under " + samples.resolve("locaties"));
        List<Place> places = new ArrayList<>();
        for (ObjectNode t : templates) {
            JsonNode address = t.path("contactinfo").path("adres");
            String[] xy = t.path("geometrie").path("wkt").asText().replaceAll("^POINT ?\\(|\\)$", "").split(" ");
            places.add(new Place(address.path("straat").asText(), address.path("postcode").asText(),
                    address.path("gemeentenaam").asText(), address.path("gemeente").asText(),
                    t.path("lokaalLoket").asText(), Double.parseDouble(xy[0]), Double.parseDouble(xy[1])));
        }
        return new LocationSheets(templates, places);
    }

    /** {@code count} sheets whose identifiers are {@code <prefix>-0 … <prefix>-(count-1)}. */
    public List<String> generate(String prefix, int count, long seed) {
        Random random = new Random(seed);
        List<String> sheets = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
            sheets.add(sheet(prefix, i, random));
        return sheets;
    }

    private String sheet(String prefix, int i, Random random) {
        ObjectNode template = templates.get(i % templates.size());
        ObjectNode sheet = template.deepCopy();
        Place from = places.get(i % templates.size());
        Place place = places.get(random.nextInt(places.size()));

        // The identifier of the posting system (the one without toegekendDoor) is the key; others get a suffix too.
        for (JsonNode id : sheet.withArray("identificator")) {
            ObjectNode identifier = (ObjectNode) id;
            if (identifier.has("toegekendDoor"))
                identifier.put("notatie", identifier.path("notatie").asText() + "-" + i);
            else
                identifier.put("notatie", prefix + "-" + i);
        }
        sheet.put("naam", template.path("naam").asText() + " " + place.municipalityName() + " " + (i + 1));

        ObjectNode address = (ObjectNode) sheet.path("contactinfo").path("adres");
        address.put("straat", place.street());
        address.put("huisnummer", Integer.toString(1 + random.nextInt(250)));
        address.put("postcode", place.postcode());
        address.put("gemeentenaam", place.municipalityName());
        address.put("gemeente", place.municipality());
        sheet.put("lokaalLoket", place.counter());
        // Within ~1.5 km of the sample's point: stays well inside Flanders and Brussels.
        double lon = place.lon() + (random.nextDouble() - 0.5) * 0.04;
        double lat = place.lat() + (random.nextDouble() - 0.5) * 0.03;
        ((ObjectNode) sheet.path("geometrie")).put("wkt", String.format(Locale.ROOT, "POINT (%.4f %.4f)", lon, lat));

        ObjectNode offer = (ObjectNode) sheet.path("opvangaanbod");
        offer.put("titel", offer.path("titel").asText().replace(from.municipalityName(), place.municipalityName()));
        offer.put("beschrijving", offer.path("beschrijving").asText().replace(from.municipalityName(), place.municipalityName()));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(sheet);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
