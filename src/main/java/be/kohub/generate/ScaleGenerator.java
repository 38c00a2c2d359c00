package be.kohub.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.random.RandomGenerator;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import be.kohub.Hub;
import be.kohub.codes.IdentityHash;
import be.kohub.codes.KindCode;
import be.kohub.generate.FamilyPlan.NewDocument;
import be.kohub.generate.Locations.Location;
import be.kohub.generate.Municipalities.Municipality;
import be.kohub.model.CodeLists;
import be.kohub.model.ModelFiles;
import be.kohub.store.Tdb2Store;

/**
 * Generates Flanders-scale data, deterministically from a seed, as the hub stores it: locations,
 * children, requests, status changes and assignments, written family by family through the hub's
 * own code ({@link HubWriter}) and streamed to gzipped N-Quads, so that memory does not grow with
 * the number of families. Writes to its output directory:
 * <ul>
 * <li>{@code kohub.nq.gz}: every quad (document, personal-data, status, bookkeeping and event graphs);</li>
 * <li>{@code clients.json}: API keys (derived from the seed: for generated data only) of every system
 *     that registered something: {@code opgroeien} (beheer), one counter per Flemish municipality,
 *     one organiser per KBO number; usable as {@code serve --clients};</li>
 * <li>{@code identity.key}: the key of the parents' national-number hash (derived from the seed), which
 *     the hub must use to recognise the parents again;</li>
 * <li>{@code samples.json}: a few documents as posted, and children that still have open requests;</li>
 * <li>{@code summary.json}: counts, final statuses and the settings.</li>
 * </ul>
 */
public final class ScaleGenerator {
    public static final String QUADS = "kohub.nq.gz";
    public static final String CLIENTS = "clients.json";
    public static final String IDENTITY_KEY = "identity.key";
    public static final String SAMPLES = "samples.json";
    public static final String SUMMARY = "summary.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A document as its system posted it, for tests and examples. */
    public record Example(String type, String iri, String client, ObjectNode body) {}

    /** What was generated: counts, final statuses, quads, examples, children with open requests, and how long it took. */
    public record Summary(Settings settings, int locations, int organisers, int children, int requests, int assignments,
                          Map<String, Integer> requestStatuses, Map<String, Integer> assignmentStatuses, long quads,
                          List<Example> examples, List<OpenChild> openChildren, long millis) {}

    /** Families being planned and stored ahead of the one being written out. */
    private static final int WINDOW = 256;
    private final Settings settings;

    private record Family(FamilyPlan plan, HubWriter.Written written) {}

    public ScaleGenerator(Settings settings) {
        this.settings = settings;
    }

    /** The key of the parents' national-number hash for this seed (generated data only). */
    public static byte[] identityKey(long seed) {
        return sha256("kohub-generate-identity-key:" + seed);
    }

    public Summary generate(Path dir) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(dir);
        ModelFiles model = ModelFiles.load();
        CodeLists codes = new CodeLists(model.ontology());
        byte[] key = identityKey(settings.seed());
        Municipalities municipalities = Municipalities.from(model.ontology(), settings.seed());
        Map<String, Integer> requestStatuses = new TreeMap<>();
        Map<String, Integer> assignmentStatuses = new TreeMap<>();
        List<Example> examples = new ArrayList<>();
        List<OpenChild> open = new ArrayList<>();
        long quads = 0;
        Locations locations;
        // A hub that is never started: its pipeline, document types and IRIs are what the generator writes with.
        try (Hub hub = Hub.builder().store(Tdb2Store.inMemory()).base(settings.base()).identityKey(key).build();
             Writer out = nquads(dir.resolve(QUADS))) {
            IriPrefixes iris = IriPrefixes.of(hub);
            locations = Locations.generate(settings.locations(), municipalities, iris.location(), settings.seed(), settings.asOf());
            FamilyPlanner planner = new FamilyPlanner(municipalities, locations, codes, new IdentityHash(key), iris,
                    settings.seed(), settings.asOf(), settings.assignedShare());
            HubWriter writer = new HubWriter(hub.pipeline(), hub.documentTypes(), model.ontology(), codes, settings.seed());
            for (Location location : locations.all()) {
                quads += write(out, writer.location(location).lines());
                if (location.stopUntil() == null && examples.isEmpty())
                    examples.add(new Example("locatie", location.iri(), location.organiser().client(), location.sheet()));
            }
            KindCode[] children = childCodes();
            int[] requests = requestCounts();
            // Families are independent: worker threads plan and store them, this thread writes them out in order.
            ExecutorService workers = Executors.newFixedThreadPool(threads(), daemon());
            try {
                Deque<Future<Family>> window = new ArrayDeque<>();
                for (int i = 0; i <= children.length; i++) {
                    if (i < children.length) {
                        int index = i;
                        window.add(workers.submit(() -> {
                            FamilyPlan plan = planner.plan(index, children[index], requests[index]);
                            return new Family(plan, writer.family(plan));
                        }));
                    }
                    while (!window.isEmpty() && (window.size() >= WINDOW || i == children.length)) {
                        Family family = join(window.poll());
                        quads += write(out, family.written().lines());
                        family.written().requestStatuses().forEach(s -> requestStatuses.merge(s, 1, Integer::sum));
                        family.written().assignmentStatuses().forEach(s -> assignmentStatuses.merge(s, 1, Integer::sum));
                        if (family.plan().open() != null && open.size() < settings.openSamples())
                            open.add(family.plan().open());
                        collectExamples(family.plan(), locations, examples);
                    }
                }
            } finally {
                workers.shutdownNow();
            }
        }
        int assignments = assignmentStatuses.values().stream().mapToInt(Integer::intValue).sum();
        Summary summary = new Summary(settings, locations.all().size(), locations.organisers().size(), settings.children(),
                settings.requests(), assignments, requestStatuses, assignmentStatuses, quads, examples, open,
                (System.nanoTime() - started) / 1_000_000);
        Files.writeString(dir.resolve(IDENTITY_KEY), Base64.getEncoder().encodeToString(key) + "\n");
        writeJson(dir.resolve(CLIENTS), clients(municipalities, locations));
        writeJson(dir.resolve(SAMPLES), samples(summary));
        writeJson(dir.resolve(SUMMARY), summaryJson(summary));
        return summary;
    }

    private static int threads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    private static ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "kohub-generate");
            thread.setDaemon(true);
            return thread;
        };
    }

    private static Family join(Future<Family> family) throws IOException {
        try {
            return family.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("generation interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime)
                throw runtime;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Unique child codes, drawn one after the other from the seed (ten random digits: a repeat is drawn again). */
    private KindCode[] childCodes() {
        RandomGenerator random = Seeds.stream(settings.seed(), Seeds.WORLD, 1);
        KindCode[] codes = new KindCode[settings.children()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.length; i++) {
            KindCode code;
            do {
                code = KindCode.random(random);
            } while (!seen.add(code.value()));
            codes[i] = code;
        }
        return codes;
    }

    /** Requests per child: one plus a binomial(3, p) with the mean asked for, then evened out to the exact total. */
    private int[] requestCounts() {
        RandomGenerator random = Seeds.stream(settings.seed(), Seeds.WORLD, 2);
        int n = settings.children();
        double p = (settings.requests() / (double) n - 1) / 3;
        int[] counts = new int[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            counts[i] = 1;
            for (int k = 0; k < 3; k++)
                counts[i] += random.nextDouble() < p ? 1 : 0;
            total += counts[i];
        }
        while (total != settings.requests()) {
            int i = random.nextInt(n);
            if (total < settings.requests() && counts[i] < 4) {
                counts[i]++;
                total++;
            } else if (total > settings.requests() && counts[i] > 1) {
                counts[i]--;
                total--;
            }
        }
        return counts;
    }

    /** The first request whose preferred locations take requests (so it reads the same on any day), and the first plain assignment. */
    private static void collectExamples(FamilyPlan plan, Locations locations, List<Example> examples) {
        boolean haveRequest = examples.stream().anyMatch(e -> e.type().equals("aanvraag"));
        boolean haveAssignment = examples.stream().anyMatch(e -> e.type().equals("toewijzing"));
        for (var step : plan.steps()) {
            if (!(step instanceof NewDocument d))
                continue;
            if (!haveRequest && d.type().equals("aanvraag") && noStops(d.body(), locations)) {
                examples.add(new Example("aanvraag", d.iri(), d.client().name(), d.body()));
                haveRequest = true;
            }
            if (!haveAssignment && d.type().equals("toewijzing") && d.body().has("aanvraag") && !d.body().has("voorstel")) {
                examples.add(new Example("toewijzing", d.iri(), d.client().name(), d.body()));
                haveAssignment = true;
            }
        }
    }

    private static boolean noStops(ObjectNode request, Locations locations) {
        for (var preference : request.withArray("voorkeuren"))
            if (locations.byIri(preference.path("vestiging").asText()).stopUntil() != null)
                return false;
        return true;
    }

    private ArrayNode clients(Municipalities municipalities, Locations locations) {
        ArrayNode clients = JSON.createArrayNode();
        clients.add(client("opgroeien", "beheer"));
        clients.add(client("opgroeien-analist", "analist"));
        for (Municipality m : municipalities.all()) {
            if (!m.hasCounter())
                continue;
            ObjectNode counter = client(m.counterClient(), "llko").put("loket", m.nis());
            counter.putArray("werkingsgebied").add(m.nis());
            clients.add(counter);
        }
        for (Locations.Organiser organiser : locations.organisers())
            clients.add(client(organiser.client(), "ko").put("organisator", organiser.kbo()));
        return clients;
    }

    private ObjectNode client(String name, String role) {
        return JSON.createObjectNode().put("name", name).put("role", role).put("key", key(settings.seed(), name));
    }

    /** The API key of a generated client: derived from the seed, so for generated data only. */
    public static String key(long seed, String client) {
        return "gen-" + HexFormat.of().formatHex(sha256(seed + ":" + client)).substring(0, 32);
    }

    private static ObjectNode samples(Summary summary) {
        ObjectNode samples = JSON.createObjectNode();
        ArrayNode examples = samples.putArray("voorbeelden");
        for (Example e : summary.examples()) {
            ObjectNode entry = examples.addObject().put("type", e.type()).put("id", e.iri()).put("klant", e.client());
            entry.set("document", e.body());
        }
        ArrayNode open = samples.putArray("kinderenMetOpenAanvragen");
        for (OpenChild c : summary.openChildren())
            open.add(JSON.valueToTree(c));
        return samples;
    }

    private static ObjectNode summaryJson(Summary s) {
        ObjectNode json = JSON.createObjectNode();
        Settings settings = s.settings();
        json.putObject("instellingen").put("kinderen", settings.children()).put("aanvragen", settings.requests())
                .put("locaties", settings.locations()).put("aandeelToegewezen", settings.assignedShare()).put("seed", settings.seed())
                .put("base", settings.base()).put("tot", settings.asOf().toString());
        json.put("locaties", s.locations()).put("organisatoren", s.organisers()).put("kinderen", s.children())
                .put("aanvragen", s.requests()).put("toewijzingen", s.assignments()).put("quads", s.quads());
        json.set("aanvraagstatussen", JSON.valueToTree(s.requestStatuses()));
        json.set("toewijzingsstatussen", JSON.valueToTree(s.assignmentStatuses()));
        return json;
    }

    private static void writeJson(Path file, Object value) throws IOException {
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n", StandardCharsets.UTF_8);
    }

    /** Gzip at the fastest level: the file is written once and read once, and compression would otherwise cost more than generating. */
    private static Writer nquads(Path file) throws IOException {
        OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
        return new BufferedWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8), 1 << 16);
    }

    private static long write(Writer out, List<String> lines) throws IOException {
        for (String line : lines) {
            out.write(line);
            out.write('\n');
        }
        return lines.size();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
