package be.kohub.store.remote;

import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.key;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import be.kohub.RunningHub;

/**
 * The hub on Apache Jena Fuseki in a container (the Jena project's jena-fuseki-docker recipe,
 * src/test/resources/fuseki-docker), for users with a Docker engine; skipped without one. Its
 * twins, which run everywhere, use the same server in process: {@link TwoInstancesTest},
 * {@link RemoteStoreTest} and the whole suite with {@code -Dkohub.test.store=fuseki}.
 */
@Testcontainers(disabledWithoutDocker = true)
class FusekiContainerTest {
    @Container
    static final GenericContainer<?> FUSEKI = new GenericContainer<>(new ImageFromDockerfile("kohub-test-fuseki", false)
            .withFileFromClasspath("Dockerfile", "fuseki-docker/Dockerfile"))
            .withExposedPorts(3030)
            .waitingFor(Wait.forHttp("/$/ping").forStatusCode(200));

    @Test
    void twoHubInstancesOnTheContainerStoreAndRefuseAStaleUpdate() throws Exception {
        String url = "http://" + FUSEKI.getHost() + ":" + FUSEKI.getMappedPort(3030) + "/ds";
        try (RunningHub east = RunningHub.onStore(RemoteStore.at(url, null, null), b -> {});
             RunningHub west = RunningHub.onStore(RemoteStore.at(url, null, null), b -> {})) {
            HttpResponse<String> created = east.postJsonLd("/locaties", key("opgroeien"), RunningHub.sample("locaties/gent-kdv-de-knuffelboom.jsonld"));
            assertEquals(201, created.statusCode(), created.body());
            String path = "/locaties/" + json(created).get("id").asText().replaceAll(".*/", "");
            String etag = json(created).get("etag").asText();
            byte[] sheet = RunningHub.sample("locaties/gent-kdv-de-knuffelboom.jsonld");
            assertEquals(200, west.get(path, "application/ld+json").statusCode(), "the other instance reads it");
            assertEquals(200, west.put(path, key("opgroeien"), sheet, Map.of("If-Match", etag)).statusCode());
            assertEquals(412, east.put(path, key("opgroeien"), sheet, Map.of("If-Match", etag)).statusCode(),
                    "the first instance sees the version the second made");
            assertEquals(List.of("\"v2\""), east.get(path, "application/ld+json").headers().allValues("ETag"));
        }
    }
}
