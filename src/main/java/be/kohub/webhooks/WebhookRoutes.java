package be.kohub.webhooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import be.kohub.access.Action;
import be.kohub.access.Authenticator;
import be.kohub.http.Params;
import be.kohub.ingest.CommandFields;
import be.kohub.ingest.DocumentReader;
import be.kohub.model.CodeLists;
import be.kohub.openapi.ApiDescription;
import be.kohub.openapi.Media;
import be.kohub.openapi.OperationDoc;

/**
 * {@code /abonnementen}: a system registers where it wants to hear of changes (docs/webhooks.md),
 * lists, reads and deletes its subscriptions, reads their dead letters and sends them again.
 * Only the owner and {@code beheer} see a subscription; for anyone else it does not exist (404).
 * The secret is in the answer to the registration only.
 */
public final class WebhookRoutes {
    /** A registration is a URL, a few types and a secret: far below the document limit. */
    static final int MAX_BODY = 16 * 1024;
    private static final Set<String> FIELDS = Set.of("callbackUrl", "gebeurtenistypes", "geheim");
    private final Subscriptions subscriptions;
    private final EventTypes types;
    private final Destinations destinations;
    private final DocumentReader reader;
    private final CodeLists codes;

    WebhookRoutes(Subscriptions subscriptions, EventTypes types, Destinations destinations, DocumentReader reader, CodeLists codes) {
        this.subscriptions = subscriptions;
        this.types = types;
        this.destinations = destinations;
        this.reader = reader;
        this.codes = codes;
    }

    public void register(RoutesConfig routes) {
        routes.post("/abonnementen", this::create, Action.ABONNEMENT_BEHEREN);
        routes.get("/abonnementen", this::list, Action.ABONNEMENT_BEHEREN);
        routes.get("/abonnementen/{id}", this::get, Action.ABONNEMENT_BEHEREN);
        routes.delete("/abonnementen/{id}", this::delete, Action.ABONNEMENT_BEHEREN);
        routes.get("/abonnementen/{id}/dode-brieven", this::deadLetters, Action.ABONNEMENT_BEHEREN);
        routes.post("/abonnementen/{id}/dode-brieven/opnieuw", this::replay, Action.ABONNEMENT_BEHEREN);
    }

    /** The API contract of these routes (GET /openapi.json), next to their registrations. */
    public void describe(ApiDescription api) {
        var ex = api.examples();
        String id = "The subscription's id";
        api.post("/abonnementen", "Subscribe a callback URL to event types (webhooks)").tag("Webhooks")
                .description("Deliveries are signed as Standard Webhooks prescribe; verify them with the `geheim` (docs/webhooks.md).")
                .body(Media.json("AbonnementAanmaak").example(ex.file("abonnement-aanmaken.json")))
                .answer(201, "The subscription and its `geheim`, shown only now", Media.json("AbonnementMetGeheim"))
                .answerHeader("Location", "`/abonnementen/{id}`")
                .problems(OperationDoc.COMMAND_PROBLEMS).problems(ProblemType.MEDIATYPE);
        api.get("/abonnementen", "One's own subscriptions (beheer: all)").tag("Webhooks")
                .answer(200, "The subscriptions with pending and dead counts; never the secret", Media.json("Abonnementen"));
        api.get("/abonnementen/{id}", "One subscription").tag("Webhooks")
                .path("id", id, null, null)
                .answer(200, "The subscription", Media.json("Abonnement"))
                .problems(ProblemType.NIET_GEVONDEN);
        api.delete("/abonnementen/{id}", "Delete a subscription with its pending deliveries and dead letters").tag("Webhooks")
                .path("id", id, null, null)
                .answer(204, "Deleted")
                .problems(ProblemType.NIET_GEVONDEN);
        api.get("/abonnementen/{id}/dode-brieven", "The deliveries that failed every retry").tag("Webhooks")
                .path("id", id, null, null)
                .queryInt("limit", "Dead letters", 1, 1000, 100)
                .answer(200, "The dead letters with their payload", Media.json("DodeBrieven"))
                .problems(ProblemType.NIET_GEVONDEN, ProblemType.ONGELDIGE_PARAMETER);
        api.post("/abonnementen/{id}/dode-brieven/opnieuw", "Send dead letters again (one by `id`, or all)").tag("Webhooks")
                .path("id", id, null, null)
                .body(Media.json("Opnieuw").example(ex.file("opnieuw-alle.json")))
                .answer(200, "How many were queued again", Media.json("OpnieuwGepland"))
                .problems(OperationDoc.COMMAND_PROBLEMS).problems(ProblemType.MEDIATYPE, ProblemType.NIET_GEVONDEN);
    }

    /** {@code POST /abonnementen} {@code {callbackUrl, gebeurtenistypes, geheim?}}: 201 with the secret, shown this once. */
    private void create(Context ctx) {
        JsonNode body = reader.readCommand(body(ctx));
        CommandFields fields = new CommandFields(body, codes);
        body.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f))
                fields.problem(f, null, "Onbekend veld " + f + "; velden: " + new TreeSet<>(FIELDS) + ".",
                        "Unknown field " + f + "; fields: " + new TreeSet<>(FIELDS) + ".");
        });
        URI callback = callback(fields, fields.text("callbackUrl", true));
        List<String> eventTypes = types.read(body, fields);
        String secret = fields.text("geheim", false);
        if (secret != null) {
            try {
                WebhookSecret.key(secret);
            } catch (IllegalArgumentException e) {
                fields.problem("geheim", null, "geheim is whsec_ gevolgd door de base64 van 24 tot 64 willekeurige bytes (Standard Webhooks); "
                                + "laat het weg en de hub maakt er een.",
                        "geheim is whsec_ followed by the base64 of 24 to 64 random bytes (Standard Webhooks); leave it out and the hub makes one.");
            }
        }
        fields.check();
        Subscription created = subscriptions.register(Authenticator.client(ctx), callback, eventTypes,
                secret != null ? secret : WebhookSecret.generate());
        ObjectNode answer = describe(created, new long[2]);
        answer.put("geheim", created.secret());
        answer.put("melding", "Het geheim wordt alleen nu getoond; bewaar het om de handtekening van elke bezorging te controleren. / "
                + "The secret is shown only now; keep it to verify the signature of every delivery.");
        ctx.header("Location", "/abonnementen/" + created.id());
        ctx.header("Cache-Control", "no-store");
        Params.json(ctx, 201, answer);
    }

    private void list(Context ctx) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ArrayNode list = answer.putArray("abonnementen");
        var counts = subscriptions.counts();
        for (Subscription s : subscriptions.visibleTo(Authenticator.client(ctx)))
            list.add(describe(s, counts.getOrDefault(s.id(), new long[2])));
        Params.json(ctx, 200, answer);
    }

    private void get(Context ctx) {
        Subscription s = subscriptions.get(Authenticator.client(ctx), ctx.pathParam("id"));
        Params.json(ctx, 200, describe(s, subscriptions.counts().getOrDefault(s.id(), new long[2])));
    }

    private void delete(Context ctx) {
        subscriptions.delete(Authenticator.client(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    /** {@code GET /abonnementen/{id}/dode-brieven?limit=}: deliveries whose attempts ran out, oldest first, with what they carried. */
    private void deadLetters(Context ctx) {
        int limit = Params.intParam(ctx, "limit", 100, 1, 1000);
        List<Delivery> dead = subscriptions.deadLetters(Authenticator.client(ctx), ctx.pathParam("id"), limit);
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ArrayNode list = answer.putArray("dodeBrieven");
        for (Delivery d : dead) {
            ObjectNode entry = list.addObject();
            entry.put("id", d.id());
            entry.put("gebeurtenis", d.eventId());
            entry.put("type", d.type());
            entry.put("document", d.document());
            entry.put("pogingen", d.attempts());
            entry.put("aangemaakt", d.created().toString());
            if (d.lastAttempt() != null)
                entry.put("laatstePoging", d.lastAttempt().toString());
            if (d.lastError() != null)
                entry.put("laatsteFout", d.lastError());
            entry.set("inhoud", parse(d.payload()));
        }
        Params.json(ctx, 200, answer);
    }

    /** {@code POST /abonnementen/{id}/dode-brieven/opnieuw} {@code {id?}}: one dead letter, or all, pending again. */
    private void replay(Context ctx) {
        byte[] raw = body(ctx);
        String deliveryId = null;
        if (raw.length > 0) {
            JsonNode body = reader.readCommand(raw);
            CommandFields fields = new CommandFields(body, codes);
            body.fieldNames().forEachRemaining(f -> {
                if (!f.equals("id"))
                    fields.problem(f, null, "Onbekend veld " + f + "; alleen id (van een dode brief), of niets voor alle.",
                            "Unknown field " + f + "; only id (of a dead letter), or nothing for all.");
            });
            deliveryId = fields.text("id", false);
            fields.check();
        }
        int replayed = subscriptions.replay(Authenticator.client(ctx), ctx.pathParam("id"), deliveryId);
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("opnieuw", replayed);
        Params.json(ctx, 200, answer);
    }

    private URI callback(CommandFields fields, String text) {
        if (text == null)
            return null;
        Destinations.Result parsed = Destinations.parse(text);
        if (parsed.uri() == null) {
            fields.problem("callbackUrl", text.length() > 200 ? text.substring(0, 200) + "…" : text, parsed.nl(), parsed.en());
            return null;
        }
        destinations.refusal(parsed.uri()).ifPresent(why -> fields.problem("callbackUrl", text, "callbackUrl: " + why[0], "callbackUrl: " + why[1]));
        return parsed.uri();
    }

    private static ObjectNode describe(Subscription s, long[] counts) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", s.id());
        node.put("callbackUrl", s.callback().toString());
        ArrayNode list = node.putArray("gebeurtenistypes");
        s.eventTypes().forEach(list::add);
        node.put("eigenaar", s.owner().name());
        node.put("aangemaakt", s.created().toString());
        node.put("wachtend", counts[0]);
        node.put("dodeBrieven", counts[1]);
        return node;
    }

    private static byte[] body(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BODY)
            throw new Rejected(ProblemType.TE_GROOT, "Een abonnement is hoogstens " + MAX_BODY / 1024 + " KiB JSON.",
                    "A subscription is at most " + MAX_BODY / 1024 + " KiB of JSON.");
        return body;
    }

    private static JsonNode parse(String payload) {
        try {
            return EventPayload.JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
