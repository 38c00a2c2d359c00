package be.kohub.feeds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The npm package {@code ldes-client} (pinned in src/test/ldes-client/package-lock.json), installed
 * with {@code npm ci} into target/ldes-client and run as a separate Node.js process that prints
 * each member it replicates as a JSON line (src/test/ldes-client/replicate.mjs).
 */
public final class NpmLdesClient {
    private static final Path SOURCE = Path.of("src/test/ldes-client");
    private static final Path INSTALLED = Path.of("target/ldes-client");
    private static final ObjectMapper JSON = new ObjectMapper();

    private NpmLdesClient() {}

    /** Installs the client once per build (again when the lock file changed). */
    public static synchronized void install() {
        try {
            Files.createDirectories(INSTALLED);
            boolean current = Files.exists(INSTALLED.resolve("node_modules/ldes-client/package.json"))
                    && Files.exists(INSTALLED.resolve("package-lock.json"))
                    && Files.mismatch(SOURCE.resolve("package-lock.json"), INSTALLED.resolve("package-lock.json")) == -1;
            for (String file : List.of("package.json", "package-lock.json", "replicate.mjs"))
                Files.copy(SOURCE.resolve(file), INSTALLED.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            if (current)
                return;
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(INSTALLED.toFile()).redirectErrorStream(true).start();
            String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0)
                throw new IllegalStateException("npm ci failed for the ldes-client: " + output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A running replication: its output lines as JSON, in order. */
    public static final class Run implements AutoCloseable {
        final Process process;
        final BlockingQueue<JsonNode> lines = new LinkedBlockingQueue<>();
        final StringBuilder errors = new StringBuilder();

        private Run(Process process) {
            this.process = process;
            Thread out = new Thread(() -> read(process.getInputStream(), line -> {
                try {
                    lines.add(JSON.readTree(line));
                } catch (IOException e) {
                    synchronized (errors) {
                        errors.append("unreadable line: ").append(line).append('\n');
                    }
                }
            }), "ldes-client-out");
            Thread err = new Thread(() -> read(process.getErrorStream(), line -> {
                synchronized (errors) {
                    errors.append(line).append('\n');
                }
            }), "ldes-client-err");
            out.setDaemon(true);
            err.setDaemon(true);
            out.start();
            err.start();
        }

        /** The next line, or null after {@code seconds}. */
        public JsonNode next(long seconds) throws InterruptedException {
            return lines.poll(seconds, TimeUnit.SECONDS);
        }

        public String errors() {
            synchronized (errors) {
                return errors.toString();
            }
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS))
                    process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static void read(java.io.InputStream in, java.util.function.Consumer<String> line) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String l;
                while ((l = reader.readLine()) != null)
                    if (!l.isBlank())
                        line.accept(l);
            } catch (IOException e) {
                // the process ended
            }
        }
    }

    /** Replicates the stream at {@code url}; with {@code follow}, keeps polling every {@code pollMillis}. */
    public static Run replicate(String url, boolean follow, int pollMillis) {
        try {
            return new Run(new ProcessBuilder("node", "replicate.mjs", url, Boolean.toString(follow), Integer.toString(pollMillis))
                    .directory(INSTALLED.toFile()).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
