package be.kohub.feeds;

import java.time.Duration;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import be.kohub.access.Action;
import be.kohub.access.Authenticator;
import be.kohub.http.Params;
import be.kohub.store.Store;
import be.kohub.openapi.ApiDescription;
import be.kohub.openapi.Media;
import be.kohub.openapi.OperationDoc;

/**
 * HTTP API of the change feeds (docs/feeds.md): for each feed the stream
 * ({@code /ldes/{feed}}), its root node ({@code /ldes/{feed}/wortel}) and its pages
 * ({@code /ldes/{feed}/pagina/{nummer}}).
 */
public final class FeedRoutes {
    private final FeedPages pages;
    private final FeedOutput output;
    private final FeedLimiter limiter;
    private final FeedRetention retention;

    /** How the feeds are published: newest-page cache time, rate limit, retention of the personal feeds. */
    public record Settings(Duration maxAge, int requestsPerSecond, int burst, Duration retention) {
        public Settings {
            if (maxAge == null || maxAge.isNegative())
                throw new IllegalStateException("the feeds' cache time must not be negative");
            new FeedLimiter.Settings(requestsPerSecond, burst);
            if (retention != null && (retention.isNegative() || retention.isZero()))
                throw new IllegalStateException("the feed retention period must be positive");
        }
    }

    public FeedRoutes(Store store, String base, Settings settings, FeedRetention retention) {
        this.retention = retention;
        this.pages = new FeedPages(store, base, settings.retention());
        this.output = new FeedOutput(settings.maxAge().toSeconds());
        this.limiter = new FeedLimiter(new FeedLimiter.Settings(settings.requestsPerSecond(), settings.burst()));
    }

    public void register(RoutesConfig routes) {
        for (Feed feed : Feed.values()) {
            String at = "/ldes/" + feed.path;
            routes.get(at, ctx -> stream(ctx, feed), feed.action);
            routes.get(at + "/wortel", ctx -> root(ctx, feed), feed.action);
            routes.get(at + "/pagina/{nummer}", ctx -> page(ctx, feed), feed.action);
        }
        routes.post("/beheer/feeds/bewaartermijn", this::applyRetention, Action.BEWAARTERMIJN_TOEPASSEN);
    }

    /** The API contract of these routes (GET /openapi.json), next to their registrations. */
    public void describe(ApiDescription api) {
        for (Feed feed : Feed.values()) {
            String at = "/ldes/" + feed.path;
            String what = "The change feed (LDES) of " + feed.path + "; docs/feeds.md";
            Media[] rdf = {Media.jsonLd("JsonLdDocument"), Media.text(Media.TRIG), Media.text(Media.N_QUADS)};
            api.get(at, what + ": the stream").tag("Feeds")
                    .answer(200, "The event stream: description, shape, `tree:view` to its root", rdf)
                    .problems(ProblemType.NIET_AANVAARDBAAR, ProblemType.TE_VEEL_VERZOEKEN);
            api.get(at + "/wortel", what + ": the root node").tag("Feeds")
                    .answer(200, "The root node with its relation to the oldest page kept; `Cache-Control: max-age`", rdf)
                    .answerHeader("ETag", "Over the bytes")
                    .answer(304, "Not modified (If-None-Match)")
                    .problems(ProblemType.NIET_AANVAARDBAAR, ProblemType.TE_VEEL_VERZOEKEN);
            api.get(at + "/pagina/{nummer}", what + ": one page of members").tag("Feeds")
                    .path("nummer", "The page number, from 1", "^[0-9]+$", "1")
                    .header("If-None-Match", "The ETag you have", false, null)
                    .answer(200, "Members with time-bounded relations to the next page; `immutable` once full", rdf)
                    .answerHeader("ETag", "Over the bytes")
                    .answer(304, "Not modified (If-None-Match)")
                    .problems(ProblemType.NIET_GEVONDEN, ProblemType.VERDWENEN, ProblemType.NIET_AANVAARDBAAR, ProblemType.TE_VEEL_VERZOEKEN);
        }
        api.post("/beheer/feeds/bewaartermijn", "Run the feeds' retention now").tag("Beheer")
                .answer(200, "The period, the cut-off and the pages removed per feed", Media.json("FeedBewaartermijn"))
                .problems(ProblemType.CONFLICT);
    }

    /** Runs the feed retention now: answers the cut-off and the pages removed per feed. */
    private void applyRetention(Context ctx) {
        if (!retention.enabled())
            throw new Rejected(ProblemType.CONFLICT, "De bewaartermijn van de feeds staat uit.", "Feed retention is off.");
        FeedRetention.Pruned pruned = retention.run();
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("bewaartermijn", retention.period().toString());
        answer.put("ouderDan", pruned.olderThan().toString());
        ObjectNode pages = answer.putObject("verwijderdePaginas");
        pruned.pages().forEach((feed, numbers) -> numbers.forEach(pages.putArray(feed.path)::add));
        Params.json(ctx, 200, answer);
    }

    private void stream(Context ctx, Feed feed) {
        limiter.check(ctx);
        output.send(ctx, pages.stream(feed), false, feed.personal);
    }

    private void root(Context ctx, Feed feed) {
        limiter.check(ctx);
        output.send(ctx, pages.root(feed).data(), false, feed.personal);
    }

    private void page(Context ctx, Feed feed) {
        limiter.check(ctx);
        FeedOutput.negotiate(ctx);
        long number = number(ctx, feed);
        FeedPages.Rendered page;
        try {
            page = pages.page(feed, number, Authenticator.client(ctx)).orElseThrow(() -> notFound(ctx, feed));
        } catch (FeedPages.Gone gone) {
            throw new Rejected(ProblemType.VERDWENEN,
                    "Pagina " + number + " van " + feed.path + " viel buiten de bewaartermijn en is verwijderd; begin bij /ldes/" + feed.path + "/wortel.",
                    "Page " + number + " of " + feed.path + " fell outside the retention period and was removed; start at /ldes/" + feed.path + "/wortel.");
        }
        output.send(ctx, page.data(), page.immutable(), feed.personal);
    }

    private static long number(Context ctx, Feed feed) {
        String value = ctx.pathParam("nummer");
        if (!value.matches("^[1-9][0-9]{0,15}$"))
            throw notFound(ctx, feed);
        return Long.parseLong(value);
    }

    private static Rejected notFound(Context ctx, Feed feed) {
        return new Rejected(ProblemType.NIET_GEVONDEN, "Geen pagina " + ctx.path() + " in de feed " + feed.path + ".",
                "No page " + ctx.path() + " in the feed " + feed.path + ".");
    }
}
