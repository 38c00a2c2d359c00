package be.kohub.webhooks;

import java.time.Duration;

/**
 * Settings of webhook deliveries (docs/webhooks.md), given to {@code Hub.builder().webhooks(…)}.
 * The defaults are the safe ones: callbacks into loopback, private and link-local networks are
 * refused (SSRF), and a failing receiver is retried for about half a day before its delivery
 * becomes a dead letter.
 *
 * @param allowPrivateNetworks accept callback URLs whose host is a loopback, private or link-local address (tests, demo)
 * @param backoffBase the first retry waits up to this long; each further one up to twice as long (full jitter)
 * @param backoffCap the longest wait between two attempts
 * @param maxAttempts attempts (the first one included) before a delivery becomes a dead letter
 * @param threads deliveries sent at the same time
 * @param timeout how long one attempt may take (connecting and the receiver's answer)
 * @param pollInterval how often the outbox is looked at when nothing wakes the worker (another hub on the same store)
 */
public record WebhookSettings(boolean allowPrivateNetworks, Duration backoffBase, Duration backoffCap, int maxAttempts,
                              int threads, Duration timeout, Duration pollInterval) {
    public static final WebhookSettings DEFAULT = new WebhookSettings(false, Duration.ofSeconds(15), Duration.ofHours(2), 20,
            4, Duration.ofSeconds(10), Duration.ofSeconds(5));

    public WebhookSettings {
        if (backoffBase == null || backoffCap == null || backoffBase.toMillis() < 1 || backoffCap.compareTo(backoffBase) < 0)
            throw new IllegalStateException("webhook backoff needs a positive base and a cap not below it");
        if (maxAttempts < 1 || maxAttempts > 100)
            throw new IllegalStateException("webhook attempts must be from 1 to 100");
        if (threads < 1 || threads > 64)
            throw new IllegalStateException("webhook threads must be from 1 to 64");
        if (timeout == null || timeout.toMillis() < 1 || pollInterval == null || pollInterval.toMillis() < 1)
            throw new IllegalStateException("webhook timeout and poll interval must be positive");
    }

    public WebhookSettings withPrivateNetworks(boolean allow) {
        return new WebhookSettings(allow, backoffBase, backoffCap, maxAttempts, threads, timeout, pollInterval);
    }

    public WebhookSettings withBackoff(Duration base, Duration cap) {
        return new WebhookSettings(allowPrivateNetworks, base, cap, maxAttempts, threads, timeout, pollInterval);
    }

    public WebhookSettings withMaxAttempts(int attempts) {
        return new WebhookSettings(allowPrivateNetworks, backoffBase, backoffCap, attempts, threads, timeout, pollInterval);
    }

    public WebhookSettings withThreads(int count) {
        return new WebhookSettings(allowPrivateNetworks, backoffBase, backoffCap, maxAttempts, count, timeout, pollInterval);
    }

    public WebhookSettings withTimeout(Duration attempt) {
        return new WebhookSettings(allowPrivateNetworks, backoffBase, backoffCap, maxAttempts, threads, attempt, pollInterval);
    }

    public WebhookSettings withPollInterval(Duration interval) {
        return new WebhookSettings(allowPrivateNetworks, backoffBase, backoffCap, maxAttempts, threads, timeout, interval);
    }
}
