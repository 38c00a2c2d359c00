package be.kohub.codes;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The only form in which the hub keeps a national register number: a keyed hash
 * (HMAC-SHA-256) with a key from configuration. Without the key the hash cannot be linked back
 * to a person by trying all numbers; with it the hub recognises the same person again.
 */
public final class IdentityHash {
    public static final int MIN_KEY_BYTES = 32;
    private final SecretKeySpec key;

    public IdentityHash(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES)
            throw new IllegalArgumentException("the identity key needs at least " + MIN_KEY_BYTES + " bytes");
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** The person as the hub knows them: {@code urn:kohub:persoon:{hex}}. */
    public Node person(Insz insz) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(insz.digits().getBytes(StandardCharsets.US_ASCII));
            return NodeFactory.createURI("urn:kohub:persoon:" + HexFormat.of().formatHex(digest));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
