package be.kohub.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The shared secret of a subscription and the signature of a delivery, as Standard Webhooks
 * (standardwebhooks.com) has them: the secret is {@code whsec_} and the base64 of 24 to 64 random
 * bytes; the signature header is {@code v1,} and the base64 HMAC-SHA256, keyed with those bytes,
 * of {@code {webhook-id}.{webhook-timestamp}.{body}}. Receivers verify it with any Standard
 * Webhooks library or the few lines in docs/webhooks.md.
 */
public final class WebhookSecret {
    public static final String PREFIX = "whsec_";
    static final int MIN_BYTES = 24, MAX_BYTES = 64, GENERATED_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecret() {}

    /** A new secret of 32 random bytes. */
    public static String generate() {
        byte[] key = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The key bytes of a secret; IllegalArgumentException if it is not {@code whsec_} and base64 of 24 to 64 bytes. */
    public static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > PREFIX.length() + 100)
            throw new IllegalArgumentException("not a whsec_ secret");
        byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        if (key.length < MIN_BYTES || key.length > MAX_BYTES)
            throw new IllegalArgumentException("a secret has 24 to 64 bytes");
        return key;
    }

    /** The value of the {@code webhook-signature} header: {@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body}. */
    public static String sign(String secret, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
