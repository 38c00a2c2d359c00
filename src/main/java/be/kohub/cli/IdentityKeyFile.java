package be.kohub.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import be.kohub.codes.IdentityHash;

/**
 * Where the key of the national-register-number hash comes from: the environment variable
 * {@code KOHUB_IDENTITY_KEY} (Base64), else a key file; a missing key file is created with a
 * random key, readable only by its owner. The same key must be used for the life of the data:
 * with another key the hub no longer recognises a parent who asks for a code again.
 */
final class IdentityKeyFile {
    static final String ENV = "KOHUB_IDENTITY_KEY";

    private IdentityKeyFile() {}

    static byte[] load(Path file) throws IOException {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank())
            return check(Base64.getDecoder().decode(env.trim()), ENV);
        if (Files.exists(file))
            return check(Base64.getDecoder().decode(Files.readString(file).trim()), file.toString());
        byte[] key = new byte[IdentityHash.MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the file keeps its default permissions
        }
        return key;
    }

    private static byte[] check(byte[] key, String source) {
        if (key.length < IdentityHash.MIN_KEY_BYTES)
            throw new IllegalArgumentException(source + ": the identity key needs at least " + IdentityHash.MIN_KEY_BYTES + " bytes");
        return key;
    }
}
