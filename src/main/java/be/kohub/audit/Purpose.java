package be.kohub.audit;

import java.util.regex.Pattern;

import io.javalin.http.Context;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import be.kohub.access.Role;

/**
 * The purpose of a processing, as the caller states it in the header {@code X-Doel} (a short
 * text, at most 200 characters), or else the default purpose of its role.
 */
final class Purpose {
    static final String HEADER = "X-Doel";
    private static final Pattern ALLOWED = Pattern.compile("^[\\p{L}\\p{N} .,:;()/_'-]{1,200}$");

    private Purpose() {}

    static String of(Context ctx, Role role) {
        String stated = ctx.header(HEADER);
        if (stated == null || stated.isBlank())
            return defaultFor(role);
        if (!ALLOWED.matcher(stated.strip()).matches())
            throw new Rejected(ProblemType.ONGELDIGE_PARAMETER, "De kopregel X-Doel is een korte tekst (hoogstens 200 tekens, letters, cijfers en leestekens).",
                    "The X-Doel header is a short text (at most 200 characters: letters, digits, punctuation).");
        return stated.strip();
    }

    static String defaultFor(Role role) {
        return switch (role) {
            case LLKO, KO -> "dossierbehandeling";
            case ANALIST -> "statistiek";
            case BEHEER -> "beheer";
            case PUBLIEK, MONITORING -> "geen";
        };
    }
}
