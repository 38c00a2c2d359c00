package be.kohub.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import be.kohub.Hub;
import be.kohub.RunningHub;
import be.kohub.access.ApiKeys;
import be.kohub.store.Tdb2Store;
import be.kohub.webhooks.WebhookSettings;

/**
 * Webhook deliveries per second (issue 6), on a fresh TDB2 store in a temporary directory per run:
 * N location-sheet versions are stored (the sample sheets of {@code sample-data/locaties/} posted
 * again and again in batches, each round with another capacity) while a loopback receiver answers
 * 503 and the hub may try once, so every delivery becomes a dead letter. Then the receiver answers
 * 200, all dead letters are replayed with one request ({@code POST /abonnementen/{id}/dode-brieven/opnieuw})
 * and the time runs until the receiver has every delivery and the subscription shows nothing
 * pending. Every delivery's Standard Webhooks signature is checked with the subscription's secret
 * and the distinct {@code webhook-id}s must be N. Baseline in the same run: a plain
 * {@code java.net.http} client posting N equally sized, signed payloads to the same receiver with
 * as many threads. Writes the section "Webhooks: deliveries per second" of docs/benchmarks.md.
 *
 * <p>{@code mvn -q -Pbench-webhooks test-compile exec:java}; settings: {@code bench.deliveries}
 * (default 5000), {@code bench.threads} (delivery threads, "1,4"), {@code bench.warmup}
 * (deliveries on a throw-away hub first, 720), {@code bench.root}, {@code bench.output}.
 */
public final class WebhookBenchmark {
    static final String SECTION = "## Webhooks: deliveries per second";
    private static final String BASE_COMMAND = "mvn -q -Pbench-webhooks test-compile exec:java";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RECEIVER_THREADS = 8;
    private static final Duration POLL = Duration.ofMillis(200);

    /** One request as the receiver got it. */
    record Received(String id, String timestamp, String signature, String body, long receivedNanos, Instant receivedAt, int answered) {}

    /** A measured run: deliveries over the wall time, the checks, CPU shares. */
    record Run(String name, int threads, int deliveries, long nanos, int distinctIds, int badSignatures, int requests,
               double meanBytes, double ownCpu, double othersCpu, double stealCpu, long[] liveLatencies, double loadSeconds, int loadRequests, List<String> bodies) {
        double perSecond() {
            return deliveries * 1e9 / nanos;
        }
    }

    public static void main(String[] args) {
        ExitingMain.run(WebhookBenchmark::run);
    }

    private static void run() throws Exception {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        int n = Integer.getInteger("bench.deliveries", 5000);
        int warmup = Integer.getInteger("bench.warmup", 720);
        List<Integer> threadCounts = Stream.of(System.getProperty("bench.threads", "1,4").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(Integer::parseInt).toList();
        Path output = root.resolve(System.getProperty("bench.output", "docs/benchmarks.md"));
        if (n < 1 || warmup < 0 || threadCounts.isEmpty())
            throw new IllegalArgumentException("need bench.deliveries >= 1, bench.warmup >= 0, bench.threads");
        ZonedDateTime started = ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS);

        List<String> sheets = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve("sample-data/locaties"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".jsonld")).sorted().toList())
                sheets.add(Files.readString(f, StandardCharsets.UTF_8));
        }
        for (String s : sheets)
            if (!s.matches("(?s).*\"capaciteit\": \\d+.*"))
                throw new IllegalStateException("a sample sheet without \"capaciteit\": " + s.substring(0, Math.min(200, s.length())));
        String key = RunningHub.key("opgroeien");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        log("%d deliveries per run from %d sample sheets; delivery threads %s; warm-up %d", n, sheets.size(), threadCounts, warmup);

        if (warmup > 0) {
            Run w = hubRun(root, http, key, sheets, warmup, threadCounts.get(threadCounts.size() - 1), "warm-up");
            report(w);
            report(plainRun(w.bodies(), w.threads(), "warm-up plain"));
        }
        List<Run> hubRuns = new ArrayList<>();
        List<Run> plainRuns = new ArrayList<>();
        for (int threads : threadCounts) {
            Run hub = hubRun(root, http, key, sheets, n, threads, "hub");
            report(hub);
            hubRuns.add(hub);
            Run plain = plainRun(hub.bodies(), threads, "plain");
            report(plain);
            plainRuns.add(plain);
        }
        String section = section(started, n, sheets.size(), warmup, hubRuns, plainRuns, command(n, warmup));
        BenchmarkFile.writeSection(output, SECTION, section);
        System.out.println();
        System.out.println(section);
        log("written to %s", output);
    }

    // ---------------------------------------------------------------- the hub

    private static Run hubRun(Path root, HttpClient http, String key, List<String> sheets, int n, int threads, String name) throws Exception {
        Path dir = Files.createTempDirectory("kohub-bench-webhooks");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        WebhookSettings settings = WebhookSettings.DEFAULT.withPrivateNetworks(true).withMaxAttempts(1).withThreads(threads).withPollInterval(POLL);
        try (Receiver receiver = new Receiver(503);
             Hub hub = Hub.builder().store(Tdb2Store.at(dir)).port(port).base("http://localhost:" + port)
                     .clients(ApiKeys.fromFile(root.resolve("sample-data/demo-clients.json"))).webhooks(settings).build().start()) {
            String base = hub.base();
            ObjectNode registration = JSON.createObjectNode();
            registration.put("callbackUrl", receiver.url());
            registration.putArray("gebeurtenistypes").add("locatie.*");
            HttpResponse<String> created = send(http, "POST", base + "/abonnementen", key, "application/json", registration.toString().getBytes(StandardCharsets.UTF_8));
            if (created.statusCode() != 201)
                throw new IllegalStateException("subscription: HTTP " + created.statusCode() + " " + created.body());
            JsonNode subscription = JSON.readTree(created.body());
            String id = subscription.get("id").asText();
            String secret = subscription.get("geheim").asText();

            // N versions: round r posts the sample sheets, in odd rounds with one place less (valid for every sample: at least 4
            // places, gezinsopvang at most 8), in batches of all samples (the last one cut to N): each sheet a new version each round.
            long load0 = System.nanoTime();
            int posted = 0;
            for (int round = 0; posted < n; round++) {
                int less = round % 2;
                int count = Math.min(sheets.size(), n - posted);
                StringBuilder batch = new StringBuilder("[");
                for (int i = 0; i < count; i++)
                    batch.append(i == 0 ? "" : ",\n").append(withCapacity(sheets.get(i), less));
                HttpResponse<String> answer = send(http, "POST", base + "/locaties", key, "application/ld+json",
                        batch.append(']').toString().getBytes(StandardCharsets.UTF_8));
                if (answer.statusCode() != 200)
                    throw new IllegalStateException("batch " + round + ": HTTP " + answer.statusCode() + " " + answer.body());
                JsonNode a = JSON.readTree(answer.body());
                if (a.get("stored").asInt() != count || a.get("rejected").asInt() != 0)
                    throw new IllegalStateException("batch " + round + ": " + answer.body());
                posted += count;
            }
            JsonNode state = awaitState(http, base, id, key, s -> s.get("wachtend").asInt() == 0 && s.get("dodeBrieven").asInt() >= n,
                    Duration.ofMinutes(30));
            double loadSeconds = (System.nanoTime() - load0) / 1e9;
            if (state.get("dodeBrieven").asInt() != n)
                throw new IllegalStateException("expected " + n + " dead letters, the subscription shows " + state);
            // Live latency: the change's time (the event's timestamp) to the first attempt at the receiver, while loading.
            long[] live = receiver.received.stream().mapToLong(r -> {
                try {
                    Instant changed = Instant.parse(JSON.readTree(r.body()).get("timestamp").asText());
                    return Duration.between(changed, r.receivedAt()).toNanos();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toArray();
            // The worker may send a delivery more than once (at least once); what counts is that every one arrived.
            int loadRequests = receiver.received.size();
            long loadIds = receiver.received.stream().map(Received::id).distinct().count();
            if (loadIds != n)
                throw new IllegalStateException("the receiver got " + loadIds + " distinct webhook-ids while answering 503, expected " + n);
            receiver.received.clear();
            receiver.status = 200;

            Machine.Cpu cpu0 = Machine.cpu();
            long t0 = System.nanoTime();
            HttpResponse<String> replay = send(http, "POST", base + "/abonnementen/" + id + "/dode-brieven/opnieuw", key, "application/json", new byte[0]);
            if (replay.statusCode() != 200 || JSON.readTree(replay.body()).get("opnieuw").asInt() != n)
                throw new IllegalStateException("replay: HTTP " + replay.statusCode() + " " + replay.body());
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
            while (receiver.accepted() < n) {
                if (System.nanoTime() > deadline)
                    throw new IllegalStateException("the receiver took " + receiver.accepted() + " of " + n);
                Thread.sleep(2);
            }
            awaitState(http, base, id, key, s -> s.get("wachtend").asInt() == 0 && s.get("dodeBrieven").asInt() == 0, Duration.ofMinutes(10));
            long nanos = System.nanoTime() - t0;
            Machine.Cpu cpu1 = Machine.cpu();

            List<Received> got = List.copyOf(receiver.received);
            Set<String> ids = new HashSet<>();
            int bad = 0;
            for (Received r : got) {
                ids.add(r.id());
                if (!verify(secret, r))
                    bad++;
            }
            if (ids.size() != n || bad != 0)
                throw new IllegalStateException(name + ": " + ids.size() + " distinct webhook-ids in " + got.size() + " requests, " + bad
                        + " bad signatures; expected " + n + " and 0");
            double meanBytes = got.stream().mapToInt(r -> r.body().getBytes(StandardCharsets.UTF_8).length).average().orElse(0);
            return new Run(name, threads, n, nanos, ids.size(), bad, got.size(), meanBytes, ownSince(cpu0, cpu1), cpu1.othersSince(cpu0),
                    cpu1.stealSince(cpu0), live, loadSeconds, loadRequests, distinctBodies(got, n));
        } finally {
            IngestBenchmark.delete(dir);
        }
    }

    private static final java.util.regex.Pattern CAPACITY = java.util.regex.Pattern.compile("\"capaciteit\": (\\d+)");

    private static String withCapacity(String sheet, int less) {
        java.util.regex.Matcher m = CAPACITY.matcher(sheet);
        if (!m.find())
            throw new IllegalStateException("a sample sheet without \"capaciteit\"");
        return sheet.substring(0, m.start(1)) + (Integer.parseInt(m.group(1)) - less) + sheet.substring(m.end(1));
    }

    private static List<String> distinctBodies(List<Received> got, int n) {
        Set<String> seen = new HashSet<>();
        List<String> bodies = new ArrayList<>();
        for (Received r : got)
            if (seen.add(r.id()))
                bodies.add(r.body());
        return bodies.subList(0, n);
    }

    private static JsonNode awaitState(HttpClient http, String base, String id, String key, java.util.function.Predicate<JsonNode> done,
                                       Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            HttpResponse<String> answer = send(http, "GET", base + "/abonnementen/" + id, key, null, null);
            if (answer.statusCode() != 200)
                throw new IllegalStateException("subscription: HTTP " + answer.statusCode() + " " + answer.body());
            JsonNode state = JSON.readTree(answer.body());
            if (done.test(state))
                return state;
            if (System.nanoTime() > end)
                throw new IllegalStateException("subscription still " + state + " after " + timeout);
            Thread.sleep(5);
        }
    }

    private static HttpResponse<String> send(HttpClient http, String method, String uri, String key, String type, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + key)
                .header("Accept", "application/json");
        if (body == null)
            b.GET();
        else
            b.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---------------------------------------------------------------- the baseline

    /** The same bodies, signed the same way with a secret of its own, POSTed by a plain client from {@code threads} threads. */
    private static Run plainRun(List<String> bodies, int threads, String name) throws Exception {
        byte[] keyBytes = new byte[32];
        new java.security.SecureRandom().nextBytes(keyBytes);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(keyBytes);
        // A client of its own, as the hub has: HTTP/1.1, no redirects, keep-alive.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try (Receiver receiver = new Receiver(200)) {
            URI uri = URI.create(receiver.url());
            AtomicInteger next = new AtomicInteger();
            AtomicReference<String> failure = new AtomicReference<>();
            Machine.Cpu cpu0 = Machine.cpu();
            long t0 = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                pool.execute(() -> {
                    int i;
                    while (failure.get() == null && (i = next.getAndIncrement()) < bodies.size()) {
                        byte[] body = bodies.get(i).getBytes(StandardCharsets.UTF_8);
                        String id = UUID.randomUUID().toString();
                        long timestamp = Instant.now().getEpochSecond();
                        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/json").header("User-Agent", "bench/1")
                                .header("webhook-id", id).header("webhook-timestamp", Long.toString(timestamp))
                                .header("webhook-signature", sign(secret, id, timestamp, body)).header("kohub-poging", "1")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                        try {
                            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() != 200)
                                failure.compareAndSet(null, "HTTP " + response.statusCode());
                        } catch (IOException | InterruptedException e) {
                            failure.compareAndSet(null, e.toString());
                        }
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(1, TimeUnit.HOURS))
                throw new IllegalStateException("posting did not end");
            long nanos = System.nanoTime() - t0;
            Machine.Cpu cpu1 = Machine.cpu();
            if (failure.get() != null)
                throw new IllegalStateException(name + ": " + failure.get());
            List<Received> got = List.copyOf(receiver.received);
            Set<String> ids = new HashSet<>();
            int bad = 0;
            for (Received r : got) {
                ids.add(r.id());
                if (!verify(secret, r))
                    bad++;
            }
            if (ids.size() != bodies.size() || bad != 0)
                throw new IllegalStateException(name + ": " + ids.size() + " distinct ids, " + bad + " bad signatures");
            double meanBytes = got.stream().mapToInt(r -> r.body().getBytes(StandardCharsets.UTF_8).length).average().orElse(0);
            return new Run(name, threads, bodies.size(), nanos, ids.size(), bad, got.size(), meanBytes, ownSince(cpu0, cpu1),
                    cpu1.othersSince(cpu0), cpu1.stealSince(cpu0), new long[0], 0, 0, List.of());
        }
    }

    // ---------------------------------------------------------------- receiver and signatures

    /** A loopback receiver (the JDK's HTTP server, {@value #RECEIVER_THREADS} handler threads): records each request, answers {@link #status}. */
    static final class Receiver implements AutoCloseable {
        final HttpServer server;
        final ExecutorService handlers = Executors.newFixedThreadPool(RECEIVER_THREADS);
        final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
        final Set<String> taken = java.util.concurrent.ConcurrentHashMap.newKeySet();
        volatile int status;

        Receiver(int status) throws IOException {
            this.status = status;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(handlers);
            server.createContext("/", exchange -> {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                long at = System.nanoTime();
                Instant when = Instant.now();
                int answer = this.status;
                var h = exchange.getRequestHeaders();
                received.add(new Received(h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"), h.getFirst("webhook-signature"),
                        new String(body, StandardCharsets.UTF_8), at, when, answer));
                if (answer / 100 == 2 && h.getFirst("webhook-id") != null)
                    taken.add(h.getFirst("webhook-id"));
                exchange.sendResponseHeaders(answer, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/kohub";
        }

        /** Distinct webhook-ids taken (answered 2xx). */
        int accepted() {
            return taken.size();
        }

        @Override
        public void close() {
            server.stop(0);
            handlers.shutdownNow();
        }
    }

    /** Standard Webhooks: base64 HMAC-SHA256 with the secret's bytes over "{id}.{timestamp}.{body}", among the header's "v1,…" values. */
    static boolean verify(String secret, Received r) {
        if (r.id() == null || r.timestamp() == null || r.signature() == null)
            return false;
        String expected = sign(secret, r.id(), Long.parseLong(r.timestamp()), r.body().getBytes(StandardCharsets.UTF_8));
        return List.of(r.signature().split(" ")).contains(expected);
    }

    static String sign(String secret, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- the section

    static String section(ZonedDateTime date, int n, int samples, int warmup, List<Run> hubRuns, List<Run> plainRuns, String command) {
        StringBuilder out = new StringBuilder();
        out.append(SECTION).append("\n\n");
        out.append("Run ").append(date.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(" with\n\n");
        out.append("```\n").append(command).append("\n```\n\n");
        out.append("Machine: ").append(Machine.describe()).append(".\n\n");
        double meanBytes = hubRuns.stream().mapToDouble(Run::meanBytes).average().orElse(0);
        out.append(String.format(Locale.ROOT, "%,d deliveries per run: %,d location-sheet versions (the %d sample sheets of `sample-data/locaties/` "
                + "posted again and again, every other round with one place less), one `locatie.*` delivery each, %.0f bytes of JSON on average. "
                + "Before the measured runs, %,d deliveries went the same way through a throw-away hub and the plain client (warm-up, not counted).%n%n",
                n, n, samples, meanBytes, warmup));
        out.append("| run | delivery threads | deliveries/s | seconds | distinct webhook-ids / requests | signatures valid | hub / plain | CPU of this JVM / others / stolen |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < hubRuns.size(); i++) {
            Run hub = hubRuns.get(i), plain = plainRuns.get(i);
            row(out, "hub: replay of all dead letters, each a signed POST and its outcome written to the store", hub, plain);
            row(out, "plain `java.net.http` client: as many signed POSTs of the same bodies to the same receiver (**baseline**)", plain, plain);
        }
        out.append('\n');
        double busiest = Stream.concat(hubRuns.stream(), plainRuns.stream()).mapToDouble(Run::othersCpu).filter(d -> !Double.isNaN(d)).max().orElse(0);
        if (busiest > 0.2)
            out.append(String.format(Locale.ROOT, "**Other processes used up to %.0f %% of the machine's CPU during these runs** (see the CPU column): "
                    + "the figures are lower than on a quiet machine and rows with different shares are not comparable.%n%n", 100 * busiest));
        out.append("Hub / plain: ").append(String.join("; ", hubRuns.stream().map(h -> {
            Run p = plainRuns.get(hubRuns.indexOf(h));
            return String.format(Locale.ROOT, "%.3f with %d delivery thread%s (%,.0f against %,.0f POSTs/s)", h.perSecond() / p.perSecond(),
                    h.threads(), h.threads() == 1 ? "" : "s", h.perSecond(), p.perSecond());
        }).toList())).append(".\n\n");
        out.append("Latency of a live delivery, from the change (the event's `timestamp`, the hub's clock, milliseconds) to its first "
                + "attempt at the receiver, while the versions were being posted (the receiver answering 503):\n\n");
        out.append("| delivery threads | p50 ms | p99 ms | max ms | requests for N deliveries | loading time s (posting, until every delivery was a dead letter) |\n|---:|---:|---:|---:|---:|---:|\n");
        for (Run h : hubRuns)
            out.append(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.0f | %,d | %.1f |%n", h.threads(), FeedBenchmark.percentile(h.liveLatencies(), 50),
                    FeedBenchmark.percentile(h.liveLatencies(), 99), FeedBenchmark.percentile(h.liveLatencies(), 100), h.loadRequests(), h.loadSeconds()));
        out.append('\n');
        out.append(String.format(Locale.ROOT, "What is measured: each hub run starts a hub in the benchmark's JVM on a fresh TDB2 database in a "
                + "temporary directory, with the demo API keys and webhook settings that accept loopback callbacks, try once (so a failed attempt "
                + "is at once a dead letter) and send with the given number of delivery threads (timeout 10 s, poll interval %d ms; the default "
                + "is 4 threads). A receiver on loopback (the JDK's `HttpServer`, %d handler threads, no work besides recording the request) is "
                + "subscribed to `locatie.*` by the client `opgroeien` (beheer). The versions are posted as JSON arrays of the samples while the "
                + "receiver answers 503, until the subscription shows nothing pending and N dead letters. Then the receiver answers 200 and the "
                + "clock starts: one `POST /abonnementen/{id}/dode-brieven/opnieuw` makes every dead letter pending again, and the time runs "
                + "until the receiver has taken N deliveries and `GET /abonnementen/{id}` shows 0 pending and 0 dead letters. Each delivery is "
                + "a POST with the Standard Webhooks headers, signed with the subscription's secret, whose outcome (the row removed) is written "
                + "through the hub's write queue before the next is due; the worker keeps at most twice its threads in flight. Afterwards every "
                + "request's signature is checked with the secret given at registration (HMAC-SHA256 written here from the standard's text) "
                + "and the distinct `webhook-id`s counted; more requests than ids means the hub sent some delivery twice (allowed: at least "
                + "once, the same `webhook-id`), and the rate counts only distinct ones. The baseline posts the same N bodies, each with a fresh id and the same headers "
                + "signed the same way, from a plain `java.net.http` client (HTTP/1.1, keep-alive) with as many threads as the hub's delivery "
                + "threads, to a fresh receiver of the same kind; it stores nothing, so it is the raw HTTP capacity of client and receiver on "
                + "this machine. The CPU column is the share of the whole machine used by this JVM (hub, receiver, client, Maven), by other "
                + "processes and stolen by the hypervisor (from /proc), during the timed phase.%n", POLL.toMillis(), RECEIVER_THREADS));
        return out.toString();
    }

    private static void row(StringBuilder out, String label, Run r, Run baseline) {
        out.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %.2f | %,d / %,d | %,d of %,d | %.3f | %.0f %% / %.0f %% / %.0f %% |%n", label,
                r.threads(), r.perSecond(), r.nanos() / 1e9, r.distinctIds(), r.requests(), r.requests() - r.badSignatures(), r.requests(),
                r.perSecond() / baseline.perSecond(), 100 * r.ownCpu(), 100 * r.othersCpu(), 100 * r.stealCpu()));
    }

    private static String command(int n, int warmup) {
        StringBuilder command = new StringBuilder(BASE_COMMAND);
        if (n != 5000)
            command.append(" -Dbench.deliveries=").append(n);
        if (warmup != 720)
            command.append(" -Dbench.warmup=").append(warmup);
        String threads = System.getProperty("bench.threads");
        if (threads != null && !threads.replace(" ", "").equals("1,4"))
            command.append(" -Dbench.threads=").append(threads.replace(" ", ""));
        return command.toString();
    }

    // ---------------------------------------------------------------- helpers

    private static double ownSince(Machine.Cpu before, Machine.Cpu after) {
        long total = after.total() - before.total();
        return total <= 0 ? Double.NaN : (after.own() - before.own()) / (double) total;
    }

    private static void report(Run r) {
        log("%-14s threads=%d  %,d deliveries in %.2f s: %8.1f/s  distinct ids %d of %d requests  bad signatures %d  %.0f bytes  CPU own %.0f%% others %.0f%% steal %.0f%%%s",
                r.name(), r.threads(), r.deliveries(), r.nanos() / 1e9, r.perSecond(), r.distinctIds(), r.requests(), r.badSignatures(), r.meanBytes(),
                100 * r.ownCpu(), 100 * r.othersCpu(), 100 * r.stealCpu(),
                r.liveLatencies().length == 0 ? "" : String.format(Locale.ROOT, "  live p50 %.0f ms p99 %.0f ms, loading %.1f s with %d requests",
                        FeedBenchmark.percentile(r.liveLatencies(), 50), FeedBenchmark.percentile(r.liveLatencies(), 99), r.loadSeconds(), r.loadRequests()));
    }

    private static void log(String format, Object... args) {
        IngestBenchmark.log(format, args);
    }
}
