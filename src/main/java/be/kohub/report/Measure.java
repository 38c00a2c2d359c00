package be.kohub.report;

/** The figures of each report cell; the names are the JSON keys, CSV columns and Data Cube measures. */
public enum Measure {
    AANVRAGEN("aanvragen"),
    AANVRAGEN_ONBEANTWOORD("aanvragenOnbeantwoord"),
    UNIEKE_AANVRAGEN("uniekeAanvragen"),
    BEANTWOORD("beantwoord"),
    GEDEELTELIJK("gedeeltelijkBeantwoord"),
    ONBEANTWOORD("onbeantwoord"),
    GEANNULEERD("geannuleerd"),
    LOPEND("lopend"),
    MEDIAAN_DAGEN("mediaanDagenTotEersteAntwoord");

    private final String key;

    Measure(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
