package be.kohub.access;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;

/**
 * Runs before every matched route: finds the caller from its credential ({@code Authorization:
 * Bearer …} or {@code X-API-Key}) and checks the route's action against the access table.
 * A bearer value shaped like a JWT is checked as an OIDC token, anything else as an API key (from
 * the clients file or managed through the API). An address that failed too often is refused
 * (429) before its credential is looked at. A route that names no action is refused: default deny.
 */
public final class Authenticator implements Handler {
    private static final String CLIENT = "kohub.client";
    private final ApiKeys fileKeys;
    private final ManagedClients managed;
    private final BearerTokens tokens;
    private final FailedLogins failures;

    /** {@code tokens} may be null: then JWTs are refused. */
    public Authenticator(ApiKeys fileKeys, ManagedClients managed, BearerTokens tokens, FailedLogins failures) {
        this.fileKeys = fileKeys;
        this.managed = managed;
        this.tokens = tokens;
        this.failures = failures;
    }

    @Override
    public void handle(Context ctx) {
        List<Action> actions = ctx.routeRoles().stream().filter(Action.class::isInstance).map(Action.class::cast).toList();
        if (actions.size() != 1)
            throw new Rejected(ProblemType.GEEN_TOEGANG, "Deze route heeft geen toegangsregel.", "This route has no access rule.");
        Client client = caller(ctx);
        ctx.attribute(CLIENT, client);
        if (actions.get(0).allows(client.role()))
            return;
        if (client.role() == Role.PUBLIEK) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"kohub\"");
            throw new Rejected(ProblemType.NIET_AANGEMELD,
                    "Deze bewerking vraagt een API-sleutel of token (Authorization: Bearer …).",
                    "This operation needs an API key or token (Authorization: Bearer …).");
        }
        throw new Rejected(ProblemType.GEEN_TOEGANG,
                "De rol " + client.role().name().toLowerCase() + " mag dit niet.",
                "The role " + client.role().name().toLowerCase() + " may not do this.");
    }

    /** The caller of the current request, as established before the route ran. */
    public static Client client(Context ctx) {
        Client client = ctx.attribute(CLIENT);
        return client == null ? Client.PUBLIC : client;
    }

    private Client caller(Context ctx) {
        Optional<String> credential = Optional.ofNullable(ctx.header("X-API-Key"))
                .or(() -> Optional.ofNullable(ctx.header("Authorization"))
                        .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                        .map(h -> h.substring(7).trim()));
        if (credential.isEmpty())
            return Client.PUBLIC;
        // The peer's address, not a forwarding header that the caller could set at will.
        String address = ctx.req().getRemoteAddr();
        OptionalLong blocked = failures.blockedFor(address);
        if (blocked.isPresent()) {
            ctx.header("Retry-After", Long.toString(blocked.getAsLong()));
            throw new Rejected(ProblemType.TE_VEEL_POGINGEN,
                    "Te veel mislukte aanmeldingen vanaf dit adres; probeer opnieuw over " + blocked.getAsLong() + " s.",
                    "Too many failed authentications from this address; try again in " + blocked.getAsLong() + " s.");
        }
        try {
            return authenticate(credential.get());
        } catch (Rejected e) {
            if (e.type == ProblemType.NIET_AANGEMELD) {
                failures.failed(address);
                ctx.header("WWW-Authenticate", "Bearer realm=\"kohub\", error=\"invalid_token\"");
            }
            throw e;
        }
    }

    private Client authenticate(String credential) {
        if (BearerTokens.looksLikeJwt(credential)) {
            if (tokens == null)
                throw new Rejected(ProblemType.NIET_AANGEMELD, "Deze hub aanvaardt geen tokens (geen JWKS ingesteld); gebruik een API-sleutel.",
                        "This hub accepts no tokens (no JWKS configured); use an API key.");
            return tokens.client(credential);
        }
        return fileKeys.find(credential).or(() -> managed.find(credential))
                .orElseThrow(() -> new Rejected(ProblemType.NIET_AANGEMELD, "Onbekende of ingetrokken API-sleutel.", "Unknown or revoked API key."));
    }
}
