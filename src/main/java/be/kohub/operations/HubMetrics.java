package be.kohub.operations;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import be.kohub.Errors.ProblemType;
import be.kohub.ingest.IngestOutcomes;

/**
 * The hub's metrics, kept by Micrometer in a Prometheus registry of this hub (two hubs in one JVM
 * do not mix their counts) and scraped at {@code GET /metrics}. Every series is labelled with
 * bounded values only: route templates, never paths with ids in them (docs/operations.md lists them).
 */
public final class HubMetrics implements IngestOutcomes {
    /** Buckets of the latency histograms: enough to read p50/p90/p99 with histogram_quantile. */
    private static final Duration[] BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30) };
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public HubMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** One answered HTTP request: {@code http_server_requests_seconds{method, route, status}}. */
    public void request(String method, String route, int status, long nanos) {
        Timer.builder("http.server.requests").description("HTTP requests by route template, method and status")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .serviceLevelObjectives(BUCKETS).register(registry).record(Duration.ofNanos(nanos));
    }

    /** A store transaction: {@code kohub_store_transaction_seconds{kind=read|write, outcome=ok|error}}. */
    void transaction(String kind, boolean ok, long nanos) {
        Timer.builder("kohub.store.transaction").description("Store transactions, from begin to end (a write's includes its commit)")
                .tags("kind", kind, "outcome", ok ? "ok" : "error")
                .serviceLevelObjectives(BUCKETS).register(registry).record(Duration.ofNanos(nanos));
    }

    /** The commit of a write transaction: {@code kohub_store_commit_seconds}. */
    void commit(long nanos) {
        Timer.builder("kohub.store.commit").description("Time from the end of a write transaction's work to its durable commit")
                .serviceLevelObjectives(BUCKETS).register(registry).record(Duration.ofNanos(nanos));
    }

    /** The work waiting for the single writer: {@code kohub_store_write_queue}. */
    public void writeQueue(Supplier<Number> pending) {
        Gauge.builder("kohub.store.write.queue", pending).description("Write work waiting for the writer thread").register(registry);
    }

    @Override
    public void stored(String type, boolean created) {
        ingest(type, created ? "created" : "updated");
    }

    @Override
    public void withdrawn(String type) {
        ingest(type, "withdrawn");
    }

    @Override
    public void rejected(String type, ProblemType reason) {
        ingest(type, "rejected");
        Counter.builder("kohub.ingest.rejections").description("Refused documents by type and problem type")
                .tags("type", type, "reason", reason == null ? "error" : reason.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .register(registry).increment();
    }

    @Override
    public void validationFailed(String type, String source) {
        Counter.builder("kohub.validation.failures").description("Documents that failed SHACL validation, by type and by door (ingest or validatie)")
                .tags("type", type, "source", source).register(registry).increment();
    }

    private void ingest(String type, String outcome) {
        Counter.builder("kohub.ingest.documents").description("Documents posted, put or deleted, by type and outcome")
                .tags("type", type, "outcome", outcome).register(registry).increment();
    }

    /** The Prometheus text exposition format (0.0.4), or OpenMetrics when {@code accept} asks for it. */
    public String scrape(String accept) {
        return registry.scrape(accept == null ? "" : accept);
    }

    /** The content type {@link #scrape} answers for {@code accept}. */
    public static String contentType(String accept) {
        return accept != null && accept.contains("application/openmetrics-text")
                ? "application/openmetrics-text; version=1.0.0; charset=utf-8"
                : "text/plain; version=0.0.4; charset=utf-8";
    }
}
