package be.kohub.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import be.kohub.access.Client;
import be.kohub.access.Role;
import be.kohub.codes.ChildCodes;
import be.kohub.codes.IdentityHash;
import be.kohub.codes.Insz;
import be.kohub.codes.KindCode;
import be.kohub.generate.CarePlans.Plan;
import be.kohub.generate.FamilyPlan.NewChild;
import be.kohub.generate.FamilyPlan.NewDocument;
import be.kohub.generate.FamilyPlan.Step;
import be.kohub.generate.FamilyPlan.StatusChange;
import be.kohub.generate.Locations.Location;
import be.kohub.generate.Municipalities.Municipality;
import be.kohub.ingest.BundledContexts;
import be.kohub.model.CodeLists;

/**
 * Makes up one family: where it lives, its child (born or expected), its need (start date and
 * care plan), one to four requests at counters and organisers (each with one to three preferred
 * locations, mostly in the home municipality or a neighbouring one), what the registering systems
 * do with them, and, for about half the children, an assignment. The rates are plausible guesses
 * for Flanders, written here once; the hub's own rules decide what an assignment does to the
 * requests.
 */
final class FamilyPlanner {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> KWETSBAARHEDEN = List.of("inkomen", "inkomen", "arbeidssituatie", "arbeidssituatie",
            "opleiding", "huisvesting", "gezondheid", "stimulering");

    private final Municipalities municipalities;
    private final Locations locations;
    private final CarePlans plans;
    private final IdentityHash identities;
    private final CodeLists codes;
    private final IriPrefixes iris;
    private final long seed;
    private final LocalDate asOf;
    private final double assignedShare;
    private final List<String> given = ResourceLists.lines("voornamen.txt");
    private final List<String> familyNames = ResourceLists.lines("familienamen.txt");

    FamilyPlanner(Municipalities municipalities, Locations locations, CodeLists codes, IdentityHash identities, IriPrefixes iris,
                  long seed, LocalDate asOf, double assignedShare) {
        this.municipalities = municipalities;
        this.locations = locations;
        this.plans = new CarePlans(codes);
        this.identities = identities;
        this.codes = codes;
        this.iris = iris;
        this.seed = seed;
        this.asOf = asOf;
        this.assignedShare = assignedShare;
    }

    /** A family's requests and what happens to them; its own random stream makes it independent of every other family. */
    FamilyPlan plan(int index, KindCode code, int requestCount) {
        RandomGenerator r = Seeds.stream(seed, Seeds.FAMILIES, index);
        Municipality home = municipalities.pick(r);
        String childIri = iris.child() + code.value();
        LocalDate issued = asOf.minusDays(Seeds.between(r, 120, 540));
        boolean unborn = Seeds.chance(r, 0.6);
        LocalDate birth = unborn ? issued.plusDays(Seeds.between(r, 30, 200)) : issued.minusDays(Seeds.between(r, 0, 300));
        String relation = unborn ? "moeder" : weighted(r, new String[] {"moeder", "vader", "meeouder", "adoptieouder", "pleegouder", "voogd"},
                new double[] {0.75, 0.2, 0.03, 0.01, 0.007, 0.003});
        LocalDate start = birth.plusDays(Seeds.between(r, 90, 330));
        if (Seeds.chance(r, 0.5))
            start = start.withDayOfMonth(1).plusMonths(1);
        Plan need = plans.draw(r);
        Household household = household(index, r, relation, home);

        List<Step> steps = new ArrayList<>();
        List<Location> used = new ArrayList<>();
        List<Request> requests = new ArrayList<>();
        java.util.Set<String> closed = new java.util.HashSet<>();
        LocalDate day = issued.plusDays(Seeds.between(r, 0, 14));
        for (int j = 0; j < requestCount; j++) {
            if (j > 0)
                day = day.plusDays(Seeds.between(r, 1, 45));
            List<Location> preferences = preferences(r, home);
            used.addAll(preferences);
            Location first = preferences.get(0);
            Client client = Seeds.chance(r, 0.7) ? counter(first.municipality()) : organiser(first);
            boolean variation = Seeds.chance(r, 0.2);
            Plan plan = variation && Seeds.chance(r, 0.5) ? plans.draw(r) : need;
            LocalDate wanted = variation && plan == need ? start.plusDays(Seeds.between(r, -60, 60)) : start;
            String iri = iris.request() + Seeds.uuid(r);
            ObjectNode body = request(String.format(Locale.ROOT, "AV-%07d-%d", index, j + 1), code, home, household, wanted, plan, preferences);
            requests.add(new Request(iri, client, body, first, wanted, plan, day));
        }
        Client first = requests.get(0).client();
        ChildCodes.NewChild child = new ChildCodes.NewChild(code, unborn ? birth : null, unborn ? null : birth,
                unborn ? null : codes.require("gemeente", home.nis(), "woonplaats"), 1, identities.person(parent(index, relation)),
                codes.require("relatietype", relation, "relatie"),
                unborn ? codes.require("bewijstype", Seeds.chance(r, 0.7) ? "verklaring-op-eer" : "zwangerschapsattest", "bewijs") : null);

        // What the registering systems do: take a request in hand, or close it (withdrawn by the parent, expired).
        List<Timed> timeline = new ArrayList<>();
        timeline.add(new Timed(issued, 0, new NewChild(null, first, child)));
        int seq = 1;
        LocalDate last = issued;
        for (Request q : requests) {
            timeline.add(new Timed(q.day(), seq++, new NewDocument(null, q.client(), "aanvraag", q.iri(), q.body())));
            LocalDate at = q.day();
            if (Seeds.chance(r, 0.35)) {
                at = at.plusDays(Seeds.between(r, 2, 30));
                timeline.add(new Timed(at, seq++, new StatusChange(null, q.client(), q.iri(), "in-behandeling", null)));
            }
            double close = r.nextDouble();
            if (close < 0.07) {
                at = at.plusDays(Seeds.between(r, 20, 120));
                closed.add(q.iri());
                timeline.add(new Timed(at, seq++, new StatusChange(null, q.client(), q.iri(), "geannuleerd",
                        close < 0.04 ? "ingetrokken-door-ouder" : "vervallen")));
            }
            last = at.isAfter(last) ? at : last;
        }
        List<Request> open = requests.stream().filter(q -> !closed.contains(q.iri())).toList();
        OpenChild openChild = null;
        if (Seeds.chance(r, assignedShare)) {
            LocalDate on = last.plusDays(Seeds.between(r, 5, 90));
            timeline.add(new Timed(on, seq, assignment(index, code, r, home, need, start, open, used)));
        } else if (!open.isEmpty()) {
            Request q = open.get(0);
            openChild = new OpenChild(code.value(), q.iri(), q.client().name(), q.body(), q.first().iri(), q.first().organiser().client(),
                    q.start().toString(), q.plan().json());
        }
        return new FamilyPlan(index, code, childIri, moments(timeline, r), used, openChild);
    }

    /** A request as planned: where it goes, who registers it, when. */
    private record Request(String iri, Client client, ObjectNode body, Location first, LocalDate start, Plan plan, LocalDate day) {}

    /** What every request of a family says alike; urgency and consent are written after the plan and preferences. */
    private record Household(ObjectNode fields, boolean urgent, boolean consent) {}

    private record Timed(LocalDate day, int seq, Step step) {}

    /**
     * Most assignments answer one of the child's open requests at one of its preferred locations,
     * with the requested plan; some give less (fewer half-days, or a start beyond the tolerance),
     * some are only an offer, and some are made at the door without a request.
     */
    private NewDocument assignment(int index, KindCode code, RandomGenerator r, Municipality home, Plan need, LocalDate start,
                                   List<Request> open, List<Location> used) {
        double kind = r.nextDouble();
        Request linked = open.isEmpty() || kind < 0.07 ? null : Seeds.pick(r, open);
        Location location;
        Plan plan;
        LocalDate from;
        boolean offer = linked != null && kind > 0.95;
        if (linked == null) {
            location = preferences(r, home).get(0);
            plan = need;
            from = start;
        } else {
            List<Location> preferred = preferenceLocations(linked.body());
            location = Seeds.chance(r, 0.65) ? preferred.get(0) : Seeds.pick(r, preferred);
            double coverage = r.nextDouble();
            plan = coverage < 0.2 ? plans.smaller(linked.plan(), r) : linked.plan();
            from = linked.start().plusDays(coverage > 0.9 ? Seeds.between(r, 40, 90) : Seeds.between(r, 0, 14));
        }
        used.add(location);
        ObjectNode body = JSON.objectNode();
        body.put("@context", BundledContexts.KOHUB_V1);
        body.put("type", "Toewijzing");
        body.putArray("identificator").addObject().put("type", "Identificator").put("notatie", String.format(Locale.ROOT, "TW-%07d", index));
        body.put("kindcode", code.value());
        body.put("vestiging", location.iri());
        body.put("startdatum", from.toString());
        body.set("opvangplan", plan.json());
        if (linked != null)
            body.put("aanvraag", linked.iri());
        if (offer)
            body.put("voorstel", true);
        return new NewDocument(null, organiser(location), "toewijzing", iris.assignment() + Seeds.uuid(r), body);
    }

    private List<Location> preferenceLocations(ObjectNode request) {
        List<Location> result = new ArrayList<>();
        request.withArray("voorkeuren").forEach(v -> result.add(locations.byIri(v.path("vestiging").asText())));
        return result;
    }

    /** One to three distinct locations: seven in ten in the home municipality, most others in a neighbouring one. */
    private List<Location> preferences(RandomGenerator r, Municipality home) {
        int count = r.nextDouble() < 0.4 ? 1 : r.nextDouble() < 0.58 ? 2 : 3;
        List<Location> chosen = new ArrayList<>();
        for (int attempt = 0; chosen.size() < count && attempt < 20; attempt++) {
            double where = r.nextDouble();
            List<Municipality> area = where < 0.70 ? List.of(home) : where < 0.95 ? municipalities.neighbours(home) : municipalities.province(home);
            List<Location> candidates = locations.in(Seeds.pick(r, area));
            if (candidates.isEmpty())
                candidates = locations.in(Seeds.pick(r, municipalities.neighbours(home)));
            if (candidates.isEmpty())
                continue;
            Location location = Seeds.pick(r, candidates);
            if (!chosen.contains(location))
                chosen.add(location);
        }
        if (chosen.isEmpty())
            chosen.add(Seeds.pick(r, locations.all()));
        return chosen;
    }

    private ObjectNode request(String localId, KindCode code, Municipality home, Household household, LocalDate start, Plan plan,
                               List<Location> preferences) {
        ObjectNode body = JSON.objectNode();
        body.put("@context", BundledContexts.KOHUB_V1);
        body.put("type", "Aanvraag");
        body.putArray("identificator").addObject().put("type", "Identificator").put("notatie", localId);
        body.put("kindcode", code.value());
        body.put("woonplaats", home.nis());
        household.fields().properties().forEach(e -> body.set(e.getKey(), e.getValue().deepCopy()));
        body.put("gewensteStartdatum", start.toString());
        body.set("opvangplan", plan.json());
        ArrayNode voorkeuren = body.putArray("voorkeuren");
        for (int i = 0; i < preferences.size(); i++)
            voorkeuren.addObject().put("type", "Voorkeur").put("rang", i + 1).put("vestiging", preferences.get(i).iri());
        body.put("dringend", household.urgent());
        body.put("toestemmingDelen", household.consent());
        return body;
    }

    /**
     * What every request of the family says alike: applicants, a referrer, categories, consent.
     * Rates: 35 % two applicants; 4 % urgent; 7 % extended hours; 3 % specific care need; priority
     * groups (work 75 %, single parent 12 %, low income 14 %, sibling 18 %, foster child 1 %);
     * 12 % a vulnerable family (one to three indicators), then often with a referrer; 88 % consent.
     */
    private Household household(int index, RandomGenerator r, String relation, Municipality home) {
        ObjectNode h = JSON.objectNode();
        String familyName = Seeds.pick(r, familyNames);
        ArrayNode applicants = h.putArray("aanvragers");
        applicants.add(applicant(index, 1, relation, familyName, r));
        if (Seeds.chance(r, 0.35)) {
            String second = relation.equals("moeder") ? (Seeds.chance(r, 0.85) ? "vader" : "meeouder") : relation.equals("vader") ? "moeder" : "vader";
            applicants.add(applicant(index, 2, second, Seeds.chance(r, 0.6) ? familyName : Seeds.pick(r, familyNames), r));
        }
        boolean vulnerable = Seeds.chance(r, 0.12);
        if (vulnerable ? Seeds.chance(r, 0.35) : Seeds.chance(r, 0.01))
            h.putObject("toeleider").put("type", "Toeleider").put("naam", "Huis van het Kind " + home.name()).put("mandaat", Seeds.chance(r, 0.8));
        if (Seeds.chance(r, 0.07))
            h.put("verruimdeOpeningsurenNodig", true);
        if (Seeds.chance(r, 0.03))
            h.put("specifiekeZorgnood", true);
        ArrayNode groups = JSON.arrayNode();
        addIf(groups, r, 0.75, "werk-of-opleiding");
        addIf(groups, r, 0.12, "alleenstaande-ouder");
        addIf(groups, r, vulnerable ? 0.6 : 0.08, "laag-inkomen");
        addIf(groups, r, 0.18, "broer-of-zus");
        addIf(groups, r, 0.01, "pleegkind");
        if (!groups.isEmpty())
            h.set("voorrangsgroepen", groups);
        if (vulnerable) {
            ArrayNode indicators = h.putArray("kwetsbaarheden");
            int n = Seeds.between(r, 1, 3);
            for (int i = 0; i < n; i++) {
                String indicator = Seeds.pick(r, KWETSBAARHEDEN);
                if (!contains(indicators, indicator))
                    indicators.add(indicator);
            }
        }
        return new Household(h, Seeds.chance(r, 0.04), Seeds.chance(r, 0.88));
    }

    private ObjectNode applicant(int index, int n, String relation, String familyName, RandomGenerator r) {
        String first = Seeds.pick(r, given);
        ObjectNode person = JSON.objectNode().put("type", "Persoon").put("voornaam", first).put("familienaam", familyName);
        if (Seeds.chance(r, 0.95)) {
            ObjectNode contact = person.putObject("contactinfo").put("type", "Contactinfo");
            boolean phone = Seeds.chance(r, 0.6);
            if (!phone || Seeds.chance(r, 0.85))
                contact.put("email", Municipalities.slug(first) + "." + Municipalities.slug(familyName) + "." + index + "." + n + "@example.be");
            if (phone)
                contact.put("telefoon", String.format(Locale.ROOT, "+32 4%02d %02d %02d %02d", Seeds.between(r, 60, 99), r.nextInt(100), r.nextInt(100), r.nextInt(100)));
        }
        ObjectNode applicant = JSON.objectNode().put("type", "Aanvrager").put("relatie", relation);
        applicant.set("agent", person);
        return applicant;
    }

    /**
     * Puts the family's steps in time order, each at a moment during office hours of its day, never
     * at or before the step before it, and never on or after the end of the generated period.
     */
    private List<Step> moments(List<Timed> timeline, RandomGenerator r) {
        LocalDate lastDay = asOf.minusDays(1);
        List<Timed> sorted = new ArrayList<>(timeline.stream()
                .map(t -> t.day().isAfter(lastDay) ? new Timed(lastDay, t.seq(), t.step()) : t).toList());
        sorted.sort(Comparator.comparing(Timed::day).thenComparingInt(Timed::seq));
        List<Step> steps = new ArrayList<>();
        Instant previous = Instant.MIN;
        for (Timed t : sorted) {
            Instant at = Seeds.during(t.day(), r);
            if (!at.isAfter(previous))
                at = previous.plus(1 + r.nextInt(600), ChronoUnit.SECONDS);
            previous = at;
            steps.add(at(t.step(), at));
        }
        return steps;
    }

    private static Step at(Step step, Instant at) {
        if (step instanceof NewChild c)
            return new NewChild(at, c.client(), c.child());
        if (step instanceof NewDocument d)
            return new NewDocument(at, d.client(), d.type(), d.iri(), d.body());
        StatusChange s = (StatusChange) step;
        return new StatusChange(at, s.client(), s.request(), s.status(), s.reason());
    }

    /** The counter of a municipality as a client: its system, its NIS code, its service area. */
    static Client counter(Municipality m) {
        return new Client(m.counterClient(), Role.LLKO, null, m.nis(), List.of(m.nis()));
    }

    static Client organiser(Location location) {
        return new Client(location.organiser().client(), Role.KO, location.organiser().kbo(), null, List.of());
    }

    /**
     * A parent's national register number, unique per family: a birth date from 1975 to 1999 and a
     * serial number, with valid check digits. Only its keyed hash is stored, as the hub does.
     */
    static Insz parent(int index, String relation) {
        int day = (int) ((index * 7919L) % 9000);
        int serial = 1 + 2 * (index / 9000) + (relation.equals("moeder") ? 1 : 0);
        LocalDate born = LocalDate.of(1975, 1, 1).plusDays(day);
        String nine = String.format(Locale.ROOT, "%02d%02d%02d%03d", born.getYear() % 100, born.getMonthValue(), born.getDayOfMonth(), serial);
        long check = 97 - Long.parseLong(nine) % 97;
        return Insz.parse(nine + String.format(Locale.ROOT, "%02d", check)).orElseThrow();
    }

    private static String weighted(RandomGenerator r, String[] values, double[] weights) {
        double x = r.nextDouble();
        for (int i = 0; i < values.length; i++) {
            x -= weights[i];
            if (x < 0)
                return values[i];
        }
        return values[values.length - 1];
    }

    private static void addIf(ArrayNode array, RandomGenerator r, double p, String value) {
        if (Seeds.chance(r, p))
            array.add(value);
    }

    private static boolean contains(ArrayNode array, String value) {
        for (var element : array)
            if (element.asText().equals(value))
                return true;
        return false;
    }
}
