package be.kohub.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import be.kohub.RunningHub;

/** GET /conformiteit.zip, as a vendor downloads it: public, and the same files as sample-data/conformiteit/. */
class ConformancePackTest {

    @Test
    void anyoneDownloadsThePackAndItHoldsExactlyTheFilesOfTheRepository() throws Exception {
        try (RunningHub hub = RunningHub.start()) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(hub.url("/conformiteit.zip"))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode());
            assertEquals("application/zip", response.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(response.headers().firstValue("Content-Disposition").orElseThrow().contains("kohub-conformiteit.zip"));

            Map<String, byte[]> unzipped = new TreeMap<>();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; )
                    unzipped.put(entry.getName(), zip.readAllBytes());
            }
            Map<String, byte[]> files = new TreeMap<>();
            Path pack = RunningHub.SAMPLES.resolve("conformiteit");
            try (Stream<Path> walk = Files.walk(pack)) {
                for (Path f : walk.filter(Files::isRegularFile).toList())
                    files.put("conformiteit/" + pack.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
            assertEquals(files.keySet(), unzipped.keySet());
            files.forEach((name, bytes) -> assertArrayEquals(bytes, unzipped.get(name), name));
            assertTrue(unzipped.containsKey("conformiteit/manifest.json") && unzipped.containsKey("conformiteit/locatie/manifest.json"));

            // The same bytes again, and a cached copy is confirmed with its ETag.
            String etag = response.headers().firstValue("ETag").orElseThrow();
            HttpResponse<byte[]> again = http.send(HttpRequest.newBuilder(URI.create(hub.url("/conformiteit.zip"))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertArrayEquals(response.body(), again.body());
            HttpResponse<byte[]> cached = http.send(HttpRequest.newBuilder(URI.create(hub.url("/conformiteit.zip")))
                    .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(304, cached.statusCode());
            assertEquals(0, cached.body().length);
        }
    }

    @Test
    void theBuildPacksTheFilesIntoTheJarNotTheWorkingDirectory() throws IOException {
        // The hub reads the pack from the classpath; in tests that is target/classes/conformiteit, copied by the pom's resources.
        Path copied = Path.of(ConformancePack.class.getResource(ConformancePack.FOLDER).getPath());
        assertTrue(copied.toString().contains("classes"), copied.toString());
        assertArrayEquals(Files.readAllBytes(RunningHub.SAMPLES.resolve("conformiteit/manifest.json")), Files.readAllBytes(copied.resolve("manifest.json")));
    }
}
