package be.kohub.feeds;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.http.Context;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import be.kohub.access.Authenticator;
import be.kohub.access.Client;
import be.kohub.access.Role;

/**
 * Keeps one harvester from crowding out the others: a token bucket (bucket4j) per caller (the
 * client's name, or the remote address for the public) of {@code burst} feed requests, refilled
 * at {@code perSecond}. A caller that has used it up gets 429 with {@code Retry-After}, which
 * LDES clients must honour with a back-off (LDES spec, HTTP requests and responses).
 */
final class FeedLimiter {
    private final Settings settings;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    /** {@code perSecond} requests per second per caller, with bursts of up to {@code burst}. */
    record Settings(int perSecond, int burst) {
        Settings {
            if (perSecond < 1 || burst < 1)
                throw new IllegalStateException("the feed rate limit needs a positive rate and burst");
        }
    }

    FeedLimiter(Settings settings) {
        this.settings = settings;
    }

    void check(Context ctx) {
        Client client = Authenticator.client(ctx);
        String caller = client.role() == Role.PUBLIEK ? "ip:" + ctx.ip() : "client:" + client.name();
        Bucket bucket = buckets.get(caller, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(settings.burst()).refillGreedy(settings.perSecond(), Duration.ofSeconds(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed())
            return;
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        ctx.header("Retry-After", Long.toString(seconds));
        throw new Rejected(ProblemType.TE_VEEL_VERZOEKEN,
                "Te veel feedverzoeken; probeer opnieuw over " + seconds + " s.",
                "Too many feed requests; try again in " + seconds + " s.");
    }
}
