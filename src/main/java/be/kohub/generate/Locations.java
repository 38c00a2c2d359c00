package be.kohub.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import be.kohub.generate.Municipalities.Municipality;
import be.kohub.ingest.BundledContexts;

/**
 * The generated child-care locations (KO-infofiches) and their organisers. Locations are spread
 * over the Flemish municipalities by weight (each gets at least one when there are enough);
 * six in ten are family-based care (gezinsopvang, 4 to 8 places, mostly run by the carer's own
 * enterprise or a service for family care), four in ten group care (groepsopvang, 14 to 119
 * places, run by the municipality, a chain or an independent organiser). About one in twelve
 * takes no requests for now (a request stop until a date after the end of the generated period).
 */
final class Locations {
    /** An organiser: KBO number (valid check digits, not a real enterprise) and name; its client is {@code ko-<kbo>}. */
    record Organiser(String kbo, String name) {
        String client() {
            return "ko-" + kbo;
        }
    }

    /** One location sheet: its hub IRI, the sheet as posted, and what families and assignments need to know of it. */
    record Location(int index, String iri, Organiser organiser, Municipality municipality, String opvangvorm, int capacity,
                    LocalDate stopUntil, Instant created, ObjectNode sheet) {}

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> HOURS = List.of("Mo-Fr 07:00-18:30", "Mo-Fr 07:00-18:30", "Mo-Fr 07:00-18:30",
            "Mo-Fr 07:00-18:00", "Mo-Fr 07:30-18:00", "Mo-Fr 06:30-18:30", "Mo-Fr 07:30-17:30", "Mo-Th 07:00-17:30");
    private static final List<String> OTHER_LANGUAGES = List.of("FRA", "ENG", "TUR", "ARA", "POL", "SPA", "RON", "BER");

    private final List<Location> all = new ArrayList<>();
    private final Map<String, List<Location>> byMunicipality = new HashMap<>();
    private final Map<String, Location> byIri = new HashMap<>();
    private final Map<String, Organiser> organisers = new LinkedHashMap<>();

    private Locations() {}

    static Locations generate(int count, Municipalities municipalities, String iriPrefix, long seed, LocalDate asOf) {
        Locations locations = new Locations();
        List<String> names = ResourceLists.lines("locatienamen.txt");
        List<String> chains = ResourceLists.lines("ketens.txt");
        List<String> streets = ResourceLists.lines("straatnamen.txt");
        List<String> given = ResourceLists.lines("voornamen.txt");
        List<String> family = ResourceLists.lines("familienamen.txt");
        RandomGenerator world = Seeds.stream(seed, Seeds.WORLD, 0);
        long kboBase = 2_000_000L + world.nextLong(6_000_000L);
        int index = 0;
        for (Map.Entry<Municipality, Integer> share : shares(count, municipalities).entrySet()) {
            Municipality m = share.getKey();
            for (int k = 0; k < share.getValue(); k++, index++) {
                RandomGenerator r = Seeds.stream(seed, Seeds.LOCATIONS, index);
                boolean familyCare = Seeds.chance(r, 0.6);
                String place = Seeds.pick(r, names);
                String organiserKey;
                String organiserName;
                String name;
                if (familyCare) {
                    String carer = Seeds.pick(r, given) + " " + Seeds.pick(r, family);
                    if (Seeds.chance(r, 0.8)) {
                        organiserKey = "eigen:" + index;
                        organiserName = carer;
                        name = Seeds.chance(r, 0.5) ? "Gezinsopvang " + place : "Onthaalouder " + carer;
                    } else {
                        organiserKey = "dienst:" + m.arrondissement();
                        organiserName = "Dienst voor gezinsopvang " + m.arrondissementName() + " vzw";
                        name = "Gezinsopvang " + place;
                    }
                } else {
                    double who = r.nextDouble();
                    if (who < 0.3) {
                        organiserKey = "gemeente:" + m.nis();
                        organiserName = (municipalities.centreCity(m) ? "Stad " : "Gemeente ") + m.name() + " – Kinderopvang";
                    } else if (who < 0.6) {
                        int chain = r.nextInt(chains.size());
                        organiserKey = "keten:" + chain;
                        organiserName = "vzw " + chains.get(chain);
                    } else {
                        organiserKey = "eigen:" + index;
                        organiserName = "Kinderdagverblijf " + place + " BV";
                    }
                    name = (Seeds.chance(r, 0.7) ? "Kinderdagverblijf " : "Kinderopvang ") + place;
                }
                long next = kboBase + 7L * locations.organisers.size();
                Organiser organiser = locations.organisers.computeIfAbsent(organiserKey, key -> new Organiser(kbo(next), organiserName));
                int capacity = familyCare ? (Seeds.chance(r, 0.6) ? 8 : Seeds.between(r, 4, 7)) : 14 + 7 * Seeds.between(r, 0, 15);
                LocalDate stop = Seeds.chance(r, 0.08) ? asOf.plusDays(Seeds.between(r, 400, 900)) : null;
                Instant created = Seeds.during(asOf.minusDays(Seeds.between(r, 560, 700)), r);
                String iri = iriPrefix + Seeds.uuid(r);
                ObjectNode sheet = sheet(index, name, organiser, m, familyCare, capacity, stop, streets, r);
                Location location = new Location(index, iri, organiser, m, familyCare ? "gezinsopvang" : "groepsopvang", capacity, stop, created, sheet);
                locations.all.add(location);
                locations.byIri.put(iri, location);
                locations.byMunicipality.computeIfAbsent(m.nis(), n -> new ArrayList<>()).add(location);
            }
        }
        return locations;
    }

    List<Location> all() {
        return all;
    }

    List<Location> in(Municipality m) {
        return byMunicipality.getOrDefault(m.nis(), List.of());
    }

    Location byIri(String iri) {
        return byIri.get(iri);
    }

    List<Organiser> organisers() {
        return List.copyOf(organisers.values());
    }

    /** How many locations each Flemish municipality gets: by weight, largest remainders first, at least one each if there are enough. */
    private static Map<Municipality, Integer> shares(int count, Municipalities municipalities) {
        List<Municipality> flemish = municipalities.all().stream().filter(Municipality::flemish).toList();
        int base = count >= flemish.size() ? 1 : 0;
        int rest = count - base * flemish.size();
        double total = flemish.stream().mapToDouble(Municipality::weight).sum();
        Map<Municipality, Integer> shares = new LinkedHashMap<>();
        List<Municipality> byRemainder = new ArrayList<>(flemish);
        Map<Municipality, Double> remainder = new HashMap<>();
        int given = 0;
        for (Municipality m : flemish) {
            double exact = rest * m.weight() / total;
            shares.put(m, base + (int) exact);
            remainder.put(m, exact - (int) exact);
            given += (int) exact;
        }
        byRemainder.sort(Comparator.comparingDouble((Municipality m) -> -remainder.get(m)).thenComparing(Municipality::nis));
        for (int i = 0; i < rest - given; i++)
            shares.merge(byRemainder.get(i), 1, Integer::sum);
        return shares;
    }

    private static ObjectNode sheet(int index, String name, Organiser organiser, Municipality m, boolean family, int capacity,
                                    LocalDate stop, List<String> streets, RandomGenerator r) {
        ObjectNode sheet = JSON.objectNode();
        sheet.put("@context", BundledContexts.KOHUB_V1);
        sheet.put("type", "Locatie");
        sheet.putArray("identificator").addObject().put("type", "Identificator").put("notatie", String.format(Locale.ROOT, "LOC-%06d", index));
        sheet.put("naam", name);
        ObjectNode org = sheet.putObject("organisator").put("type", "Organisatie").put("naam", organiser.name());
        org.putObject("registratie").put("type", "Identificator").put("notatie", organiser.kbo());
        String domain = Municipalities.slug(organiser.name()) + ".example.be";
        ObjectNode contact = sheet.putObject("contactinfo").put("type", "Contactinfo")
                .put("telefoon", String.format(Locale.ROOT, "+32 %d %03d %02d %02d", Seeds.between(r, 2, 9), r.nextInt(1000), r.nextInt(100), r.nextInt(100)))
                .put("email", Municipalities.slug(name) + "-" + index + "@" + domain);
        if (Seeds.chance(r, 0.6))
            contact.put("website", "https://" + domain + "/" + Municipalities.slug(name));
        contact.put("openingsuren", Seeds.pick(r, HOURS));
        contact.putObject("adres").put("type", "Adres").put("straat", Seeds.pick(r, streets))
                .put("huisnummer", Integer.toString(Seeds.between(r, 1, 250))).put("postcode", m.postcode())
                .put("gemeentenaam", m.name()).put("gemeente", m.nis());
        double lon = m.lon() + (r.nextDouble() - 0.5) * 0.03;
        double lat = m.lat() + (r.nextDouble() - 0.5) * 0.02;
        sheet.putObject("geometrie").put("type", "Geometrie").put("wkt", String.format(Locale.ROOT, "POINT (%.4f %.4f)", lon, lat));
        sheet.put("lokaalLoket", m.nis());
        boolean ikt = Seeds.chance(r, 0.7);
        String kind = family ? "Gezinsopvang" : "Groepsopvang";
        ObjectNode offer = sheet.putObject("opvangaanbod").put("type", "Opvangaanbod")
                .put("titel", kind + " voor baby's en peuters in " + m.name())
                .put("beschrijving", kind + " in " + m.name() + " voor " + capacity + " kinderen van 0 tot 3 jaar, "
                        + (ikt ? "met inkomensgerelateerd tarief (IKT)." : "met vrije prijs."));
        offer.putObject("beschikbaar").put("type", "Periode")
                .put("start", String.format(Locale.ROOT, "%d-%02d-01T00:00:00", Seeds.between(r, 1995, 2024), Seeds.between(r, 1, 12)));
        offer.put("opvangvorm", family ? "gezinsopvang" : "groepsopvang").put("tariefsysteem", ikt ? "inkomensgerelateerd" : "vrije-prijs")
                .put("capaciteit", capacity).put("leeftijdVanafMaanden", 0).put("leeftijdTotMaanden", 36);
        var languages = offer.putArray("talen").add("NLD");
        if (Seeds.chance(r, 0.3))
            languages.add(Seeds.pick(r, OTHER_LANGUAGES));
        offer.put("status", "actief").put("neemtAanvragenAan", stop == null);
        if (stop != null)
            offer.putObject("aanvraagstop").put("type", "Aanvraagstop").put("tot", stop.toString())
                    .put("reden", "Volzet tot " + stop + ".");
        return sheet;
    }

    /** A KBO enterprise number: eight digits and 97 minus their remainder by 97. */
    static String kbo(long base) {
        return String.format(Locale.ROOT, "%08d%02d", base, 97 - base % 97);
    }
}
