package be.kohub.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import be.kohub.RunningHub;

/**
 * A real webhook receiver on loopback (the JDK's HTTP server): records every request it gets and
 * answers with the status {@link #answering} chooses for the n-th request (1 for the first).
 * The signature check here is written from the Standard Webhooks text, not with the hub's code.
 */
final class Receiver implements AutoCloseable {
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile IntUnaryOperator answering = n -> 204;

    /** One request as the receiver got it: headers (lower-case names), body, and the status it answered. */
    record Received(Map<String, String> headers, String body, int answered) {
        String id() {
            return headers.get("webhook-id");
        }

        int attempt() {
            return Integer.parseInt(headers.get("kohub-poging"));
        }

        JsonNode json() {
            try {
                return RunningHub.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Standard Webhooks: base64 HMAC-SHA256 with the secret's bytes over "{id}.{timestamp}.{body}", among the header's "v1,…" values. */
        boolean signedWith(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
                String content = headers.get("webhook-id") + "." + headers.get("webhook-timestamp") + "." + body;
                String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
                return List.of(headers.get("webhook-signature").split(" ")).contains(expected);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Receiver(HttpServer server) {
        this.server = server;
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            headers.put(":path", exchange.getRequestURI().toString());
            int status = answering.applyAsInt(requests.incrementAndGet());
            received.add(new Received(headers, new String(body, StandardCharsets.UTF_8), status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    static Receiver start() {
        return on(0);
    }

    /** A receiver on this loopback port (0: any free one), e.g. the port of one that was closed, as after its restart. */
    static Receiver on(int port) {
        try {
            return new Receiver(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Receiver answering(IntUnaryOperator statusOfRequest) {
        this.answering = statusOfRequest;
        return this;
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port() + "/kohub";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests it took (2xx) matching {@code which}. */
    List<Received> accepted(Predicate<Received> which) {
        return received.stream().filter(r -> r.answered() / 100 == 2).filter(which).toList();
    }

    /** Waits until {@code count} requests matching {@code which} were taken (2xx); fails after {@code timeout}. */
    List<Received> awaitAccepted(int count, Predicate<Received> which, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            List<Received> found = accepted(which);
            if (found.size() >= count)
                return found;
            sleep(20);
        }
        throw new AssertionError("expected " + count + " accepted deliveries within " + timeout + ", got " + accepted(which).size()
                + " of " + received.size() + ": " + received);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
