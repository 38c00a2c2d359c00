package be.kohub.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import be.kohub.Hub;
import be.kohub.access.ApiKeys;
import be.kohub.store.Store;
import be.kohub.store.Tdb2Store;
import be.kohub.store.remote.RemoteStore;
import be.kohub.webhooks.WebhookSettings;

/** Runs the hub on an embedded TDB2 store, or on a remote SPARQL 1.1 store with --store. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the hub (embedded TDB2 store, or a remote SPARQL 1.1 store with --store).")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data", defaultValue = "./data", description = "Directory of the TDB2 database and of the identity key file (default ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--store", description = "URL of a SPARQL 1.1 dataset that answers queries and updates (e.g. Fuseki's "
            + "http://host:3030/ds) to run on instead of the embedded store; several hub instances may share it (docs/operations.md). "
            + "The password, if any, comes from the environment variable KOHUB_STORE_PASSWORD.")
    String store;

    @Option(names = "--store-user", description = "User name for the --store server (HTTP Basic).")
    String storeUser;

    @Option(names = "--base", description = "Base URL of minted IRIs and the published context (default http://localhost:PORT).")
    String base;

    @Option(names = "--clients", description = "JSON file of client credentials (name, role, key or keySha256, organisator, loket, werkingsgebied).")
    Path clients;

    @Option(names = "--demo", description = "Load sample-data/ on first start and accept the demo credentials of sample-data/demo-clients.json.")
    boolean demo;

    @Option(names = "--samples", defaultValue = "sample-data", description = "Sample data directory for --demo (default ${DEFAULT-VALUE}).")
    Path samples;

    @Option(names = "--identity-key-file", description = "Base64 key of the hash of national register numbers; created if missing "
            + "(default DATA/identity.key; the environment variable " + IdentityKeyFile.ENV + " takes precedence).")
    Path identityKeyFile;

    @Option(names = "--jwks", description = "JWKS of the identity provider (file or http(s) URL) for OIDC bearer tokens; without it tokens are refused.")
    String jwks;

    @Option(names = "--jwt-issuer", description = "The iss every token must carry (required with --jwks).")
    String jwtIssuer;

    @Option(names = "--jwt-audience", description = "A value the token's aud must contain (required with --jwks).")
    String jwtAudience;

    @Option(names = "--jwt-skew-seconds", defaultValue = "60", description = "Tolerance on exp and nbf (default ${DEFAULT-VALUE}).")
    long jwtSkewSeconds;

    @Option(names = "--max-failed-logins", defaultValue = "10", description = "Failed authentications per minute from one address before 429 (default ${DEFAULT-VALUE}).")
    int maxFailedLogins;

    @Option(names = "--retention-days", defaultValue = "730", description = "Days after a request closed until the hub removes its "
            + "personal data (default ${DEFAULT-VALUE}; 0 keeps it for ever; docs/erasure.md).")
    int retentionDays;

    @Option(names = "--feed-retention-days", defaultValue = "90", description = "Days the request and assignment feeds keep their "
            + "members (default ${DEFAULT-VALUE}; 0 keeps them for ever; docs/feeds.md).")
    int feedRetentionDays;

    @Option(names = "--feed-page-size", defaultValue = "250", description = "Members per feed page (default ${DEFAULT-VALUE}).")
    int feedPageSize;

    @Option(names = "--feed-rate", defaultValue = "50", description = "Feed requests per second per caller (default ${DEFAULT-VALUE}).")
    int feedRate;

    @Option(names = "--feed-burst", defaultValue = "200", description = "Feed requests a caller may make at once before --feed-rate applies (default ${DEFAULT-VALUE}).")
    int feedBurst;
    @Option(names = "--webhooks-private-networks", description = "Accept webhook callback URLs on loopback, private and link-local "
            + "addresses (refused by default against SSRF; on with --demo; docs/webhooks.md).")
    boolean webhooksPrivateNetworks;

    @Option(names = "--ready-timeout-ms", defaultValue = "2000", description = "How long GET /ready waits for the store before it answers 503 (default ${DEFAULT-VALUE}).")
    long readyTimeoutMs;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(data);
        ApiKeys keys = clients != null ? ApiKeys.fromFile(clients)
                : demo ? ApiKeys.fromFile(samples.resolve("demo-clients.json")) : ApiKeys.none();
        if (retentionDays < 0 || feedRetentionDays < 0)
            throw new CommandLine.ParameterException(new CommandLine(this), "--retention-days and --feed-retention-days must not be negative");
        Store chosen = store == null ? Tdb2Store.at(data) : RemoteStore.at(store, storeUser, System.getenv("KOHUB_STORE_PASSWORD"));
        Hub.Builder builder = Hub.builder().store(chosen).port(port).base(base).clients(keys)
                .jwks(jwks).jwtIssuer(jwtIssuer).jwtAudience(jwtAudience).jwtClockSkew(Duration.ofSeconds(jwtSkewSeconds))
                .failedLogins(maxFailedLogins, Duration.ofMinutes(1))
                .webhooks(WebhookSettings.DEFAULT.withPrivateNetworks(webhooksPrivateNetworks || demo))
                .identityKey(IdentityKeyFile.load(identityKeyFile != null ? identityKeyFile : data.resolve("identity.key")));
        builder.feedPageSize(feedPageSize).feedRateLimit(feedRate, feedBurst).readyTimeout(Duration.ofMillis(readyTimeoutMs));
        if (feedRetentionDays == 0)
            builder.noFeedRetention();
        else
            builder.feedRetention(Duration.ofDays(feedRetentionDays));
        if (retentionDays == 0)
            builder.noRetention();
        else
            builder.retentionAfterClosed(Duration.ofDays(retentionDays));
        Hub hub = builder.build();
        DemoData.Result loaded = demo ? new DemoData(hub, samples).loadIfEmpty() : null;
        if (loaded != null)
            System.out.println(loaded.describe());
        hub.start();
        if (loaded != null && loaded.wasEmpty()) {
            StoryPlayer story = new StoryPlayer("http://localhost:" + hub.port(), StoryPlayer.keysOf(samples.resolve("demo-clients.json")),
                    loaded.locations());
            var steps = story.play(samples.resolve("familieverhaal"));
            steps.forEach(s -> System.out.println("demo: " + (s.asExpected() ? "" : "UNEXPECTED ") + s.status() + " " + s.description()));
            new java.util.TreeMap<>(story.kept()).forEach((name, value) -> System.out.println("demo: " + name + " = " + value));
        }
        System.out.println("kohub listening on http://localhost:" + hub.port() + " (data in "
                + (store == null ? data.toAbsolutePath() : store) + ")");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hub.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }
}
