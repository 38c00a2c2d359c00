package be.kohub.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * API keys of system clients. Only the SHA-256 of each key is kept in memory; a clients
 * file may hold the key itself (demo) or {@code "keySha256"} (production).
 */
public final class ApiKeys {
    /** Starts every key the hub generates. */
    public static final String PREFIX = "kohub_";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private final Map<String, Client> byHash = new HashMap<>();

    public static ApiKeys none() {
        return new ApiKeys();
    }

    /** Reads a JSON array of {@code {name, role, key | keySha256, organisator?, loket?, werkingsgebied?}}. */
    public static ApiKeys fromFile(Path file) {
        ApiKeys keys = new ApiKeys();
        try {
            for (JsonNode entry : new ObjectMapper().readTree(Files.readAllBytes(file))) {
                List<String> area = new ArrayList<>();
                entry.path("werkingsgebied").forEach(n -> area.add(n.asText()));
                Client client = new Client(entry.path("name").asText(), Role.of(entry.path("role").asText()),
                        text(entry, "organisator"), text(entry, "loket"), List.copyOf(area));
                String hash = entry.has("keySha256") ? entry.get("keySha256").asText() : sha256(entry.path("key").asText());
                keys.add(hash, client);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read clients file " + file, e);
        }
        return keys;
    }

    public void add(String keySha256, Client client) {
        if (client.name().isBlank() || keySha256.isBlank())
            throw new IllegalArgumentException("a client needs a name and a key");
        byHash.put(keySha256, client);
    }

    public Optional<Client> find(String key) {
        return Optional.ofNullable(byHash.get(sha256(key)));
    }

    public List<Client> all() {
        return List.copyOf(byHash.values());
    }

    /** The names of the clients in the file: managed there, read-only through the API. */
    public java.util.Set<String> names() {
        return byHash.values().stream().map(Client::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** A new key: 256 random bits, base64url, with a prefix that secret scanners can recognise. */
    public static String generate() {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        return PREFIX + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    public static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode entry, String field) {
        return entry.hasNonNull(field) ? entry.get(field).asText() : null;
    }
}
