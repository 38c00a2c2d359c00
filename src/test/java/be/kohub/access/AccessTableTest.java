package be.kohub.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import be.kohub.RunningHub;

/** Walks every route the server exposes: each names an action, and anonymous callers get only public ones. */
class AccessTableTest {

    @Test
    void everyRouteHasAnActionAndAnonymousCallersAreDeniedTheRest() throws Exception {
        try (RunningHub hub = RunningHub.start()) {
            Map<String, Action> routes = hub.hub.routes();
            assertTrue(routes.size() >= 10, routes.toString());
            HttpClient http = HttpClient.newHttpClient();
            for (Map.Entry<String, Action> route : routes.entrySet()) {
                assertNotNull(route.getValue(), route.getKey() + " has no action");
                if (route.getValue().allows(Role.PUBLIEK))
                    continue;
                String[] methodAndPath = route.getKey().split(" ", 2);
                String path = methodAndPath[1].replace("{id}", "00000000-0000-0000-0000-000000000000")
                        .replace("{code}", "KC123456789022").replace("{rapport}", "overzicht")
                        .replace("{name}", "onbekend").replaceAll("\\{[^}]+}", "1");
                HttpRequest request = HttpRequest.newBuilder(URI.create(hub.url(path)))
                        .method(methodAndPath[0], HttpRequest.BodyPublishers.ofString("{}"))
                        .header("Content-Type", "application/ld+json").build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                assertEquals(401, response.statusCode(), route.getKey() + " without a key");
                assertTrue(response.headers().firstValue("WWW-Authenticate").isPresent());
            }
            assertEquals(Action.LOCATIE_SCHRIJVEN, routes.get("POST /locaties"));
            assertEquals(Action.LOCATIE_LEZEN, routes.get("GET /locaties/{id}"));
            assertEquals(Action.MODEL_LEZEN, routes.get("GET /specificatie/{documenttype}"));
            // The published model is public, every route of it (docs/versioning.md).
            List<String> model = routes.keySet().stream().filter(r -> r.startsWith("GET /model")).toList();
            assertEquals(15, model.size(), model.toString());
            model.forEach(r -> assertEquals(Action.MODEL_LEZEN, routes.get(r), r));
        }
    }
}
