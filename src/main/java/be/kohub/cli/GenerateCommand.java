package be.kohub.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import be.kohub.generate.ScaleGenerator;
import be.kohub.generate.Settings;
import be.kohub.generate.Tdb2BulkLoad;

/** Generates Flanders-scale data (deterministic from a seed) and optionally bulk-loads it into a new TDB2 database. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate Flanders-scale locations, children, requests and assignments as the hub stores them "
                + "(gzipped N-Quads, API keys, samples); with --tdb2 also bulk-load them into a new database for serve --data.")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--children", defaultValue = "100000", description = "Children (default ${DEFAULT-VALUE}).")
    int children;

    @Option(names = "--requests", description = "Requests, 1 to 4 a child (default 2.5 a child).")
    Integer requests;

    @Option(names = "--locations", description = "Location sheets (default one per ten children).")
    Integer locations;

    @Option(names = "--assigned-share", defaultValue = "0.5", description = "Share of the children with an assignment (default ${DEFAULT-VALUE}).")
    double assignedShare;

    @Option(names = "--seed", defaultValue = "42", description = "Seed: the same seed gives the same bytes (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--base", defaultValue = "http://localhost:8080",
            description = "Base URL of the IRIs, as the hub's --base (default ${DEFAULT-VALUE}).")
    String base;

    @Option(names = "--as-of", description = "Day the generated history ends, so that the data does not depend on today (default 2026-10-01).")
    LocalDate asOf;

    @Option(names = "--open-samples", defaultValue = "3000",
            description = "Children with open requests to list in samples.json (default ${DEFAULT-VALUE}).")
    int openSamples;

    @Option(names = "--out", required = true, description = "Output directory (kohub.nq.gz, clients.json, identity.key, samples.json, summary.json).")
    Path out;

    @Option(names = "--tdb2", description = "Also bulk-load the quads into this new TDB2 directory (with the identity key), for serve --data.")
    Path tdb2;

    @Override
    public Integer call() throws Exception {
        Settings settings = new Settings(children, requests != null ? requests : (int) Math.round(children * 2.5),
                locations != null ? locations : Math.max(1, children / 10), assignedShare, seed, base,
                asOf != null ? asOf : Settings.DEFAULT_AS_OF, openSamples);
        ScaleGenerator.Summary summary = new ScaleGenerator(settings).generate(out);
        System.out.printf(Locale.ROOT, "generated %d locations (%d organisers), %d children, %d requests, %d assignments: %d quads in %.1f s%n",
                summary.locations(), summary.organisers(), summary.children(), summary.requests(), summary.assignments(),
                summary.quads(), summary.millis() / 1000.0);
        System.out.println("requests by status: " + summary.requestStatuses() + "; assignments by status: " + summary.assignmentStatuses());
        System.out.println("written to " + out.toAbsolutePath());
        if (tdb2 != null) {
            Tdb2BulkLoad.Loaded loaded = Tdb2BulkLoad.load(out.resolve(ScaleGenerator.QUADS), tdb2, (format, args) -> {});
            Files.copy(out.resolve(ScaleGenerator.IDENTITY_KEY), tdb2.resolve(ScaleGenerator.IDENTITY_KEY), StandardCopyOption.REPLACE_EXISTING);
            System.out.printf(Locale.ROOT, "loaded %d quads into %s in %.1f s (%d MiB on disk)%n", loaded.quads(), tdb2.toAbsolutePath(),
                    loaded.millis() / 1000.0, loaded.bytesOnDisk() / (1024 * 1024));
            System.out.println("start the hub on it: java -jar target/kohub.jar serve --data " + tdb2 + " --base " + settings.base()
                    + " --clients " + out.resolve(ScaleGenerator.CLIENTS));
        }
        return 0;
    }
}
