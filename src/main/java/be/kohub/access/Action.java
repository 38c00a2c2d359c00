package be.kohub.access;

import java.util.EnumSet;
import java.util.Set;

import io.javalin.security.RouteRole;

/**
 * The one access table: every route names the action it performs, and each action lists the
 * roles allowed to perform it. A route without an action is refused (default deny).
 */
public enum Action implements RouteRole {
    LOCATIE_LEZEN(EnumSet.allOf(Role.class)),
    LOCATIE_SCHRIJVEN(EnumSet.of(Role.KO, Role.BEHEER)),
    VALIDEREN(EnumSet.allOf(Role.class)),
    SPARQL_PUBLIEK(EnumSet.allOf(Role.class)),
    MODEL_LEZEN(EnumSet.allOf(Role.class));

    private final Set<Role> roles;

    Action(Set<Role> roles) {
        this.roles = roles;
    }

    public boolean allows(Role role) {
        return roles.contains(role);
    }
}
