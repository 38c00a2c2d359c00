package be.kohub.operations;

import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import be.kohub.RunningHub;

/**
 * Every request has an id (the caller's X-Request-Id if sane, else a new one), echoed in the
 * header and in problem+json, and carried by the request's JSON log line, captured here through
 * logback with the hub's own encoder.
 */
class RequestIdLogTest {

    @Test
    void aRefusedRequestsProblemCarriesTheIdItsLogLineCarries() throws Exception {
        try (RunningHub hub = RunningHub.start(); CapturedLog log = CapturedLog.of("kohub.http")) {
            HttpResponse<String> refused = hub.send("POST", "/locaties", key("opgroeien"), "application/ld+json",
                    RunningHub.sample("conformiteit/locatie/ongeldig/postcode-drie-cijfers.jsonld"), Map.of("X-Request-Id", "vendor-4711.a"));
            assertEquals(422, refused.statusCode(), refused.body());
            assertEquals("vendor-4711.a", refused.headers().firstValue("X-Request-Id").orElse(null));
            assertEquals("vendor-4711.a", json(refused).get("requestId").asText());

            JsonNode line = log.lineWith("requestId", "vendor-4711.a");
            assertEquals(422, line.get("status").asInt(), line.toString());
            assertEquals("POST", line.get("method").asText());
            assertEquals("/locaties", line.get("route").asText());
            assertEquals("opgroeien", line.get("client").asText());
            assertEquals("INFO", line.get("level").asText());
            assertTrue(line.has("@timestamp") && line.has("durationMs"), line.toString());
        }
    }

    @Test
    void anInsaneOrMissingIdIsReplacedByANewOne() throws Exception {
        try (RunningHub hub = RunningHub.start(); CapturedLog log = CapturedLog.of("kohub.http")) {
            HttpResponse<String> missing = hub.get("/locaties/00000000-0000-0000-0000-000000000000", "application/ld+json");
            assertEquals(404, missing.statusCode());
            String generated = missing.headers().firstValue("X-Request-Id").orElseThrow();
            assertTrue(generated.matches("[0-9a-f-]{36}"), generated);
            assertEquals(generated, json(missing).get("requestId").asText());
            assertEquals("/locaties/{id}", log.lineWith("requestId", generated).get("route").asText(), "the template, not the path with its id");

            String insane = "x".repeat(300);
            HttpResponse<String> unmatched = hub.get("/bestaat-niet", null, Map.of("X-Request-Id", insane));
            assertEquals(404, unmatched.statusCode());
            String replaced = unmatched.headers().firstValue("X-Request-Id").orElseThrow();
            assertNotEquals(insane, replaced);
            assertEquals(replaced, json(unmatched).get("requestId").asText(), "an unknown path is a problem+json answer too");
            assertEquals("https://data.kohub.be/problemen/niet-gevonden", json(unmatched).get("type").asText());
            assertEquals("unmatched", log.lineWith("requestId", replaced).get("route").asText());

            HttpResponse<String> first = hub.get("/locaties", "application/ld+json");
            HttpResponse<String> second = hub.get("/locaties", "application/ld+json");
            assertNotEquals(first.headers().firstValue("X-Request-Id").orElseThrow(), second.headers().firstValue("X-Request-Id").orElseThrow());
            assertTrue(log.lines().stream().noneMatch(l -> l.toString().contains("00000000-0000-0000-0000-000000000000")),
                    "no path with an id in the request log");
        }
    }

    /** The JSON lines one logger writes, through logback and the logstash encoder the hub's logback.xml uses. */
    static final class CapturedLog implements AutoCloseable {
        private final Logger logger;
        private final Level level;
        private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        /** What the appender writes; each write wakes whoever waits for a line. */
        private final ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (CapturedLog.this) {
                    super.write(b, off, len);
                    CapturedLog.this.notifyAll();
                }
            }
        };

        private CapturedLog(String name) {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            logger = context.getLogger(name);
            level = logger.getLevel();
            LogstashEncoder encoder = new LogstashEncoder();
            encoder.setContext(context);
            encoder.start();
            appender.setContext(context);
            appender.setEncoder(encoder);
            appender.setOutputStream(out);
            appender.start();
            logger.addAppender(appender);
            logger.setLevel(Level.INFO);
            // captured only: the test run's console shows warnings and errors, as always
            logger.setAdditive(false);
        }

        static CapturedLog of(String name) {
            return new CapturedLog(name);
        }

        synchronized List<JsonNode> lines() {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : out.toString(StandardCharsets.UTF_8).split("\n"))
                if (!line.isBlank())
                    try {
                        lines.add(RunningHub.JSON.readTree(line));
                    } catch (java.io.IOException e) {
                        throw new AssertionError("not a JSON log line: " + line, e);
                    }
            return lines;
        }

        /** The line whose field has the value; waits for it (up to 10 s), as the line is written once the answer has gone. */
        synchronized JsonNode lineWith(String field, String value) throws InterruptedException {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (true) {
                for (JsonNode line : lines())
                    if (value.equals(line.path(field).asText(null)))
                        return line;
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0)
                    throw new AssertionError("no log line with " + field + "=" + value + " in " + lines());
                wait(left); // woken by the next write of the appender
            }
        }

        @Override
        public void close() {
            logger.detachAppender(appender);
            logger.setLevel(level);
            logger.setAdditive(true);
            appender.stop();
        }
    }
}
