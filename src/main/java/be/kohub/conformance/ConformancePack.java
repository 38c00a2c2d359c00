package be.kohub.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import be.kohub.Resources;

/**
 * The conformance pack as one zip archive: every file of {@code sample-data/conformiteit/},
 * which the build packages into the jar with the other sample documents, under the folder
 * {@code conformiteit/}. Built once; entries sorted and dated at a fixed time, so that the same
 * files always give the same bytes (and ETag).
 */
public final class ConformancePack {
    static final String FOLDER = "/sample-data/conformiteit";
    /** 1 January 2025, 00:00 UTC: zip entries carry this time instead of the build's. */
    private static final long FIXED_TIME = 1_735_689_600_000L;

    private final byte[] zip;
    private final String etag;

    private ConformancePack(byte[] zip) {
        this.zip = zip;
        this.etag = "\"" + sha256(zip).substring(0, 32) + "\"";
    }

    /** Reads the pack from the classpath; fails at start if the build left it out. */
    public static ConformancePack load() {
        return new ConformancePack(zip(FOLDER));
    }

    public byte[] zip() {
        return zip.clone();
    }

    public String etag() {
        return etag;
    }

    private static byte[] zip(String folder) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            Path root = Resources.folder(folder);
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            if (files.isEmpty())
                throw new IllegalStateException("the conformance pack is empty: " + folder);
            for (Path file : files) {
                ZipEntry entry = new ZipEntry("conformiteit/" + root.relativize(file).toString().replace('\\', '/'));
                entry.setTime(FIXED_TIME);
                out.putNextEntry(entry);
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
