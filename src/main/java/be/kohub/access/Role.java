package be.kohub.access;

/** The roles a credential can carry (DESIGN.md §6). Anyone without a credential is {@link #PUBLIEK}. */
public enum Role {
    LLKO, KO, ANALIST, BEHEER, PUBLIEK;

    public static Role of(String name) {
        return valueOf(name.trim().toUpperCase());
    }
}
