package be.kohub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Posts JSON-LD documents to a running hub, one per call, from a number of client threads; every call must be answered 201. */
final class HttpPosts {
    /** One document and the API key of the system that posts it. */
    record Post(byte[] body, String key) {}

    private HttpPosts() {}

    /** Posts every document once; fills in each call's latency (ns) and returns each answer's body. */
    static String[] post(HttpClient http, URI uri, List<Post> posts, int clients, long[] latencies) throws InterruptedException {
        String[] answers = new String[posts.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<String> failure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                int i;
                while (failure.get() == null && (i = next.getAndIncrement()) < posts.size()) {
                    HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/ld+json")
                            .header("Authorization", "Bearer " + posts.get(i).key())
                            .POST(HttpRequest.BodyPublishers.ofByteArray(posts.get(i).body())).build();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        latencies[i] = System.nanoTime() - start;
                        answers[i] = response.body();
                        if (response.statusCode() != 201)
                            failure.compareAndSet(null, "document " + i + ": HTTP " + response.statusCode() + " " + response.body());
                    } catch (IOException | InterruptedException e) {
                        failure.compareAndSet(null, "document " + i + ": " + e);
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(2, TimeUnit.HOURS))
            throw new IllegalStateException("posting did not end");
        if (failure.get() != null)
            throw new IllegalStateException("the hub refused a document, " + failure.get());
        return answers;
    }
}
