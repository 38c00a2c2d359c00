package be.kohub.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

import be.kohub.access.Action;
import be.kohub.access.Authenticator;
import be.kohub.http.Params;
import be.kohub.store.Queries;
import be.kohub.store.Store;
import be.kohub.vocab.KO;
import be.kohub.Errors.ProblemType;
import be.kohub.openapi.ApiDescription;
import be.kohub.openapi.Media;
import be.kohub.openapi.OperationDoc;

/**
 * {@code GET /audit?door=&document=&van=&tot=&limit=} (beheer only): the audit log, newest first,
 * as JSON. Reading it is itself recorded.
 */
public final class AuditRoutes {
    private static final Pattern SYSTEM = Pattern.compile("^[A-Za-z0-9._-]{1,100}$");
    private static final Pattern IRI = Pattern.compile("^https?://[^\\s<>\"{}|\\\\^`]{1,300}$");
    private static final Pattern TIME = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z$");
    private final Store store;
    private final AuditLog log;

    public AuditRoutes(Store store, AuditLog log) {
        this.store = store;
        this.log = log;
    }

    public void register(RoutesConfig routes) {
        routes.get("/audit", this::list, Action.AUDIT_LEZEN);
    }

    /** The API contract of these routes (GET /openapi.json), next to their registrations. */
    public void describe(ApiDescription api) {
        api.get("/audit", "The audit log of personal data, newest first").tag("Beheer")
                .query("door", "Only this system (client name)", null, "llko-gent")
                .query("document", "Only entries about this document (IRI)", null, null)
                .query("van", "From this time (ISO 8601)", null, null)
                .query("tot", "Until this time (ISO 8601)", null, null)
                .queryInt("limit", "Entries", 1, 1000, 100)
                .answer(200, "The entries: who read or wrote whose personal data, when and why", Media.json("Audit"))
                .problems(be.kohub.Errors.ProblemType.ONGELDIGE_PARAMETER);
    }

    private void list(Context ctx) {
        Map<String, Node> filters = new HashMap<>();
        String door = Params.param(ctx, "door", SYSTEM);
        if (door != null)
            filters.put("filterDoor", NodeFactory.createURI(KO.SYSTEM_PREFIX + door));
        String document = Params.param(ctx, "document", IRI);
        if (document != null)
            filters.put("filterDocument", NodeFactory.createURI(document));
        time(ctx, "van").ifPresent(t -> filters.put("filterVan", t));
        time(ctx, "tot").ifPresent(t -> filters.put("filterTot", t));
        int limit = Params.intParam(ctx, "limit", 100, 1, 1000);
        Query query = Queries.bind("audit/entries.rq", filters);
        query.setLimit(limit);
        List<Binding> rows = store.read(tx -> tx.select(query));
        log.record(Authenticator.client(ctx), AuditLog.Handeling.AUDIT_GELEZEN, Purpose.of(ctx, Authenticator.client(ctx).role()),
                "GET /audit", List.of(KO.AUDIT_GRAPH));
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ArrayNode entries = answer.putArray("regels");
        for (Binding row : rows) {
            ObjectNode entry = entries.addObject();
            entry.put("id", value(row, "regel"));
            entry.put("tijd", value(row, "tijd"));
            entry.put("door", value(row, "door").substring(KO.SYSTEM_PREFIX.length()));
            entry.put("rol", value(row, "rol"));
            entry.put("handeling", value(row, "handeling"));
            entry.put("doel", value(row, "doel"));
            entry.put("route", value(row, "route"));
            ArrayNode docs = entry.putArray("documenten");
            for (String doc : value(row, "documenten").split(" "))
                docs.add(doc);
        }
        Params.json(ctx, 200, answer);
    }

    private static Optional<Node> time(Context ctx, String name) {
        String value = Params.param(ctx, name, TIME);
        if (value == null)
            return Optional.empty();
        try {
            Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Params.badParam(name, value);
        }
        return Optional.of(NodeFactory.createLiteralDT(value, XSDDatatype.XSDdateTime));
    }

    private static String value(Binding row, String var) {
        Node node = row.get(Var.alloc(var));
        return node.isURI() ? node.getURI() : node.getLiteralLexicalForm();
    }
}
