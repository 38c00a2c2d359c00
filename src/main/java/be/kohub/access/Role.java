package be.kohub.access;

/**
 * The roles a credential can carry (DESIGN.md §6). Anyone without a credential is {@link #PUBLIEK}.
 * {@link #MONITORING} is a metrics scraper's: it reads {@code /metrics} and what is public, nothing else.
 */
public enum Role {
    LLKO, KO, ANALIST, BEHEER, PUBLIEK, MONITORING;

    public static Role of(String name) {
        return valueOf(name.trim().toUpperCase());
    }
}
