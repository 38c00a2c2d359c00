package be.kohub.webhooks;

import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.key;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.query.QueryFactory;

import be.kohub.RunningHub;

/** Registering subscriptions in tests, and the settings tests run webhooks with: loopback allowed, retries in milliseconds. */
final class Subscribing {
    private Subscribing() {}

    static WebhookSettings fast(int maxAttempts) {
        return WebhookSettings.DEFAULT.withPrivateNetworks(true).withBackoff(Duration.ofMillis(20), Duration.ofMillis(120))
                .withMaxAttempts(maxAttempts).withPollInterval(Duration.ofMillis(200)).withTimeout(Duration.ofSeconds(5));
    }

    static HttpResponse<String> register(RunningHub hub, String client, String body) {
        return hub.post("/abonnementen", client == null ? null : key(client), "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    /** Registers {@code url} for {@code types} as {@code client}; answers the 201's JSON (with the secret). */
    static JsonNode subscribe(RunningHub hub, String client, String url, String... types) {
        ObjectNode body = RunningHub.JSON.createObjectNode();
        body.put("callbackUrl", url);
        var list = body.putArray("gebeurtenistypes");
        for (String type : types)
            list.add(type);
        HttpResponse<String> created = register(hub, client, body.toString());
        assertEquals(201, created.statusCode(), created.body());
        return json(created);
    }

    /** Rows in the outbox graph, pending or dead. */
    static long outboxRows(RunningHub hub) {
        return hub.hub.store().read(tx -> Long.parseLong(tx.select(QueryFactory.create(
                "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH <https://data.kohub.be/graph/bezorgingen> { ?d a <https://data.kohub.be/ns/kohub#Bezorging> } }"))
                .get(0).get("n").getLiteralLexicalForm()));
    }
}
