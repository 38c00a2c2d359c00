package be.kohub.report;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shared.PrefixMapping;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import be.kohub.access.Action;
import be.kohub.access.Authenticator;
import be.kohub.access.Client;
import be.kohub.access.Role;
import be.kohub.http.Params;
import be.kohub.http.Problems;
import be.kohub.vocab.KO;
import be.kohub.openapi.ApiDescription;
import be.kohub.openapi.Media;
import be.kohub.openapi.OperationDoc;

/**
 * {@code GET /rapporten} and {@code GET /rapporten/{rapport}?periode=…&gemeente=…&llko=…&peildatum=…}:
 * the figures on unique and unanswered requests as JSON, CSV or RDF Data Cube (Accept, or
 * {@code formaat=json|csv|turtle|jsonld|ntriples} for links). Analysts and beheer see every
 * cell; a counter sees its own service area only, with small counts suppressed.
 */
public final class ReportRoutes {
    static final String CSV = "text/csv";
    private static final AcceptList OFFERS = AcceptList.create("application/json", CSV, "text/turtle", "application/ld+json", "application/n-triples");
    private static final Map<String, String> FORMATS = Map.of("json", "application/json", "csv", CSV, "turtle", "text/turtle",
            "jsonld", "application/ld+json", "ntriples", "application/n-triples");
    private static final Pattern PERIOD = Pattern.compile("^\\d{4}(-[KQkq][1-4])?$");
    private static final Pattern NIS_LIST = Pattern.compile("^\\d{5}(,\\d{5}){0,400}$");
    private static final Pattern NIS = Pattern.compile("^\\d{5}$");
    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

    private final ReportEngine engine;
    private final ReportOutput output;
    private final Supplier<LocalDate> today;
    private final int suppressBelow;
    private final String base;

    public ReportRoutes(ReportEngine engine, ReportOutput output, Supplier<LocalDate> today, int suppressBelow, String base) {
        this.engine = engine;
        this.output = output;
        this.today = today;
        this.suppressBelow = suppressBelow;
        this.base = base;
    }

    public void register(RoutesConfig routes) {
        routes.get("/rapporten", this::list, Action.RAPPORT_LEZEN);
        routes.get("/rapporten/{rapport}", this::report, Action.RAPPORT_LEZEN);
    }

    /** The API contract of these routes (GET /openapi.json), next to their registrations. */
    public void describe(ApiDescription api) {
        api.get("/rapporten", "The reports, their dimensions and the grace period").tag("Rapporten")
                .answer(200, "The list of reports", Media.json("Rapporten"));
        api.get("/rapporten/{rapport}", "Figures on unique and unanswered requests").tag("Rapporten")
                .description("Definitions in docs/rapporten.md. A counter sees its own area, with small counts suppressed.")
                .path("rapport", "overzicht, woongemeente, locatiegemeente, loket, categorie, leeftijd, trend or uitkomsten", null, "overzicht")
                .query("periode", "A year (`2027`), quarter (`2027-Q1`) or month (`2027-03`)", null, null)
                .query("gemeente", "NIS code(s) of municipalities, comma-separated", null, null)
                .query("llko", "NIS code of a counter", "^[0-9]{5}$", null)
                .query("peildatum", "The reference date (`YYYY-MM-DD`)", null, null)
                .query("formaat", "json, csv, turtle, jsonld or ntriples, instead of `Accept`", null, null)
                .answer(200, "The figures", Media.json("Rapport"), Media.text("text/csv"), Media.text(Media.TURTLE),
                        Media.jsonLd("JsonLdDocument"), Media.text(Media.N_TRIPLES))
                .problems(ProblemType.NIET_GEVONDEN, ProblemType.ONGELDIGE_PARAMETER, ProblemType.NIET_AANVAARDBAAR);
    }

    private void list(Context ctx) {
        ObjectNode body = Problems.JSON.createObjectNode();
        ArrayNode reports = body.putArray("rapporten");
        for (Report r : Report.values()) {
            ObjectNode o = reports.addObject();
            o.put("rapport", r.code());
            o.put("href", "/rapporten/" + r.code());
            ArrayNode dims = o.putArray("dimensies");
            r.dimensions().forEach(dims::add);
        }
        body.put("definities", "/docs/rapporten.md");
        body.put("respijtDagen", engine.graceDays());
        Params.json(ctx, 200, body);
    }

    private void report(Context ctx) {
        Client client = Authenticator.client(ctx);
        Report report = Report.of(ctx.pathParam("rapport")).orElseThrow(() -> new Rejected(ProblemType.NIET_GEVONDEN,
                "Geen rapport '" + ctx.pathParam("rapport") + "'; zie /rapporten.", "No report '" + ctx.pathParam("rapport") + "'; see /rapporten."));
        String format = format(ctx);
        String periode = Params.param(ctx, "periode", PERIOD);
        Period period = periode == null ? Period.year(today.get().getYear()) : Period.parse(periode);
        LocalDate asOf = date(ctx);
        String gemeente = Params.param(ctx, "gemeente", NIS_LIST);
        Set<String> municipalities = gemeente == null ? new LinkedHashSet<>() : new LinkedHashSet<>(Arrays.asList(gemeente.split(",")));
        String counter = Params.param(ctx, "llko", NIS);
        if (client.role() == Role.LLKO) {
            Set<String> area = Set.copyOf(client.werkingsgebied());
            if (municipalities.isEmpty())
                municipalities.addAll(area);
            if (!area.containsAll(municipalities) || counter != null && !counter.equals(client.loket()))
                throw new Rejected(ProblemType.GEEN_TOEGANG, "Een loket ziet de cijfers van zijn eigen werkingsgebied " + area + ".",
                        "A counter sees the figures of its own service area " + area + ".");
        }
        ReportTable table;
        try {
            table = engine.compute(report, new ReportQuery(period, asOf, Set.copyOf(municipalities), counter));
        } catch (IllegalArgumentException e) {
            throw new Rejected(ProblemType.ONGELDIGE_PARAMETER, "Het rapport uitkomsten vraagt een gemeente of een llko.",
                    "The uitkomsten report needs a gemeente or an llko.");
        }
        int threshold = client.role() == Role.ANALIST || client.role() == Role.BEHEER ? 0 : suppressBelow;
        ctx.header("Vary", "Accept");
        ctx.header("Cache-Control", "private, no-store");
        switch (format) {
            case CSV -> ctx.contentType(CSV + "; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + report.code() + "-" + (report == Report.TREND ? "alle" : period) + ".csv\"")
                    .result(output.csv(table, threshold).getBytes(StandardCharsets.UTF_8));
            case "application/json" -> Params.json(ctx, 200, output.json(table, threshold));
            default -> {
                Graph cube = output.dataCube(table, threshold, base + ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()));
                RDFFormat rdf = switch (format) {
                    case "text/turtle" -> RDFFormat.TURTLE_PRETTY;
                    case "application/n-triples" -> RDFFormat.NTRIPLES;
                    default -> RDFFormat.JSONLD11;
                };
                cube.getPrefixMapping().setNsPrefixes(PREFIXES);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                RDFDataMgr.write(out, cube, rdf);
                ctx.contentType(format + (format.startsWith("text/") ? "; charset=utf-8" : "")).result(out.toByteArray());
            }
        }
    }

    private static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
            .setNsPrefix("qb", "http://purl.org/linked-data/cube#").setNsPrefix("kohub", KO.NS)
            .setNsPrefix("gemeente", "https://data.vlaanderen.be/id/gemeente/").setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#");

    private LocalDate date(Context ctx) {
        String value = Params.param(ctx, "peildatum", DATE);
        if (value == null)
            return today.get();
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Params.badParam("peildatum", value);
        }
    }

    private static String format(Context ctx) {
        String formaat = ctx.queryParam("formaat");
        if (formaat != null) {
            String type = FORMATS.get(formaat);
            if (type == null)
                throw Params.badParam("formaat", formaat);
            return type;
        }
        String accept = ctx.header("Accept");
        if (accept == null || accept.isBlank() || accept.equals("*/*"))
            return "application/json";
        MediaType chosen = AcceptList.match(new AcceptList(accept), OFFERS);
        if (chosen == null)
            throw new Rejected(ProblemType.NIET_AANVAARDBAAR, "Beschikbare formaten: JSON, CSV, Turtle, JSON-LD, N-Triples.",
                    "Available formats: JSON, CSV, Turtle, JSON-LD, N-Triples.");
        return chosen.getContentTypeStr();
    }
}
