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
    /** {@code /sparql/analyse}: every document without personal data. */
    SPARQL_ANALYSE(EnumSet.of(Role.ANALIST, Role.BEHEER)),
    /** {@code /sparql/loket}: what the counter reads through REST. */
    SPARQL_LOKET(EnumSet.of(Role.LLKO)),
    /** {@code /sparql/organisator}: what the organiser reads through REST. */
    SPARQL_ORGANISATOR(EnumSet.of(Role.KO)),
    /** The audit log of personal data. */
    AUDIT_LEZEN(EnumSet.of(Role.BEHEER)),
    MODEL_LEZEN(EnumSet.allOf(Role.class)),
    /** The API contract: {@code /openapi.json} and its browsable page {@code /api-docs} (public). */
    API_CONTRACT_LEZEN(EnumSet.allOf(Role.class)),
    /** The DCAT catalog of the hub's datasets and services, for portals and harvesters (docs/catalogus.md). */
    CATALOGUS_LEZEN(EnumSet.allOf(Role.class)),
    /** Issue a child code or record a birth: the systems that register children. */
    KINDCODE_AANVRAGEN(EnumSet.of(Role.LLKO, Role.KO, Role.BEHEER)),
    /** The child without personal data; no role outside the child-care systems and the agency. */
    KINDCODE_LEZEN(EnumSet.of(Role.LLKO, Role.KO, Role.ANALIST, Role.BEHEER)),
    AANVRAAG_SCHRIJVEN(EnumSet.of(Role.LLKO, Role.KO, Role.BEHEER)),
    /** Reading a request; which requests and whether with personal data is decided per request (RequestAccess). */
    AANVRAAG_LEZEN(EnumSet.of(Role.LLKO, Role.KO, Role.ANALIST, Role.BEHEER)),
    /** The cross-counter view of a child's open requests. */
    KIND_AANVRAGEN_LEZEN(EnumSet.of(Role.LLKO, Role.BEHEER)),
    TOEWIJZING_SCHRIJVEN(EnumSet.of(Role.KO, Role.BEHEER)),
    TOEWIJZING_LEZEN(EnumSet.of(Role.LLKO, Role.KO, Role.ANALIST, Role.BEHEER)),
    /** Erasing a child (GDPR art. 17): the agency only (docs/erasure.md). */
    KIND_WISSEN(EnumSet.of(Role.BEHEER)),
    /** Running the retention job now: the agency only. */
    BEWAARTERMIJN_TOEPASSEN(EnumSet.of(Role.BEHEER)),
    /** Figures on unique and unanswered requests: the agency, and a counter for its own area (ReportRoutes). */
    RAPPORT_LEZEN(EnumSet.of(Role.LLKO, Role.ANALIST, Role.BEHEER)),
    /** The dashboard's page and assets: no data, which it fetches with the user's key. */
    DASHBOARD(EnumSet.allOf(Role.class)),
    /** The public change feed of location sheets (LDES, docs/feeds.md). */
    FEED_LOCATIES(EnumSet.allOf(Role.class)),
    /** The change feed of requests: members shown per request as RequestAccess allows. */
    FEED_AANVRAGEN(EnumSet.of(Role.LLKO, Role.KO, Role.ANALIST, Role.BEHEER)),
    /** The change feed of assignments: members shown per assignment as AssignmentAccess allows. */
    FEED_TOEWIJZINGEN(EnumSet.of(Role.LLKO, Role.KO, Role.ANALIST, Role.BEHEER)),
    /** Listing, creating, rotating and revoking the API keys of system clients (docs/credentials.md). */
    CLIENTS_BEHEREN(EnumSet.of(Role.BEHEER)),
    /** Registering, reading and deleting one's own webhook subscriptions and their dead letters; beheer all of them (docs/webhooks.md). */
    ABONNEMENT_BEHEREN(EnumSet.of(Role.LLKO, Role.KO, Role.BEHEER)),
    /** {@code /health} and {@code /ready} for load balancers: no data (docs/operations.md). */
    GEZONDHEID_LEZEN(EnumSet.allOf(Role.class)),
    /** {@code /metrics} in Prometheus format: a scraper's own key (role monitoring), or beheer (docs/operations.md). */
    METRIEKEN_LEZEN(EnumSet.of(Role.MONITORING, Role.BEHEER)),
    /** A consistent backup of the embedded store, streamed: everything, personal data included; beheer only. */
    BACKUP_MAKEN(EnumSet.of(Role.BEHEER));

    private final Set<Role> roles;

    Action(Set<Role> roles) {
        this.roles = roles;
    }

    public boolean allows(Role role) {
        return roles.contains(role);
    }
}
