package be.kohub.webhooks;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: after the n-th failed attempt the next one waits a random
 * time between zero and {@code min(cap, base · 2^(n-1))}. The randomness spreads the retries of
 * many deliveries that failed together (a receiver that was down), so they do not all return at
 * the same instant when it comes back.
 */
record Backoff(Duration base, Duration cap, int maxAttempts) {

    /** The longest wait after {@code failedAttempts} failures. */
    Duration ceiling(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 40));
        long millis = base.toMillis();
        for (int i = 0; i < doublings && millis < cap.toMillis(); i++)
            millis *= 2;
        return Duration.ofMillis(Math.min(millis, cap.toMillis()));
    }

    Duration delay(int failedAttempts) {
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling(failedAttempts).toMillis() + 1));
    }

    /** Whether a delivery that failed this often is dead: no attempt is left. */
    boolean exhausted(int failedAttempts) {
        return failedAttempts >= maxAttempts;
    }
}
