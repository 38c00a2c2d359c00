package be.kohub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.query.QueryFactory;

import be.kohub.access.ApiKeys;

/**
 * A real hub for tests: TDB2 in a temporary directory, HTTP on a free port, the demo
 * credentials of sample-data/. Requests read like usage: {@code hub.post("/locaties", KO_GENT, body)}.
 */
public final class RunningHub implements AutoCloseable {
    public static final Path SAMPLES = Path.of("sample-data");
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public final Hub hub;
    private final Path dir;

    private RunningHub(Hub hub, Path dir) {
        this.hub = hub;
        this.dir = dir;
    }

    public static RunningHub start() {
        return start(b -> {});
    }

    public static RunningHub start(java.util.function.Consumer<Hub.Builder> settings) {
        try {
            return on(Files.createTempDirectory("kohub-test"), settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A hub on an existing TDB2 directory (e.g. a generated, bulk-loaded one), which close() deletes. */
    public static RunningHub on(Path dir, java.util.function.Consumer<Hub.Builder> settings) {
        Hub.Builder builder = Hub.builder().store(TestStores.open(dir)).port(0)
                .clients(ApiKeys.fromFile(SAMPLES.resolve("demo-clients.json")));
        settings.accept(builder);
        return new RunningHub(builder.build().start(), dir);
    }

    /**
     * A hub on a store made elsewhere (e.g. a second hub instance on the same Fuseki server);
     * close() stops the hub and leaves the store's data alone.
     */
    public static RunningHub onStore(be.kohub.store.Store store, java.util.function.Consumer<Hub.Builder> settings) {
        try {
            Hub.Builder builder = Hub.builder().store(store).port(0)
                    .clients(ApiKeys.fromFile(SAMPLES.resolve("demo-clients.json")));
            settings.accept(builder);
            return new RunningHub(builder.build().start(), Files.createTempDirectory("kohub-test"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A hub on a port picked here, whose base is its own URL ({@code http://localhost:{port}}), so
     * that the IRIs it publishes (feed pages, streams) are the URLs a client fetches.
     */
    public static RunningHub startAtItsOwnUrl(java.util.function.Consumer<Hub.Builder> settings) {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(b -> {
            b.port(port).base("http://localhost:" + port);
            settings.accept(b);
        });
    }

    /** The demo key of a client in sample-data/demo-clients.json. */
    public static String key(String clientName) {
        try {
            for (JsonNode c : JSON.readTree(SAMPLES.resolve("demo-clients.json").toFile()))
                if (c.get("name").asText().equals(clientName))
                    return c.get("key").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no demo client " + clientName);
    }

    public static byte[] sample(String relative) {
        try {
            return Files.readAllBytes(SAMPLES.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://localhost:" + hub.port() + path;
    }

    public HttpResponse<String> post(String path, String key, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return send(withKey(request, key));
    }

    public HttpResponse<String> postJsonLd(String path, String key, byte[] body) {
        return post(path, key, "application/ld+json", body);
    }

    public HttpResponse<String> put(String path, String key, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/ld+json").PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(withKey(request, key));
    }

    public HttpResponse<String> delete(String path, String key, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).DELETE();
        headers.forEach(request::header);
        return send(withKey(request, key));
    }

    public HttpResponse<String> get(String path, String accept) {
        return get(path, accept, Map.of());
    }

    public HttpResponse<String> get(String path, String accept, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (accept != null)
            request.header("Accept", accept);
        headers.forEach(request::header);
        return send(request);
    }

    /** Any request, as the client with {@code key} (null: anonymous), with a body for POST and PUT. */
    public HttpResponse<String> send(String method, String path, String key, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null)
            request.header("Content-Type", contentType);
        headers.forEach(request::header);
        return send(withKey(request, key));
    }

    /** Quads outside the audit log and a remote store's revision: what a refused request must leave unchanged (reads of personal data add audit records). */
    public long quadCountOutsideAudit() {
        return hub.store().read(tx -> Long.parseLong(tx.select(QueryFactory.create(
                "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER (?g NOT IN (<https://data.kohub.be/graph/audit>, <https://data.kohub.be/graph/opslag>)) }"))
                .get(0).get("n").getLiteralLexicalForm()));
    }

    public HttpResponse<String> getAs(String path, String key, String accept) {
        return get(path, accept, Map.of("Authorization", "Bearer " + key));
    }

    /** Posts every sample location sheet (as beheer) and answers the IRI of each, by file name without extension. */
    public Map<String, String> loadSampleLocations() {
        Map<String, String> iris = new java.util.TreeMap<>();
        try (var files = java.nio.file.Files.list(SAMPLES.resolve("locaties"))) {
            for (Path file : files.sorted().toList()) {
                HttpResponse<String> created = postJsonLd("/locaties", key("opgroeien"), java.nio.file.Files.readAllBytes(file));
                if (created.statusCode() != 201)
                    throw new IllegalStateException(file + ": " + created.body());
                iris.put(file.getFileName().toString().replace(".jsonld", ""), json(created).get("id").asText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return iris;
    }

    /** Everything the store holds but a remote store's revision bookkeeping, counted as quads: proof that a refused request changed nothing. */
    public long quadCount() {
        return hub.store().read(tx -> Long.parseLong(tx.select(QueryFactory.create(
                "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER (?g != <https://data.kohub.be/graph/opslag>) }")).get(0).get("n").getLiteralLexicalForm()));
    }

    /** Quads anywhere in the store whose object's text contains {@code text}. */
    public long quadCountMatching(String text) {
        return hub.store().read(tx -> tx.select(QueryFactory.create(
                "SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }")).stream()
                .filter(row -> row.get("o").toString().contains(text)).count());
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(response.body(), e);
        }
    }

    private static HttpRequest.Builder withKey(HttpRequest.Builder request, String key) {
        if (key != null)
            request.header("Authorization", "Bearer " + key);
        return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops this hub and starts another on the same database, as after a restart of the process. */
    public RunningHub restart(java.util.function.Consumer<Hub.Builder> settings) {
        hub.close();
        return on(dir, settings);
    }

    /** The hub's TDB2 directory (open it only while no hub runs on it). */
    public Path directory() {
        return dir;
    }

    @Override
    public void close() {
        hub.close();
        TestStores.release(dir);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
