package be.kohub.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.javalin.http.Context;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import be.kohub.http.Problems;

/**
 * {@code GET /model/wijzigingen}: what changed in the shapes between two published versions,
 * for the working group to review, as JSON or as an HTML page
 * ({@code src/main/resources/web/model/wijzigingen.html.mustache}). Parameters:
 * {@code sinds=X} (from X to the current version) or {@code van=X&naar=Y}; without them, from
 * the version before the current one.
 */
final class ChangesPage {
    private static final String JSON = "application/json";
    private static final String HTML = "text/html";
    private final ModelVersions versions;
    private final String base;
    private final Template template;
    private final Map<String, List<ShapeChange>> computed = new ConcurrentHashMap<>();

    ChangesPage(ModelVersions versions, String base) {
        this.versions = versions;
        this.base = base;
        try (InputStream in = ChangesPage.class.getResourceAsStream("/web/model/wijzigingen.html.mustache")) {
            if (in == null)
                throw new IllegalStateException("missing template wijzigingen.html.mustache");
            this.template = Mustache.compiler().escapeHTML(true).emptyStringIsFalse(true).compile(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void handle(Context ctx) {
        String since = ctx.queryParam("sinds");
        String fromParam = ctx.queryParam("van");
        String toParam = ctx.queryParam("naar");
        if (since != null && (fromParam != null || toParam != null))
            throw new Rejected(ProblemType.ONGELDIGE_PARAMETER, "Geef sinds, of van en naar, niet allebei.",
                    "Give sinds, or van and naar, not both.");
        ShapesVersion to = toParam == null ? versions.current() : version("naar", toParam);
        ShapesVersion from = since != null ? version("sinds", since) : fromParam != null ? version("van", fromParam)
                : versions.before(to).orElse(to);
        if (ShapesVersion.ORDER.compare(from.number(), to.number()) > 0)
            throw new Rejected(ProblemType.ONGELDIGE_PARAMETER,
                    "Versie " + from + " is nieuwer dan " + to + ": de oudste komt eerst.",
                    "Version " + from + " is newer than " + to + ": the older one comes first.");
        List<ShapeChange> changes = computed.computeIfAbsent(from + ">" + to, k -> ShapeDiff.between(from, to));
        ctx.header("Vary", "Accept");
        ctx.header("Cache-Control", "public, max-age=300");
        if (format(ctx).equals(HTML))
            ctx.contentType("text/html; charset=utf-8").result(template.execute(view(from, to, changes)).getBytes(StandardCharsets.UTF_8));
        else
            ctx.contentType(JSON).result(json(from, to, changes).toPrettyString().getBytes(StandardCharsets.UTF_8));
    }

    private ShapesVersion version(String parameter, String number) {
        return versions.find(number).orElseThrow(() -> new Rejected(ProblemType.NIET_GEVONDEN,
                parameter + ": geen modelversie '" + number + "'; gepubliceerd: " + numbers() + ".",
                parameter + ": no model version '" + number + "'; published: " + numbers() + "."));
    }

    private List<String> numbers() {
        return versions.all().stream().map(ShapesVersion::number).toList();
    }

    /** JSON when nothing is asked; HTML for browsers; 406 for anything else. */
    private static String format(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept == null || accept.isBlank())
            return JSON;
        MediaType chosen = AcceptList.match(new AcceptList(accept), AcceptList.create(JSON, HTML));
        if (chosen == null)
            throw new Rejected(ProblemType.NIET_AANVAARDBAAR, "Beschikbare formaten: [application/json, text/html].",
                    "Available formats: [application/json, text/html].");
        return chosen.getContentTypeStr();
    }

    static ObjectNode json(ShapesVersion from, ShapesVersion to, List<ShapeChange> changes) {
        ObjectNode body = Problems.JSON.createObjectNode();
        body.put("from", from.number());
        body.put("to", to.number());
        body.put("breaking", changes.stream().filter(ShapeChange::breaking).count());
        body.put("nonBreaking", changes.stream().filter(c -> !c.breaking()).count());
        ArrayNode list = body.putArray("changes");
        for (ShapeChange c : changes) {
            ObjectNode entry = list.addObject();
            entry.put("documentType", c.documentType());
            entry.put("shape", c.shape());
            entry.put("path", c.path());
            entry.put("constraint", c.constraint());
            entry.put("old", c.oldValue());
            entry.put("new", c.newValue());
            entry.put("change", c.rule().kind);
            entry.put("breaking", c.breaking());
            entry.put("rule", c.rule().name());
            entry.putObject("reason").put("nl", c.rule().reasonNl).put("en", c.rule().reasonEn);
            if (c.note() != null)
                entry.put("note", c.note());
        }
        return body;
    }

    private Map<String, Object> view(ShapesVersion from, ShapesVersion to, List<ShapeChange> changes) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("from", from.number());
        view.put("to", to.number());
        view.put("base", base);
        view.put("same", from == to);
        view.put("breaking", changes.stream().filter(ShapeChange::breaking).count());
        view.put("nonBreaking", changes.stream().filter(c -> !c.breaking()).count());
        view.put("none", changes.isEmpty());
        List<Map<String, Object>> options = new ArrayList<>();
        for (ShapesVersion v : versions.all())
            options.add(Map.of("number", v.number(), "isFrom", v == from, "isTo", v == to));
        view.put("versions", options);
        Map<String, List<Map<String, Object>>> byType = new LinkedHashMap<>();
        for (ShapeChange c : changes) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("shape", c.shape());
            row.put("path", c.path() == null ? "" : c.path());
            row.put("constraint", c.constraint());
            row.put("old", c.oldValue() == null ? "" : c.oldValue());
            row.put("new", c.newValue() == null ? "" : c.newValue());
            row.put("kind", c.rule().kind);
            row.put("breaking", c.breaking());
            row.put("reasonNl", c.rule().reasonNl);
            row.put("reasonEn", c.rule().reasonEn);
            row.put("note", c.note() == null ? "" : c.note());
            byType.computeIfAbsent(c.documentType(), t -> new ArrayList<>()).add(row);
        }
        List<Map<String, Object>> types = new ArrayList<>();
        byType.forEach((type, rows) -> types.add(Map.of("type", type, "changes", rows,
                "breaking", rows.stream().filter(r -> (boolean) r.get("breaking")).count())));
        view.put("types", types);
        return view;
    }
}
