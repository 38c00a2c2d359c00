package be.kohub.report;

/**
 * What became of a request, or of a unique request (one child, one period), as defined in
 * docs/rapporten.md. The order is the order of precedence for a unique request: one answered
 * request makes the child answered, whatever its other requests.
 */
public enum Outcome {
    /** Fully covered by an assignment registered by the requested start plus the grace period. */
    BEANTWOORD("beantwoord"),
    /** Partly covered (some half-days, or a later start) by then. */
    GEDEELTELIJK("gedeeltelijk"),
    /** The deadline has not passed on the reference date, and the request is still open. */
    LOPEND("lopend"),
    /** The deadline passed without a covering assignment. */
    ONBEANTWOORD("onbeantwoord"),
    /** Withdrawn or cancelled (not because of a place elsewhere) before the deadline: not unanswered. */
    GEANNULEERD("geannuleerd");

    private final String code;

    Outcome(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
