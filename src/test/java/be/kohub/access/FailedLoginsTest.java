package be.kohub.access;

import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.key;
import static be.kohub.RunningHub.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import be.kohub.RunningHub;
import be.kohub.report.MutableClock;

/** Repeated bad credentials from one address are answered 429 with Retry-After, even a right key then, and change nothing. */
class FailedLoginsTest {

    @Test
    void anAddressThatFailsTooOftenIsBlockedUntilItEarnsATryAgain() {
        MutableClock clock = new MutableClock();
        try (RunningHub hub = RunningHub.start(b -> b.clock(clock).failedLogins(3, Duration.ofMinutes(1)))) {
            String location = "locaties/gent-kdv-de-notelaar.jsonld";
            long before = hub.quadCount();
            for (int i = 0; i < 3; i++)
                assertEquals(401, hub.postJsonLd("/locaties", "geraden-sleutel-" + i, sample(location)).statusCode());

            HttpResponse<String> blocked = hub.postJsonLd("/locaties", "geraden-sleutel-3", sample(location));
            assertEquals(429, blocked.statusCode(), blocked.body());
            assertEquals("application/problem+json", blocked.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("https://data.kohub.be/problemen/te-veel-pogingen", json(blocked).get("type").asText());
            long retryAfter = Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 20, "one try back after a third of a minute: " + retryAfter);

            HttpResponse<String> rightKey = hub.postJsonLd("/locaties", key("ko-stad-gent"), sample(location));
            assertEquals(429, rightKey.statusCode(), "while blocked, a right key is not even looked at");
            assertEquals(429, hub.getAs("/beheer/clients", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "application/json").statusCode());
            assertEquals(200, hub.get("/locaties", "application/ld+json").statusCode(), "requests without a credential pass");
            assertEquals(before, hub.quadCount(), "nothing was written");

            clock.set(clock.instant().plus(Duration.ofSeconds(retryAfter)));
            assertEquals(201, hub.postJsonLd("/locaties", key("ko-stad-gent"), sample(location)).statusCode(),
                    "after Retry-After the address may try again");
        }
    }
}
