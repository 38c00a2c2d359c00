package be.kohub.report;

import java.util.List;

/**
 * The reports of {@code GET /rapporten/{rapport}}: each breaks the unique requests of a period
 * down by its dimensions (docs/rapporten.md).
 */
public enum Report {
    OVERZICHT("overzicht", List.of()),
    WOONGEMEENTE("woongemeente", List.of("woongemeente")),
    LOCATIEGEMEENTE("locatiegemeente", List.of("locatiegemeente")),
    LOKET("loket", List.of("loket")),
    CATEGORIE("categorie", List.of("categorie")),
    LEEFTIJD("leeftijd", List.of("leeftijdsklasse")),
    TREND("trend", List.of("referentieperiode")),
    UITKOMSTEN("uitkomsten", List.of("uitkomstgroep", "uitkomstgemeente"));

    private final String code;
    private final List<String> dimensions;

    Report(String code, List<String> dimensions) {
        this.code = code;
        this.dimensions = dimensions;
    }

    public String code() {
        return code;
    }

    public List<String> dimensions() {
        return dimensions;
    }

    public static java.util.Optional<Report> of(String code) {
        for (Report r : values())
            if (r.code.equals(code))
                return java.util.Optional.of(r);
        return java.util.Optional.empty();
    }
}
