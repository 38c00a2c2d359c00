package be.kohub.access;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import be.kohub.ingest.CommandFields;
import be.kohub.ingest.DocumentReader;
import be.kohub.model.CodeLists;
import be.kohub.openapi.ApiDescription;
import be.kohub.openapi.Media;
import be.kohub.openapi.OperationDoc;

/**
 * {@code /beheer/clients}: the {@code beheer} role lists system clients, creates one with a key,
 * rotates its key with a grace period and revokes it. A new key is in the answer once and never
 * stored. Clients from the clients file are listed but changed only in the file (409).
 */
public final class ClientRoutes {
    static final Duration DEFAULT_GRACE = Duration.ofHours(24);
    static final Duration MAX_GRACE = Duration.ofDays(30);
    /** The name is the client's system identity, part of an IRI. */
    private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");
    private static final Pattern KBO = Pattern.compile("^[01]\\d{9}$");
    private static final Set<String> FIELDS = Set.of("name", "role", "organisator", "loket", "werkingsgebied");

    private final ManagedClients managed;
    private final ApiKeys fileKeys;
    private final DocumentReader reader;
    private final CodeLists codes;

    public ClientRoutes(ManagedClients managed, ApiKeys fileKeys, DocumentReader reader, CodeLists codes) {
        this.managed = managed;
        this.fileKeys = fileKeys;
        this.reader = reader;
        this.codes = codes;
    }

    public void register(RoutesConfig routes) {
        routes.get("/beheer/clients", this::list, Action.CLIENTS_BEHEREN);
        routes.post("/beheer/clients", this::create, Action.CLIENTS_BEHEREN);
        routes.get("/beheer/clients/{name}", this::get, Action.CLIENTS_BEHEREN);
        routes.post("/beheer/clients/{name}/sleutels", this::rotate, Action.CLIENTS_BEHEREN);
        routes.delete("/beheer/clients/{name}", this::revoke, Action.CLIENTS_BEHEREN);
    }

    /** The API contract of these routes (GET /openapi.json), next to their registrations. */
    public void describe(ApiDescription api) {
        var ex = api.examples();
        String name = "The client's name";
        api.get("/beheer/clients", "The system clients (from the clients file and the API)").tag("Beheer")
                .answer(200, "Every client; never a key or hash", Media.json("Clients"));
        api.post("/beheer/clients", "Create a system client with its first API key").tag("Beheer")
                .body(Media.json("ClientAanmaak").example(ex.file("client-aanmaken.json")))
                .answer(201, "The client and its new `key`, shown only now", Media.json("ClientMetSleutel"))
                .answerHeader("Location", "`/beheer/clients/{name}`")
                .problems(OperationDoc.COMMAND_PROBLEMS).problems(ProblemType.MEDIATYPE, ProblemType.CONFLICT);
        api.get("/beheer/clients/{name}", "One system client").tag("Beheer")
                .path("name", name, null, "llko-gent")
                .answer(200, "The client", Media.json("Client"))
                .problems(ProblemType.NIET_GEVONDEN);
        api.post("/beheer/clients/{name}/sleutels", "Rotate: a new API key, the old ones valid for a grace period").tag("Beheer")
                .path("name", name, null, "llko-gent")
                .body(Media.json("Rotatie").example(ex.file("sleutel-roteren.json")))
                .answer(201, "The client and its new `key`, shown only now", Media.json("ClientMetSleutel"))
                .problems(OperationDoc.COMMAND_PROBLEMS).problems(ProblemType.MEDIATYPE, ProblemType.NIET_GEVONDEN, ProblemType.CONFLICT);
        api.delete("/beheer/clients/{name}", "Revoke a client: every key stops at once").tag("Beheer")
                .path("name", name, null, "llko-gent")
                .answer(204, "Revoked")
                .problems(ProblemType.NIET_GEVONDEN, ProblemType.CONFLICT);
    }

    /** {@code GET /beheer/clients}: every client, from the file and from the API; never a key or hash. */
    private void list(Context ctx) {
        Map<String, ObjectNode> byName = new TreeMap<>();
        for (Client client : fileKeys.all())
            byName.putIfAbsent(client.name(), describe(client, "file"));
        for (ManagedClient client : managed.all())
            byName.putIfAbsent(client.client().name(), describe(client));
        ArrayNode answer = JsonNodeFactory.instance.arrayNode();
        byName.values().forEach(answer::add);
        json(ctx, 200, answer);
    }

    private void get(Context ctx) {
        String name = ctx.pathParam("name");
        ObjectNode found = fileKeys.all().stream().filter(c -> c.name().equals(name)).findFirst().map(c -> describe(c, "file"))
                .or(() -> managed.get(name).map(ClientRoutes::describe))
                .orElseThrow(() -> notFound(name));
        json(ctx, 200, found);
    }

    /** {@code POST /beheer/clients} {@code {name, role, organisator?, loket?, werkingsgebied?}}: 201 with the key, shown once. */
    private void create(Context ctx) {
        Client client = read(reader.readCommand(ctx.bodyAsBytes()));
        if (fileKeys.names().contains(client.name()))
            throw inFile(client.name());
        ManagedClients.Issued issued = managed.create(client);
        ctx.header("Location", "/beheer/clients/" + client.name());
        json(ctx, 201, withKey(issued));
    }

    /** {@code POST /beheer/clients/{name}/sleutels} {@code {grace?: "PT24H"}}: a new key; the old ones stay valid for the grace period. */
    private void rotate(Context ctx) {
        String name = ctx.pathParam("name");
        byte[] body = ctx.bodyAsBytes();
        Duration grace = DEFAULT_GRACE;
        if (body.length > 0) {
            JsonNode command = reader.readCommand(body);
            CommandFields fields = new CommandFields(command, codes);
            command.fieldNames().forEachRemaining(f -> {
                if (!f.equals("grace"))
                    fields.problem(f, null, "Onbekend veld " + f + "; alleen grace (ISO 8601-duur, bv. PT24H).",
                            "Unknown field " + f + "; only grace (ISO 8601 duration, e.g. PT24H).");
            });
            String text = fields.text("grace", false);
            if (text != null)
                grace = duration(fields, text);
            fields.check();
        }
        if (fileKeys.names().contains(name))
            throw inFile(name);
        json(ctx, 201, withKey(managed.rotate(name, grace)));
    }

    /** {@code DELETE /beheer/clients/{name}}: every key of the client stops working at once. */
    private void revoke(Context ctx) {
        String name = ctx.pathParam("name");
        if (fileKeys.names().contains(name))
            throw inFile(name);
        managed.revoke(name);
        ctx.status(204);
    }

    private Client read(JsonNode body) {
        CommandFields fields = new CommandFields(body, codes);
        body.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f))
                fields.problem(f, null, "Onbekend veld " + f + "; velden: " + new java.util.TreeSet<>(FIELDS) + ".",
                        "Unknown field " + f + "; fields: " + new java.util.TreeSet<>(FIELDS) + ".");
        });
        String name = fields.text("name", true);
        if (name != null && !NAME.matcher(name).matches())
            fields.problem("name", name, "name bestaat uit kleine letters, cijfers en '-' (2 tot 63 tekens).",
                    "name consists of lower-case letters, digits and '-' (2 to 63 characters).");
        String roleText = fields.text("role", true);
        Role role = null;
        if (roleText != null) {
            role = switch (roleText) {
                case "llko" -> Role.LLKO;
                case "ko" -> Role.KO;
                case "analist" -> Role.ANALIST;
                case "beheer" -> Role.BEHEER;
                case "monitoring" -> Role.MONITORING;
                default -> null;
            };
            if (role == null)
                fields.problem("role", roleText, "role is llko, ko, analist, beheer of monitoring.", "role is llko, ko, analist, beheer or monitoring.");
        }
        String organisator = fields.text("organisator", role == Role.KO);
        if (organisator != null && role != Role.KO)
            fields.problem("organisator", organisator, "Alleen een client met rol ko heeft een organisator.", "Only a client with role ko has an organiser.");
        else if (organisator != null && !KBO.matcher(organisator).matches())
            fields.problem("organisator", organisator, "organisator is een KBO-nummer van 10 cijfers.", "organisator is a KBO number of 10 digits.");
        String loket = fields.text("loket", role == Role.LLKO);
        if (loket != null && role != Role.LLKO)
            fields.problem("loket", loket, "Alleen een client met rol llko heeft een loket.", "Only a client with role llko has a counter.");
        else if (loket != null)
            municipality(fields, "loket", loket);
        List<String> area = new ArrayList<>();
        JsonNode areaNode = body.get("werkingsgebied");
        if (areaNode != null && !areaNode.isNull()) {
            if (role != Role.LLKO)
                fields.problem("werkingsgebied", areaNode.toString(), "Alleen een client met rol llko heeft een werkingsgebied.",
                        "Only a client with role llko has a service area.");
            else if (!areaNode.isArray())
                fields.problem("werkingsgebied", areaNode.toString(), "werkingsgebied is een lijst van NIS-codes.", "werkingsgebied is a list of NIS codes.");
            else
                for (JsonNode code : areaNode)
                    if (municipality(fields, "werkingsgebied", code.isTextual() ? code.asText() : code.toString()) && !area.contains(code.asText()))
                        area.add(code.asText());
        } else if (role == Role.LLKO && loket != null) {
            area.add(loket);
        }
        fields.check();
        return new Client(name, role, organisator, loket, area.stream().sorted().toList());
    }

    private boolean municipality(CommandFields fields, String field, String code) {
        if (codes.concept("gemeente", code).isPresent())
            return true;
        fields.problem(field, code, field + ": '" + code + "' is geen NIS-code van een Vlaamse gemeente.",
                field + ": '" + code + "' is not the NIS code of a Flemish municipality.");
        return false;
    }

    private static Duration duration(CommandFields fields, String text) {
        try {
            Duration grace = Duration.parse(text);
            if (!grace.isNegative() && grace.compareTo(MAX_GRACE) <= 0)
                return grace;
        } catch (DateTimeParseException e) {
            // reported below
        }
        fields.problem("grace", text, "grace is een ISO 8601-duur van PT0S tot P30D (bv. PT24H).",
                "grace is an ISO 8601 duration from PT0S to P30D (e.g. PT24H).");
        return DEFAULT_GRACE;
    }

    private static ObjectNode describe(Client client, String source) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", client.name());
        node.put("role", client.role().name().toLowerCase());
        if (client.organisator() != null)
            node.put("organisator", client.organisator());
        if (client.loket() != null)
            node.put("loket", client.loket());
        ArrayNode area = node.putArray("werkingsgebied");
        client.werkingsgebied().forEach(area::add);
        node.put("source", source);
        return node;
    }

    private static ObjectNode describe(ManagedClient managed) {
        ObjectNode node = describe(managed.client(), "api");
        node.put("created", managed.created().toString());
        if (managed.revoked() != null)
            node.put("revoked", managed.revoked().toString());
        ArrayNode keys = node.putArray("keys");
        for (ManagedClient.Key key : managed.keys()) {
            ObjectNode k = keys.addObject();
            k.put("id", key.id());
            k.put("created", key.created().toString());
            if (key.validUntil() != null)
                k.put("validUntil", key.validUntil().toString());
        }
        return node;
    }

    private static ObjectNode withKey(ManagedClients.Issued issued) {
        ObjectNode node = describe(issued.client());
        node.put("key", issued.key());
        node.put("keyId", issued.stored().id());
        node.put("notice", "De sleutel wordt alleen nu getoond; de hub bewaart enkel zijn SHA-256. / "
                + "The key is shown only now; the hub keeps only its SHA-256.");
        return node;
    }

    private static Rejected inFile(String name) {
        return new Rejected(ProblemType.CONFLICT,
                "De client " + name + " staat in het clientbestand; wijzig hem daar (--clients) en herstart de hub.",
                "The client " + name + " is in the clients file; change it there (--clients) and restart the hub.");
    }

    private static Rejected notFound(String name) {
        return new Rejected(ProblemType.NIET_GEVONDEN, "Geen client " + name + ".", "No client " + name + ".");
    }

    private static void json(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType("application/json").result(body.toPrettyString().getBytes(StandardCharsets.UTF_8));
        ctx.header("Cache-Control", "no-store");
    }
}
