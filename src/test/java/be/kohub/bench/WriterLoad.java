package be.kohub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * What the hub's one writer did, read from its own {@code GET /metrics} (Prometheus text): write
 * transactions and their seconds, and the seconds spent committing. The difference of two
 * readings is what a run cost the writer.
 */
record WriterLoad(long writes, double writeSeconds, long commits, double commitSeconds) {

    static WriterLoad scrape(HttpClient http, String base, String key) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200)
            throw new IllegalStateException("GET /metrics: HTTP " + response.statusCode());
        long writes = 0, commits = 0;
        double writeSeconds = 0, commitSeconds = 0;
        for (String line : response.body().split("\n")) {
            if (line.startsWith("#"))
                continue;
            boolean write = line.contains("kind=\"write\"");
            if (line.startsWith("kohub_store_transaction_seconds_count{") && write)
                writes += (long) value(line);
            else if (line.startsWith("kohub_store_transaction_seconds_sum{") && write)
                writeSeconds += value(line);
            else if (line.startsWith("kohub_store_commit_seconds_count"))
                commits += (long) value(line);
            else if (line.startsWith("kohub_store_commit_seconds_sum"))
                commitSeconds += value(line);
        }
        return new WriterLoad(writes, writeSeconds, commits, commitSeconds);
    }

    WriterLoad since(WriterLoad before) {
        return new WriterLoad(writes - before.writes, writeSeconds - before.writeSeconds,
                commits - before.commits, commitSeconds - before.commitSeconds);
    }

    /** Milliseconds of write transaction (work and commit) per document written. */
    double writeMsPer(int documents) {
        return writeSeconds * 1000 / documents;
    }

    /** Milliseconds of commit per document written. */
    double commitMsPer(int documents) {
        return commitSeconds * 1000 / documents;
    }

    /** The share of the run's wall time the writer was inside a write transaction. */
    double busy(long nanos) {
        return writeSeconds * 1e9 / nanos;
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}
