package be.kohub.access;

import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;


/**
 * Failed authentications per remote address, limited with a token bucket (bucket4j): an address
 * may fail {@code limit} times, and earns one more try every {@code per / limit}. An address that
 * has used up its tries gets 429 with {@code Retry-After} for every credentialed request, right or
 * wrong, so that guessing keys or tokens does not pay. Buckets of quiet addresses are forgotten.
 */
public final class FailedLogins {
    private final int limit;
    private final Duration per;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    /** The limit as set for the hub: {@code limit} failures per {@code per}. */
    public record Settings(int limit, Duration per) {
        public Settings {
            if (limit < 1 || per == null || per.isNegative() || per.isZero())
                throw new IllegalStateException("the failed-authentication limit needs a positive count and period");
        }
    }

    /** Counts on the hub's clock, so that a test moves time instead of waiting. */
    public FailedLogins(Settings settings, Clock clock) {
        this.limit = settings.limit();
        this.per = settings.per();
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                java.time.Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        // A full bucket and a forgotten one are the same, so a bucket idle for a whole period can go.
        this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(per.multipliedBy(2)).build();
    }

    /** Seconds the address must wait before its next credentialed request, if it has no tries left. */
    public OptionalLong blockedFor(String address) {
        Bucket bucket = buckets.getIfPresent(address);
        if (bucket == null || bucket.getAvailableTokens() >= 1)
            return OptionalLong.empty();
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    /** Notes a failure of the address; the failure that uses up its last try is still answered as such (401). */
    public void failed(String address) {
        buckets.get(address, a -> Bucket.builder()
                .addLimit(l -> l.capacity(limit).refillGreedy(limit, per))
                .withCustomTimePrecision(time).build()).tryConsume(1);
    }
}
