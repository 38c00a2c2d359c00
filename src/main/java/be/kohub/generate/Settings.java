package be.kohub.generate;

import java.time.LocalDate;

/**
 * What to generate: how many children, requests (1 to 4 a child), locations, which share of the
 * children gets an assignment, the seed, the base of the IRIs (the hub's {@code --base}), the day
 * the generated history ends (so that the same seed gives the same data on any day), and how many
 * children with open requests to list in {@code samples.json}.
 */
public record Settings(int children, int requests, int locations, double assignedShare, long seed, String base, LocalDate asOf,
                       int openSamples) {

    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 10, 1);

    public Settings {
        if (children < 1 || locations < 1)
            throw new IllegalArgumentException("need at least one child and one location");
        if (requests < children || requests > 4L * children)
            throw new IllegalArgumentException("requests must be between the number of children and four times it (1 to 4 a child)");
        if (assignedShare < 0 || assignedShare > 1)
            throw new IllegalArgumentException("the assigned share is a fraction from 0 to 1");
        if (!base.matches("^https?://[^/?#]+(/[^?#]*)?$"))
            throw new IllegalArgumentException("base must be an http(s) URL: " + base);
        base = base.replaceAll("/+$", "");
    }

    /** Flanders scale for {@code children} children: 2.5 requests a child, one location per ten children, half of them assigned. */
    public static Settings forChildren(int children, long seed) {
        return new Settings(children, (int) Math.round(children * 2.5), Math.max(1, children / 10), 0.5, seed,
                "http://localhost:8080", DEFAULT_AS_OF, 3000);
    }

    public Settings withBase(String base) {
        return new Settings(children, requests, locations, assignedShare, seed, base, asOf, openSamples);
    }
}
