package be.kohub.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import be.kohub.store.Store;
import be.kohub.store.WriteQueue;

/**
 * Sends the outbox: one thread finds the deliveries that are due (woken after a commit that
 * planned some, after each attempt, and at the latest when the next one falls due or after the
 * poll interval) and hands them to a small pool that POSTs them. A 2xx answer removes the row;
 * anything else (another status, a timeout, a refused destination) counts as a failed attempt,
 * retried after a backoff with jitter until the attempts run out and it becomes a dead letter.
 * Each outcome is written through the write queue before the delivery counts as done, so a hub
 * that stops, even in the middle of an attempt, sends again after a restart whatever was not
 * recorded as delivered: at least once, with the same {@code webhook-id}.
 */
final class DeliveryWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    static final String USER_AGENT = "kohub-webhooks/1";
    /** The attempt number, 1 for the first: not part of Standard Webhooks, a help for receivers' logs. */
    static final String ATTEMPT_HEADER = "kohub-poging";
    private static final int MAX_ERROR = 200;

    private final Store store;
    private final WriteQueue writes;
    private final Destinations destinations;
    private final Backoff backoff;
    private final WebhookSettings settings;
    private final Clock clock;
    private final HttpClient http;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Semaphore wakeups = new Semaphore(0);
    private ExecutorService senders;
    private Thread scheduler;
    private volatile boolean closed;

    DeliveryWorker(Store store, WriteQueue writes, Destinations destinations, WebhookSettings settings, Clock clock) {
        this.store = store;
        this.writes = writes;
        this.destinations = destinations;
        this.settings = settings;
        this.clock = clock;
        this.backoff = new Backoff(settings.backoffBase(), settings.backoffCap(), settings.maxAttempts());
        // Redirects are not followed: a callback could otherwise send the hub on to an address the destination check refused.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.timeout()).build();
    }

    /** Starts sending, beginning with whatever the store holds pending (deliveries left by an earlier run too). */
    synchronized void start() {
        if (scheduler != null || closed)
            return;
        AtomicInteger n = new AtomicInteger();
        senders = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "kohub-webhook-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        scheduler = new Thread(this::run, "kohub-webhooks");
        scheduler.setDaemon(true);
        scheduler.start();
    }

    /** How many due deliveries one scan of the outbox reads at most. */
    private static final int WINDOW = 500;
    /** Due deliveries read by the last scan and not yet handed to a sender (only the scheduler thread touches it). */
    private final java.util.ArrayDeque<Delivery> ready = new java.util.ArrayDeque<>();
    private Instant readAt;
    /** Deliveries whose attempt ended since the outbox was last read. */
    private final java.util.Set<String> finishedSinceRead = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Something may be due: look now. */
    void wake() {
        wakeups.release();
    }

    private void run() {
        while (!closed) {
            long sleep = settings.pollInterval().toMillis();
            try {
                Instant now = clock.instant();
                int room = settings.threads() * 2 - inFlight.size();
                if (room > 0) {
                    // One scan of the outbox serves many sends: what is due is read in windows and
                    // handed out as senders free up, read again once the window is empty or old.
                    if (ready.isEmpty() || readAt == null || Duration.between(readAt, now).compareTo(settings.pollInterval()) > 0) {
                        ready.clear();
                        // A send that ends while the outbox is read may still look pending in what is read:
                        // whatever ended since this point is left out, so nothing is sent twice by this hub.
                        finishedSinceRead.clear();
                        List<Delivery> due = store.read(tx -> OutboxRecords.due(tx, now, WINDOW + inFlight.size()));
                        due.stream().filter(d -> !inFlight.contains(d.id()) && !finishedSinceRead.contains(d.id())).forEach(ready::add);
                        readAt = now;
                    }
                    while (room-- > 0 && !ready.isEmpty()) {
                        Delivery d = ready.poll();
                        if (inFlight.add(d.id()))
                            senders.execute(() -> attempt(d));
                    }
                }
                if (ready.isEmpty()) {
                    Optional<Instant> next = store.read(tx -> OutboxRecords.nextAttempt(tx, now));
                    if (next.isPresent())
                        sleep = Math.max(1, Math.min(sleep, Duration.between(clock.instant(), next.get()).toMillis()));
                }
            } catch (RuntimeException e) {
                if (!closed)
                    LOG.error("webhook outbox scan failed; trying again in {} ms", sleep, e);
            }
            try {
                if (wakeups.tryAcquire(sleep, TimeUnit.MILLISECONDS))
                    wakeups.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void attempt(Delivery d) {
        try {
            if (closed)
                return; // not sent: it stays pending for the next start
            // Hub instances sharing one store (a remote store) take a delivery before sending it, so
            // that one of them sends it; if the taker stops mid-way, it falls due again afterwards.
            if (store.shared() && !writes.write(tx -> OutboxRecords.claim(tx, d, clock.instant().plus(settings.timeout().multipliedBy(2)))))
                return;
            String failure = send(d);
            Instant at = clock.instant();
            int attempts = d.attempts() + 1;
            boolean dead = failure != null && backoff.exhausted(attempts);
            boolean recorded = writes.write(tx -> {
                // The subscription may have been deleted (and its rows with it) while the attempt ran.
                if (OutboxRecords.find(tx, d.id()).isEmpty())
                    return false;
                tx.update(failure == null ? OutboxRecords.delivered(d)
                        : OutboxRecords.failed(d, attempts, dead ? at : at.plus(backoff.delay(attempts)), dead, at, failure));
                return true;
            });
            if (recorded && dead)
                LOG.warn("webhook delivery {} of event {} to subscription {} is a dead letter after {} attempts: {}",
                        d.id(), d.eventId(), d.subscriptionId(), attempts, failure);
        } catch (RuntimeException e) {
            // The outcome is not recorded (the hub is closing, or the store failed): the row stays pending and is sent again.
            if (!closed)
                LOG.error("webhook delivery {}: outcome not recorded; it will be sent again", d.id(), e);
        } finally {
            finishedSinceRead.add(d.id());
            inFlight.remove(d.id());
            wake();
        }
    }

    /** POSTs the delivery, signed; null when the receiver took it (2xx), else why not. */
    private String send(Delivery d) {
        URI callback = d.callback();
        Optional<String[]> refused = destinations.refusal(callback);
        if (refused.isPresent())
            return "bestemming geweigerd / destination refused: " + refused.get()[1];
        byte[] body = d.payload().getBytes(StandardCharsets.UTF_8);
        // Real time, not the hub's clock: receivers compare it with theirs to refuse replayed messages.
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(callback)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("webhook-id", d.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSecret.sign(d.secret(), d.eventId(), timestamp, body))
                .header(ATTEMPT_HEADER, Integer.toString(d.attempts() + 1))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (HttpTimeoutException e) {
            return "time-out na / timeout after " + settings.timeout().toMillis() + " ms";
        } catch (IOException e) {
            String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return message.length() > MAX_ERROR ? message.substring(0, MAX_ERROR) : message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "onderbroken / interrupted";
        }
    }

    /** Stops looking for work and waits for the attempts under way (their outcomes are recorded, or they are sent again after a restart). */
    @Override
    public synchronized void close() {
        closed = true;
        if (scheduler == null)
            return;
        wake();
        try {
            scheduler.join(settings.pollInterval().toMillis() + 5_000);
            senders.shutdown();
            if (!senders.awaitTermination(settings.timeout().toMillis() + 5_000, TimeUnit.MILLISECONDS))
                senders.shutdownNow();
        } catch (InterruptedException e) {
            senders.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
