package be.kohub.store.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.junit.jupiter.api.Test;

import be.kohub.RunningHub;
import be.kohub.TestStores;

/**
 * {@code kohub serve --store URL} as a user runs it: a separate process (the hub's main class on
 * the test class path) pointed at a Fuseki server; a sheet posted to the hub is then in Fuseki.
 */
class ServeOnRemoteStoreTest {
    @Test
    void serveWithStoreKeepsItsDataInTheRemoteServer() throws Exception {
        Path dir = Files.createTempDirectory("kohub-serve-remote");
        FusekiServer fuseki = TestStores.fuseki(dir);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String dataset = "http://localhost:" + fuseki.getPort() + "/ds";
        Process hub = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "be.kohub.cli.Main", "serve",
                "--store", dataset, "--port", Integer.toString(port), "--data", dir.resolve("hub").toString(),
                "--clients", RunningHub.SAMPLES.resolve("demo-clients.json").toString()))
                .redirectErrorStream(true).start();
        try {
            CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(hub.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null; )
                        if (line.startsWith("kohub listening"))
                            return line;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return "ended";
            });
            String line = ready.get(120, TimeUnit.SECONDS);
            assertTrue(line.contains(dataset), "the hub says where its data is: " + line);

            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/locaties"))
                    .header("Authorization", "Bearer " + RunningHub.key("opgroeien")).header("Content-Type", "application/ld+json")
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(RunningHub.sample("locaties/gent-kdv-de-knuffelboom.jsonld"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
            String iri = RunningHub.json(created).get("id").asText();
            try (QueryExecHTTP ask = QueryExecHTTP.service(dataset).query("ASK { GRAPH <" + iri + "> { <" + iri + "> ?p ?o } }").build()) {
                assertTrue(ask.ask(), "the sheet is in Fuseki's graph of its IRI");
            }
        } finally {
            hub.destroy();
            hub.waitFor(30, TimeUnit.SECONDS);
            fuseki.stop();
        }
    }
}
