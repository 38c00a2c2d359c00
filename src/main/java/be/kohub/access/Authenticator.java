package be.kohub.access;

import java.util.List;
import java.util.Optional;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;

/**
 * Runs before every matched route: finds the caller from its API key ({@code Authorization:
 * Bearer …} or {@code X-API-Key}) and checks the route's action against the access table.
 * A route that names no action is refused: default deny.
 */
public final class Authenticator implements Handler {
    private static final String CLIENT = "kohub.client";
    private final ApiKeys keys;

    public Authenticator(ApiKeys keys) {
        this.keys = keys;
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
                    "Deze bewerking vraagt een API-sleutel (Authorization: Bearer …).",
                    "This operation needs an API key (Authorization: Bearer …).");
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
        Optional<String> key = Optional.ofNullable(ctx.header("X-API-Key"))
                .or(() -> Optional.ofNullable(ctx.header("Authorization"))
                        .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                        .map(h -> h.substring(7).trim()));
        if (key.isEmpty())
            return Client.PUBLIC;
        return keys.find(key.get()).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer realm=\"kohub\", error=\"invalid_token\"");
            return new Rejected(ProblemType.NIET_AANGEMELD, "Onbekende API-sleutel.", "Unknown API key.");
        });
    }
}
