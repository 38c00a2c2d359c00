package be.kohub.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import be.kohub.operations.StoreBackup;

/**
 * {@code kohub backup}: a consistent backup of the embedded store as gzip N-Quads, either from a
 * running hub ({@code --hub URL --key KEY}, through {@code POST /beheer/backup}) or from the
 * directory of a stopped one ({@code --data DIR}). The file is checked (read to its last quad)
 * before it gets its name, so a broken-off backup never looks like a good one.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Back up the embedded store (gzip N-Quads) from a running hub (--hub) or a stopped hub's directory (--data). Exit 0 done, 1 failed.")
final class BackupCommand implements Callable<Integer> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--hub", paramLabel = "URL", description = "Base URL of a running hub, e.g. http://localhost:8080.")
        URI hub;

        @Option(names = "--data", paramLabel = "DIR", description = "TDB2 directory of a stopped hub.")
        Path data;
    }

    @Option(names = "--key", defaultValue = "${env:KOHUB_API_KEY}",
            description = "API key of a beheer client, for --hub (default: the environment variable KOHUB_API_KEY).")
    String key;

    @Option(names = "--out", paramLabel = "FILE", description = "The backup file (default kohub-backup-TIMESTAMP.nq.gz here).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path file = out != null ? out : Path.of("kohub-backup-" + STAMP.format(Instant.now()) + ".nq.gz");
        try {
            StoreBackup.Summary summary = source.hub != null ? fromHub(file) : StoreBackup.write(source.data, file);
            System.out.println("backup: " + summary.quads() + " quads in " + file + " (" + summary.millis() + " ms)");
            return 0;
        } catch (RuntimeException | IOException e) {
            System.err.println("backup failed: " + e.getMessage());
            return 1;
        }
    }

    private StoreBackup.Summary fromHub(Path file) throws IOException, InterruptedException {
        if (key == null || key.isBlank())
            throw new IllegalArgumentException("--hub needs --key (or KOHUB_API_KEY) of a beheer client");
        long start = System.nanoTime();
        Path absolute = file.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        try {
            HttpRequest request = HttpRequest.newBuilder(source.hub.resolve("/beheer/backup"))
                    .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.noBody()).build();
            HttpResponse<Path> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() != 200)
                throw new IllegalStateException("the hub answered " + response.statusCode() + ": "
                        + new String(Files.readAllBytes(partial), StandardCharsets.UTF_8).replaceAll("\\s+", " "));
            long quads = StoreBackup.verify(partial);
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new StoreBackup.Summary(quads, (System.nanoTime() - start) / 1_000_000);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
