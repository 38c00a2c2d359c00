package be.kohub.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The pieces without a hub: the Standard Webhooks signature, the secret's form, the retry schedule, which addresses count as public. */
class SigningAndBackoffTest {

    @Test
    void theSignatureIsTheStandardWebhooksOne() {
        // the known-answer example of the Standard Webhooks reference libraries
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSecret.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSecretIsWhsecAndTwentyFourToSixtyFourBytes() {
        String secret = WebhookSecret.generate();
        assertTrue(secret.startsWith("whsec_"));
        assertEquals(32, WebhookSecret.key(secret).length);
        assertNotEquals(secret, WebhookSecret.generate());
        for (int bytes : List.of(24, 64))
            assertEquals(bytes, WebhookSecret.key("whsec_" + Base64.getEncoder().encodeToString(new byte[bytes])).length);
        for (String bad : List.of("whsec_" + Base64.getEncoder().encodeToString(new byte[23]), "whsec_" + Base64.getEncoder().encodeToString(new byte[65]),
                "whsec_not base64!", Base64.getEncoder().encodeToString(new byte[32]), ""))
            assertThrows(IllegalArgumentException.class, () -> WebhookSecret.key(bad), bad);
    }

    @Test
    void retriesWaitUpToDoubleEachTimeUntilTheCapWithFullJitter() {
        Backoff backoff = new Backoff(Duration.ofSeconds(15), Duration.ofHours(2), 20);
        assertEquals(Duration.ofSeconds(15), backoff.ceiling(1));
        assertEquals(Duration.ofSeconds(30), backoff.ceiling(2));
        assertEquals(Duration.ofSeconds(15 * 256), backoff.ceiling(9));
        assertEquals(Duration.ofHours(2), backoff.ceiling(10));
        assertEquals(Duration.ofHours(2), backoff.ceiling(1000));
        long below = 0;
        for (int i = 0; i < 1000; i++) {
            Duration delay = backoff.delay(3);
            assertFalse(delay.isNegative() || delay.compareTo(Duration.ofSeconds(60)) > 0, delay.toString());
            if (delay.compareTo(Duration.ofSeconds(30)) < 0)
                below++;
        }
        assertTrue(below > 350 && below < 650, "spread over the whole range: " + below);
        assertFalse(backoff.exhausted(19));
        assertTrue(backoff.exhausted(20));
    }

    @Test
    void onlyPublicAddressesArePublic() throws Exception {
        for (String address : List.of("127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.0.1", "169.254.169.254",
                "0.0.0.0", "100.64.0.1", "100.127.255.254", "192.0.0.8", "198.18.0.1", "224.0.0.1", "255.255.255.255", "::1", "::",
                "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "64:ff9b::a00:1", "::ffff:10.0.0.1"))
            assertFalse(Destinations.isPublic(InetAddress.getByName(address)), address);
        for (String address : List.of("1.1.1.1", "193.191.245.1", "100.63.255.255", "100.128.0.1", "172.32.0.1", "2001:4860:4860::8888",
                "64:ff9b::808:808"))
            assertTrue(Destinations.isPublic(InetAddress.getByName(address)), address);
    }
}
