package be.kohub.operations;

import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.key;
import static be.kohub.RunningHub.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import be.kohub.RunningHub;
import be.kohub.access.ApiKeys;
import be.kohub.access.Client;
import be.kohub.access.Role;

/**
 * {@code /metrics} is scraped before and after real calls through the HTTP API; each counter moves
 * by what those calls did. Only a scraper's own key (role monitoring) and beheer may read it.
 */
class MetricsTest {
    private static final String SCRAPER_KEY = "scraper-key-for-the-metrics-test-0123456789";

    @Test
    void countersMoveWithRealCalls() {
        try (RunningHub hub = RunningHub.start(b -> b.clients(withScraper()))) {
            String beheer = key("opgroeien");
            Samples before = scrape(hub);

            HttpResponse<String> created = hub.postJsonLd("/locaties", beheer, sample("locaties/gent-kdv-de-knuffelboom.jsonld"));
            assertEquals(201, created.statusCode(), created.body());
            HttpResponse<String> updated = hub.postJsonLd("/locaties", beheer, sample("locaties/gent-kdv-de-knuffelboom.jsonld"));
            assertEquals(200, updated.statusCode(), updated.body());
            HttpResponse<String> invalid = hub.postJsonLd("/locaties", beheer, sample("conformiteit/locatie/ongeldig/postcode-drie-cijfers.jsonld"));
            assertEquals(422, invalid.statusCode());
            String path = created.headers().firstValue("Location").orElseThrow();
            HttpResponse<String> stale = hub.put(path, beheer, sample("locaties/gent-kdv-de-knuffelboom.jsonld"), Map.of("If-Match", "\"v0\""));
            assertEquals(412, stale.statusCode(), stale.body());
            for (int i = 0; i < 3; i++)
                assertEquals(200, hub.get(path, "application/ld+json").statusCode());
            HttpResponse<String> dryRun = hub.post("/validatie", null, "application/ld+json", sample("conformiteit/locatie/ongeldig/postcode-drie-cijfers.jsonld"));
            assertFalse(json(dryRun).get("conforms").asBoolean());

            Samples after = scrape(hub);
            assertEquals(1, after.delta(before, "kohub_ingest_documents_total", "type", "locatie", "outcome", "created"));
            assertEquals(1, after.delta(before, "kohub_ingest_documents_total", "type", "locatie", "outcome", "updated"));
            assertEquals(2, after.delta(before, "kohub_ingest_documents_total", "type", "locatie", "outcome", "rejected"));
            assertEquals(1, after.delta(before, "kohub_ingest_rejections_total", "type", "locatie", "reason", "shacl-schending"));
            assertEquals(1, after.delta(before, "kohub_ingest_rejections_total", "type", "locatie", "reason", "versie-conflict"));
            assertEquals(1, after.delta(before, "kohub_validation_failures_total", "type", "locatie", "source", "ingest"));
            assertEquals(1, after.delta(before, "kohub_validation_failures_total", "type", "locatie", "source", "validatie"));
            assertEquals(3, after.delta(before, "http_server_requests_seconds_count", "method", "GET", "route", "/locaties/{id}", "status", "200"));
            assertEquals(1, after.delta(before, "http_server_requests_seconds_count", "method", "POST", "route", "/locaties", "status", "201"));
            assertEquals(1, after.delta(before, "http_server_requests_seconds_count", "method", "POST", "route", "/locaties", "status", "422"));
            assertEquals(1, after.delta(before, "http_server_requests_seconds_count", "method", "PUT", "route", "/locaties/{id}", "status", "412"));
            assertEquals(1, after.delta(before, "http_server_requests_seconds_count", "method", "GET", "route", "/metrics", "status", "200"),
                    "the first scrape is counted in the second");
            assertTrue(after.delta(before, "http_server_requests_seconds_sum", "method", "POST", "route", "/locaties", "status", "201") > 0);
            assertTrue(after.delta(before, "http_server_requests_seconds_bucket", "method", "GET", "route", "/locaties/{id}", "status", "200", "le", "+Inf") == 3);
            // every write commits at least once; reads (document lookups, the answer's state) run in read transactions
            assertTrue(after.delta(before, "kohub_store_transaction_seconds_count", "kind", "write", "outcome", "ok") >= 2);
            assertTrue(after.delta(before, "kohub_store_commit_seconds_count") >= 2);
            assertTrue(after.delta(before, "kohub_store_transaction_seconds_count", "kind", "read", "outcome", "ok") >= 3);
            assertTrue(after.value("kohub_store_write_queue") >= 0);
            assertTrue(after.value("jvm_memory_used_bytes", "area", "heap", "id", after.any("jvm_memory_used_bytes", "id")) >= 0);

            String id = path.substring(path.lastIndexOf('/') + 1);
            assertFalse(after.text.contains(id), "no raw path with an id among the labels");
        }
    }

    @Test
    void onlyTheScraperAndBeheerMayReadIt() {
        try (RunningHub hub = RunningHub.start(b -> b.clients(withScraper()))) {
            assertEquals(401, hub.get("/metrics", null).statusCode());
            for (String other : List.of("llko-gent", "ko-stad-gent", "opgroeien-analist"))
                assertEquals(403, hub.getAs("/metrics", key(other), null).statusCode(), other);
            HttpResponse<String> scraped = hub.getAs("/metrics", SCRAPER_KEY, null);
            assertEquals(200, scraped.statusCode());
            assertTrue(scraped.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
            assertEquals(200, hub.getAs("/metrics", key("opgroeien"), null).statusCode());
            HttpResponse<String> openMetrics = hub.getAs("/metrics", SCRAPER_KEY, "application/openmetrics-text");
            assertTrue(openMetrics.headers().firstValue("Content-Type").orElse("").startsWith("application/openmetrics-text"));
            assertTrue(openMetrics.body().trim().endsWith("# EOF"));
            // the scraper's key opens nothing else that is not public
            assertEquals(403, hub.getAs("/audit", SCRAPER_KEY, "application/json").statusCode());
            assertEquals(403, hub.send("POST", "/beheer/backup", SCRAPER_KEY, null, null, Map.of()).statusCode());
            assertEquals(403, hub.send("POST", "/locaties", SCRAPER_KEY, "application/ld+json", sample("locaties/gent-kdv-de-rups.jsonld"), Map.of()).statusCode());
            assertEquals(403, hub.getAs("/rapporten", SCRAPER_KEY, "application/json").statusCode());
            assertEquals(200, hub.getAs("/locaties", SCRAPER_KEY, "application/ld+json").statusCode(), "public reads stay public");
        }
    }

    private static ApiKeys withScraper() {
        ApiKeys keys = ApiKeys.fromFile(RunningHub.SAMPLES.resolve("demo-clients.json"));
        keys.add(ApiKeys.sha256(SCRAPER_KEY), new Client("prometheus", Role.MONITORING, null, null, List.of()));
        return keys;
    }

    private static Samples scrape(RunningHub hub) {
        HttpResponse<String> answer = hub.getAs("/metrics", SCRAPER_KEY, null);
        assertEquals(200, answer.statusCode(), answer.body());
        return new Samples(answer.body());
    }

    /** The samples of one scrape in the Prometheus text format: name, labels, value. */
    private static final class Samples {
        private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");
        private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
        final String text;
        private final List<Map.Entry<String, Map<String, String>>> keys = new java.util.ArrayList<>();
        private final List<Double> values = new java.util.ArrayList<>();

        Samples(String text) {
            this.text = text;
            for (String line : text.split("\n")) {
                Matcher m = LINE.matcher(line);
                if (line.startsWith("#") || !m.matches())
                    continue;
                Map<String, String> labels = new HashMap<>();
                if (m.group(3) != null) {
                    Matcher l = LABEL.matcher(m.group(3));
                    while (l.find())
                        labels.put(l.group(1), l.group(2));
                }
                keys.add(Map.entry(m.group(1), labels));
                values.add(Double.parseDouble(m.group(4)));
            }
        }

        /** The sum over the samples with this name whose labels include the given ones (0 if none). */
        double value(String name, String... labels) {
            double sum = 0;
            for (int i = 0; i < keys.size(); i++)
                if (keys.get(i).getKey().equals(name) && includes(keys.get(i).getValue(), labels))
                    sum += values.get(i);
            return sum;
        }

        double delta(Samples before, String name, String... labels) {
            return value(name, labels) - before.value(name, labels);
        }

        /** Some value of a label of the named metric. */
        String any(String name, String label) {
            return keys.stream().filter(k -> k.getKey().equals(name)).map(k -> k.getValue().get(label)).findFirst().orElseThrow();
        }

        private static boolean includes(Map<String, String> labels, String... wanted) {
            for (int i = 0; i < wanted.length; i += 2)
                if (!wanted[i + 1].equals(labels.get(wanted[i])))
                    return false;
            return true;
        }
    }
}
