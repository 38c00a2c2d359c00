package be.kohub.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The generator's randomness, all from one seed: every location and every family draws from its
 * own stream (seed, kind, index), so that the output does not depend on the order work is done in.
 */
final class Seeds {
    static final int LOCATIONS = 1;
    static final int FAMILIES = 2;
    static final int WORLD = 3;
    static final int EVENTS_OF_LOCATIONS = 4;
    static final int EVENTS_OF_FAMILIES = 5;

    private Seeds() {}

    static RandomGenerator stream(long seed, int kind, long index) {
        // SplittableRandom mixes its seed; spreading kind and index first keeps neighbouring streams apart.
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + kind * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL);
    }

    /** A random (version 4) UUID from a seeded source: shaped like the ones the hub mints. */
    static UUID uuid(RandomGenerator random) {
        long msb = (random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /**
     * A moment on {@code day} during office hours (07:00 to 17:00 UTC, with milliseconds): the same
     * calendar day in every European time zone, so a day-based rule (a request stop) reads the same anywhere.
     */
    static Instant during(LocalDate day, RandomGenerator random) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC).plusMillis(7 * 3_600_000L + random.nextLong(10 * 3_600_000L));
    }

    static boolean chance(RandomGenerator random, double p) {
        return random.nextDouble() < p;
    }

    static int between(RandomGenerator random, int from, int toInclusive) {
        return from + random.nextInt(toInclusive - from + 1);
    }

    static <T> T pick(RandomGenerator random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
