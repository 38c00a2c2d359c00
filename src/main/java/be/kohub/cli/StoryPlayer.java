package be.kohub.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Plays a scripted story ({@code sample-data/familieverhaal/verhaal.json}) against a running hub
 * over HTTP, as the counter and organiser systems of the story would: each step is one call by
 * one client with one body file. Placeholders in paths and bodies: {@code {{datum:+N}}} (today
 * plus N days), {@code {{locatie:file-name}}} (the IRI of a sample location) and
 * {@code {{name}}} for a value an earlier step kept with {@code bewaar}.
 */
public final class StoryPlayer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z-]+)(?::([^}]+))?}}");
    private final String baseUrl;
    private final Map<String, String> keys;
    private final Map<String, String> locations;
    private final Map<String, String> kept = new HashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    /** One step as played: what was asked and what the hub answered. */
    public record Step(String description, String client, String method, String path, int expected, int status, JsonNode answer) {
        public boolean asExpected() {
            return status == expected;
        }
    }

    /**
     * @param keys      API key per client name (e.g. from demo-clients.json)
     * @param locations IRI per sample location file name (without extension)
     */
    public StoryPlayer(String baseUrl, Map<String, String> keys, Map<String, String> locations) {
        this.baseUrl = baseUrl;
        this.keys = keys;
        this.locations = locations;
    }

    public List<Step> play(Path storyDir) {
        List<Step> steps = new ArrayList<>();
        for (JsonNode step : read(storyDir.resolve("verhaal.json")).get("stappen")) {
            String path = fill(step.get("pad").asText());
            String body = step.hasNonNull("body") ? fill(text(storyDir.resolve(step.get("body").asText()))) : null;
            String client = step.get("door").asText();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Authorization", "Bearer " + keys.get(client));
            if (body == null)
                request.GET();
            else
                request.method(step.get("methode").asText(), HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", step.get("body").asText().endsWith(".jsonld") ? "application/ld+json" : "application/json");
            HttpResponse<String> response = send(request.build());
            JsonNode answer = parse(response.body());
            step.path("bewaar").fields().forEachRemaining(e -> kept.put(e.getKey(), answer.at(e.getValue().asText()).asText()));
            steps.add(new Step(step.get("stap").asText(), client, step.get("methode").asText(), path,
                    step.get("verwacht").asInt(), response.statusCode(), answer));
        }
        return steps;
    }

    /** The values the story kept (kindcode, request and assignment ids). */
    public Map<String, String> kept() {
        return Map.copyOf(kept);
    }

    /** The API keys of the clients in a credentials file that holds plain keys (the demo's). */
    public static Map<String, String> keysOf(Path clientsFile) {
        Map<String, String> keys = new HashMap<>();
        read(clientsFile).forEach(c -> {
            if (c.hasNonNull("key"))
                keys.put(c.get("name").asText(), c.get("key").asText());
        });
        return keys;
    }

    private String fill(String template) {
        return fill(template, kept, locations);
    }

    /** Fills the placeholders of a template: dates, sample locations and kept values. */
    public static String fill(String template, Map<String, String> kept, Map<String, String> locations) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "datum" -> LocalDate.now().plusDays(Long.parseLong(m.group(2).replace("+", ""))).toString();
                case "locatie" -> locations.get(m.group(2));
                default -> kept.get(m.group(1));
            };
            if (value == null)
                throw new IllegalStateException("story placeholder without value: " + m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("body", body);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
