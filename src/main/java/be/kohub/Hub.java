package be.kohub;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.Roles;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.OperationRegistry;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.Target;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.update.UpdateRequest;

import be.kohub.Errors.Rejected;
import be.kohub.access.Action;
import be.kohub.access.ApiKeys;
import be.kohub.access.Authenticator;
import be.kohub.access.BearerTokens;
import be.kohub.access.ClientRoutes;
import be.kohub.access.FailedLogins;
import be.kohub.access.ManagedClients;
import be.kohub.http.JsonLdFramer;
import be.kohub.http.Problems;
import be.kohub.http.RdfOutput;
import be.kohub.ingest.BundledContexts;
import be.kohub.ingest.ContextTerms;
import be.kohub.ingest.DocumentReader;
import be.kohub.ingest.DocumentType;
import be.kohub.ingest.IngestPipeline;
import be.kohub.ingest.InputLimits;
import be.kohub.access.Role;
import be.kohub.audit.AuditLog;
import be.kohub.audit.AuditRoutes;
import be.kohub.assignments.AssignmentActions;
import be.kohub.assignments.AssignmentHandler;
import be.kohub.assignments.AssignmentRoutes;
import be.kohub.assignments.AssignmentRule;
import be.kohub.catalog.CatalogRoutes;
import be.kohub.codes.ChildCodeRoutes;
import be.kohub.conformance.ConformancePack;
import be.kohub.conformance.ConformanceRoutes;
import be.kohub.codes.ChildCodes;
import be.kohub.codes.IdentityHash;
import be.kohub.erasure.ChildErasure;
import be.kohub.erasure.ErasureRoutes;
import be.kohub.erasure.RetentionJob;
import be.kohub.feeds.FeedRetention;
import be.kohub.feeds.FeedRoutes;
import be.kohub.feeds.FeedWriter;
import be.kohub.locations.LocationRoutes;
import be.kohub.model.CodeLists;
import be.kohub.report.DashboardRoutes;
import be.kohub.report.DimensionValues;
import be.kohub.report.FactsKeeper;
import be.kohub.report.ReportEngine;
import be.kohub.report.ReportOutput;
import be.kohub.report.ReportRoutes;
import be.kohub.requests.ConsentCommand;
import be.kohub.requests.CrossCounterView;
import be.kohub.requests.RequestHandler;
import be.kohub.requests.RequestRoutes;
import be.kohub.requests.RequestStatusCommand;
import be.kohub.model.ModelFiles;
import be.kohub.model.ModelRoutes;
import be.kohub.operations.Operations;
import be.kohub.openapi.ApiDescription;
import be.kohub.openapi.Media;
import be.kohub.openapi.OpenApiDocument;
import be.kohub.openapi.OpenApiRoutes;
import be.kohub.sparql.SparqlEndpoint;
import be.kohub.spec.SpecRoutes;
import be.kohub.spec.SpecificationPages;
import be.kohub.store.Store;
import be.kohub.store.WriteQueue;
import be.kohub.validation.ShaclValidator;
import be.kohub.validation.ValidationRoutes;
import be.kohub.vocab.KO;
import be.kohub.webhooks.WebhookSettings;
import be.kohub.webhooks.Webhooks;

/**
 * The hub, assembled in one place: the CLI and the tests both build it with {@link #builder()},
 * e.g. {@code Hub.builder().store(Tdb2Store.at(dir)).port(0).build().start()}.
 */
public final class Hub implements AutoCloseable {
    private final Store store;
    private final WriteQueue writes;
    private final IngestPipeline pipeline;
    private final DocumentReader reader;
    private final BundledContexts contexts;
    private final LocationRoutes locations;
    private final ChildCodeRoutes childCodes;
    private final RequestRoutes requests;
    private final AssignmentRoutes assignments;
    private final SparqlEndpoint sparql;
    private final SparqlEndpoint analysisSparql;
    private final SparqlEndpoint counterSparql;
    private final SparqlEndpoint organiserSparql;
    private final AuditRoutes auditRoutes;
    private final ReportRoutes reports;
    private final ReportEngine reportEngine;
    private final DashboardRoutes dashboard;
    private final RetentionJob retention;
    private final ErasureRoutes erasure;
    private final FeedRoutes feeds;
    private final FeedRetention feedRetention;
    private final CatalogRoutes catalog;
    private final ConformanceRoutes conformance;
    private final ModelRoutes modelRoutes;
    private final SpecRoutes specification;
    private final ApiKeys clients;
    private final ManagedClients managedClients;
    private final ClientRoutes clientRoutes;
    private final BearerTokens tokens;
    private final FailedLogins failedLogins;
    private final Webhooks webhooks;
    private final Operations operations;
    private final OpenApiRoutes apiContract;
    private final int requestedPort;
    private final String base;
    private Javalin http;

    private Hub(Builder b) {
        this.operations = new Operations(b.store, b.readyTimeout);
        this.store = operations.store();
        this.base = b.base;
        this.requestedPort = b.port;
        this.clients = b.clients;
        ModelFiles model = ModelFiles.load();
        this.contexts = new BundledContexts(base);
        this.reader = new DocumentReader(b.limits, contexts);
        ShaclValidator validator = new ShaclValidator(ModelFactory.createModelForGraph(model.shapes()), model.ontology());
        this.writes = new WriteQueue(store, b.writeBatch, b.clock);
        operations.watchWriteQueue(writes::pending);
        this.pipeline = new IngestPipeline(writes, validator, new ContextTerms(contexts.v1()), base, operations.ingestOutcomes());
        AuditLog audit = new AuditLog(writes);
        this.auditRoutes = new AuditRoutes(store, audit);
        PrefixMapping prefixes = PrefixMapping.Factory.create().setNsPrefixes(model.shapes().getPrefixMapping())
                .setNsPrefixes(model.ontology().getPrefixMapping()).removeNsPrefix("kosh").removeNsPrefix("");
        RdfOutput output = new RdfOutput(prefixes);
        this.locations = new LocationRoutes(store, pipeline, reader,
                new JsonLdFramer(contexts, "/frames/locatie.json"), output);
        CodeLists codes = new CodeLists(model.ontology());
        ChildCodes children = new ChildCodes(writes, new IdentityHash(b.identityKey), codes, base, b.birthWindowDays);
        this.childCodes = new ChildCodeRoutes(children, audit, store, reader, new JsonLdFramer(contexts, "/frames/kind.json"), output);
        this.requests = new RequestRoutes(new RequestHandler(children, codes), new RequestStatusCommand(writes, codes),
                new ConsentCommand(writes, codes), new CrossCounterView(codes), children, audit, store, pipeline, reader, new JsonLdFramer(contexts, "/frames/aanvraag.json"), output);
        AssignmentRule rule = new AssignmentRule(codes, b.startToleranceDays);
        this.assignments = new AssignmentRoutes(new AssignmentHandler(children, codes, rule), new AssignmentActions(writes, codes, rule),
                store, pipeline, reader, new JsonLdFramer(contexts, "/frames/toewijzing.json"), output);
        this.sparql = SparqlEndpoint.publicEndpoint(store, audit, b.sparqlTimeout, b.sparqlResultLimit);
        this.analysisSparql = SparqlEndpoint.analysis(store, base, audit, b.sparqlTimeout, b.sparqlResultLimit);
        this.counterSparql = SparqlEndpoint.ownDocuments("sparql-loket", Role.LLKO, store, audit, b.sparqlTimeout, b.sparqlResultLimit);
        this.organiserSparql = SparqlEndpoint.ownDocuments("sparql-organisator", Role.KO, store, audit, b.sparqlTimeout, b.sparqlResultLimit);
        this.reportEngine = new ReportEngine(b.reportGraceDays, List.copyOf(codes.codes("voorrangsgroep")));
        this.reports = new ReportRoutes(reportEngine,
                new ReportOutput(new DimensionValues(codes)), writes::today, b.reportSuppressBelow, base);
        this.dashboard = new DashboardRoutes(model.ontology(), codes);
        this.managedClients = new ManagedClients(store, writes, b.clientsRefresh);
        this.clientRoutes = new ClientRoutes(managedClients, clients, reader, codes);
        this.tokens = b.jwks == null ? null
                : BearerTokens.of(new BearerTokens.Settings(b.jwks, b.jwtIssuer, b.jwtAudience, b.jwtClockSkew), b.clock);
        this.failedLogins = new FailedLogins(new FailedLogins.Settings(b.failedLoginLimit, b.failedLoginPeriod), b.clock);
        this.retention = new RetentionJob(writes, b.retentionAfterClosed, b.retentionInterval, audit);
        this.erasure = new ErasureRoutes(new ChildErasure(children, writes, base), retention, audit);
        this.webhooks = new Webhooks(store, writes, codes, reader, clients, b.webhooks);
        // The DCAT catalog for portals (docs/catalogus.md): a file resolved against the base.
        this.catalog = new CatalogRoutes(base, output);
        // The published model and its versions (docs/versioning.md).
        this.modelRoutes = ModelRoutes.load(base, model);
        // The specification pages (docs/specificatie.md), generated once from the model files.
        this.specification = new SpecRoutes(SpecificationPages.generate(model, contexts.v1(), contexts.published(), documentTypes()));
        // The conformance pack for vendors (docs/conformiteit.md), one archive built at start.
        this.conformance = new ConformanceRoutes(ConformancePack.load());
        // The API contract (GET /openapi.json): the registered routes with the descriptions next to them.
        Clock clock = b.clock;
        this.apiContract = new OpenApiRoutes(() -> OpenApiDocument.build(base, routes(), describers(), () -> java.time.LocalDate.now(clock)));
        publishModel(model);
        FactsKeeper.start(reportEngine, store, writes);
        FeedWriter.start(store, writes, b.feedPageSize);
        this.feedRetention = new FeedRetention(writes, b.feedRetention, b.retentionInterval);
        this.feeds = new FeedRoutes(store, base,
                new FeedRoutes.Settings(b.feedMaxAge, b.feedRequestsPerSecond, b.feedBurst, b.feedRetention), feedRetention);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Hub start() {
        Authenticator authenticator = new Authenticator(clients, managedClients, tokens, failedLogins);
        http = Javalin.create(config -> configure(config, authenticator));
        List<String> unguarded = routes().entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
        if (!unguarded.isEmpty())
            throw new IllegalStateException("routes without an access action (default deny): " + unguarded);
        http.start(requestedPort);
        retention.schedule();
        feedRetention.schedule();
        webhooks.start();
        return this;
    }

    /** Every HTTP route as "METHOD path" with the action it performs (null: none, which start() refuses). */
    public Map<String, Action> routes() {
        Map<String, Action> routes = new TreeMap<>();
        for (ParsedEndpoint parsed : http.unsafe.internalRouter.allHttpHandlers()) {
            Endpoint endpoint = parsed.endpoint;
            if (!endpoint.method.isHttpMethod())
                continue;
            Roles roles = endpoint.metadata(Roles.class);
            List<Action> actions = roles == null ? List.of()
                    : roles.getRoles().stream().filter(Action.class::isInstance).map(Action.class::cast).toList();
            routes.put(endpoint.method + " " + endpoint.path, actions.size() == 1 ? actions.get(0) : null);
        }
        return routes;
    }

    private void configure(JavalinConfig config, Authenticator authenticator) {
        config.startup.showJavalinBanner = false;
        config.http.maxRequestSize = reader == null ? 1_000_000 : Math.max(1_000_000L, InputLimits.DEFAULT.maxBatchBytes());
        // Fuseki's query processor looks up its registries in the servlet context.
        config.jetty.modifyServletContextHandler(handler -> {
            OperationRegistry.set(handler.getServletContext(), OperationRegistry.createStd());
            DataAccessPointRegistry.set(handler.getServletContext(), new DataAccessPointRegistry());
        });
        var routes = config.routes;
        operations.configure(config);
        routes.beforeMatched(authenticator);
        routes.exception(Rejected.class, (e, ctx) -> Problems.send(ctx, e));
        // a body over the server's limit is refused by Javalin while it reads it; say so as problem+json
        long maxRequest = config.http.maxRequestSize;
        routes.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 413)
                Problems.send(ctx, new Rejected(Errors.ProblemType.TE_GROOT, "Het verzoek is groter dan de limiet van " + maxRequest + " bytes.",
                        "The request is larger than the limit of " + maxRequest + " bytes."));
            else
                io.javalin.router.exception.HttpResponseExceptionMapper.INSTANCE.handle(e, ctx);
        });
        routes.exception(Exception.class, (e, ctx) -> Problems.sendUnexpected(ctx, e));
        routes.error(404, ctx -> {
            // no route matched (Javalin answers that in plain text), or a route answered 404 without a body
            if (ctx.endpoints().matchedHttpEndpoint() == null || ctx.result() == null || ctx.result().isEmpty())
                Problems.send(ctx, new Rejected(Errors.ProblemType.NIET_GEVONDEN, "Geen resource op " + ctx.path() + ".",
                        "No resource at " + ctx.path() + "."));
        });
        locations.register(routes);
        childCodes.register(routes);
        requests.register(routes);
        assignments.register(routes);
        reports.register(routes);
        dashboard.register(routes);
        clientRoutes.register(routes);
        erasure.register(routes);
        feeds.register(routes);
        webhooks.register(routes);
        catalog.register(routes);
        modelRoutes.register(routes);
        specification.register(routes);
        apiContract.register(routes);
        new ValidationRoutes(reader, pipeline, this::documentTypes).register(routes);
        conformance.register(routes);
        routes.get("/context/v1.jsonld", ctx -> ctx.contentType("application/ld+json").result(contexts.v1()), Action.MODEL_LEZEN);
        routes.get("/sparql", sparql::handle, Action.SPARQL_PUBLIEK);
        routes.post("/sparql", sparql::handle, Action.SPARQL_PUBLIEK);
        routes.get("/sparql/analyse", analysisSparql::handle, Action.SPARQL_ANALYSE);
        routes.post("/sparql/analyse", analysisSparql::handle, Action.SPARQL_ANALYSE);
        routes.get("/sparql/loket", counterSparql::handle, Action.SPARQL_LOKET);
        routes.post("/sparql/loket", counterSparql::handle, Action.SPARQL_LOKET);
        routes.get("/sparql/organisator", organiserSparql::handle, Action.SPARQL_ORGANISATOR);
        routes.post("/sparql/organisator", organiserSparql::handle, Action.SPARQL_ORGANISATOR);
        auditRoutes.register(routes);
    }

    /** The descriptions of every route for the API contract: each route class describes its own, next to its registrations. */
    private List<java.util.function.Consumer<ApiDescription>> describers() {
        return List.of(locations::describe, childCodes::describe, requests::describe, assignments::describe, reports::describe,
                dashboard::describe, clientRoutes::describe, erasure::describe, feeds::describe, webhooks::describe,
                catalog::describe, ValidationRoutes::describe, conformance::describe, modelRoutes::describe, specification::describe, operations::describe, apiContract::describe, this::describe, auditRoutes::describe);
    }

    /** The routes registered in {@link #configure} itself. */
    private void describe(ApiDescription api) {
        api.get("/context/v1.jsonld", "The JSON-LD context of the hub's documents (version 1)").tag("Model")
                .description("Documents name it as `https://data.kohub.be/context/v1.jsonld`; the hub never fetches a context, "
                        + "it uses this bundled copy.")
                .answer(200, "The JSON-LD 1.1 context", Media.jsonLd("JsonLdContext"));
        String query = "A SPARQL 1.1 query (`query` parameter of a GET, or a form or `application/sparql-query` body of a POST).";
        Map<String, String> doors = new java.util.LinkedHashMap<>();
        doors.put("/sparql", "SPARQL over the public graphs (location sheets, the model)");
        doors.put("/sparql/analyse", "SPARQL over every document without personal data");
        doors.put("/sparql/loket", "SPARQL over what the calling counter reads through REST");
        doors.put("/sparql/organisator", "SPARQL over what the calling organiser reads through REST");
        doors.forEach((path, summary) -> {
            api.get(path, summary).tag("SPARQL").description(query + " Per role: docs/security.md.")
                    .query("query", "The SPARQL query", null, "ASK { ?s ?p ?o }")
                    .answer(200, "SPARQL results (JSON, XML, CSV, TSV) or RDF for CONSTRUCT/DESCRIBE, by `Accept`",
                            Media.of("application/sparql-results+json", "SparqlResults"), Media.text("text/csv"), Media.text(Media.TURTLE))
                    .answer(400, "The query does not parse (the SPARQL protocol's plain-text message, not problem+json)", Media.text("text/plain"));
            api.post(path, summary).tag("SPARQL").description(query + " Per role: docs/security.md.")
                    .body(Media.text("application/x-www-form-urlencoded").example(api.examples().file("sparql-ask.txt")),
                            Media.text("application/sparql-query"))
                    .answer(200, "SPARQL results (JSON, XML, CSV, TSV) or RDF for CONSTRUCT/DESCRIBE, by `Accept`",
                            Media.of("application/sparql-results+json", "SparqlResults"), Media.text("text/csv"), Media.text(Media.TURTLE))
                    .answer(400, "The query does not parse (the SPARQL protocol's plain-text message, not problem+json)", Media.text("text/plain"));
        });
    }

    public List<DocumentType> documentTypes() {
        return List.of(locations.handler(), requests.handler(), assignments.handler());
    }

    /** Puts the model (ontology, code lists) into its public graph, replacing what an older version left. */
    private void publishModel(ModelFiles model) {
        UpdateRequest request = new UpdateRequest();
        request.add(new UpdateDrop(Target.create(KO.MODEL_GRAPH), true));
        QuadDataAcc data = new QuadDataAcc();
        model.ontology().find().forEachRemaining(t -> data.addQuad(new Quad(KO.MODEL_GRAPH, t)));
        request.add(new UpdateDataInsert(data));
        store.write(tx -> {
            tx.update(request);
            return null;
        });
    }

    public int port() {
        return http.port();
    }

    public Store store() {
        return store;
    }

    public IngestPipeline pipeline() {
        return pipeline;
    }

    public DocumentReader reader() {
        return reader;
    }

    public ReportEngine reports() {
        return reportEngine;
    }

    public LocationRoutes locations() {
        return locations;
    }

    public ApiKeys clients() {
        return clients;
    }

    /** The system clients managed through the API (the access graph). */
    public ManagedClients managedClients() {
        return managedClients;
    }

    public String base() {
        return base;
    }

    @Override
    public void close() {
        if (http != null)
            http.stop();
        webhooks.close();
        operations.close();
        retention.close();
        feedRetention.close();
        writes.close();
        store.close();
    }

    /** Settings of the hub, checked in {@link #build()}; defaults are the safe ones. */
    public static final class Builder {
        private Store store;
        private int port = 8080;
        private String base;
        private ApiKeys clients = ApiKeys.none();
        private InputLimits limits = InputLimits.DEFAULT;
        private Duration sparqlTimeout = Duration.ofSeconds(10);
        private int sparqlResultLimit = 10_000;
        private int writeBatch = 256;
        private byte[] identityKey;
        private int birthWindowDays = 120;
        private int startToleranceDays = 30;
        private int reportGraceDays = 30;
        private int reportSuppressBelow = 5;
        private Clock clock = Clock.systemUTC();
        private Duration clientsRefresh = Duration.ofSeconds(30);
        private String jwks;
        private String jwtIssuer;
        private String jwtAudience;
        private Duration jwtClockSkew = Duration.ofSeconds(60);
        private int failedLoginLimit = 10;
        private Duration failedLoginPeriod = Duration.ofMinutes(1);
        private Duration retentionAfterClosed = Duration.ofDays(730);
        private Duration retentionInterval = Duration.ofDays(1);
        private int feedPageSize = 250;
        private Duration feedMaxAge = Duration.ofSeconds(5);
        private int feedRequestsPerSecond = 50;
        private int feedBurst = 200;
        private Duration feedRetention = Duration.ofDays(90);
        private WebhookSettings webhooks = WebhookSettings.DEFAULT;
        private Duration readyTimeout = Duration.ofSeconds(2);

        public Builder store(Store store) { this.store = store; return this; }
        public Builder port(int port) { this.port = port; return this; }
        /** The base of the IRIs the hub mints and of the context it publishes, e.g. https://kohub.example.be. */
        public Builder base(String base) { this.base = base; return this; }
        public Builder clients(ApiKeys clients) { this.clients = clients; return this; }
        public Builder limits(InputLimits limits) { this.limits = limits; return this; }
        public Builder sparqlTimeout(Duration timeout) { this.sparqlTimeout = timeout; return this; }
        public Builder sparqlResultLimit(int limit) { this.sparqlResultLimit = limit; return this; }
        /** Most documents committed together (group commit); 1 gives one transaction per document. */
        public Builder writeBatch(int documents) { this.writeBatch = documents; return this; }

        /** Key of the keyed hash of national register numbers (at least 32 bytes); default: a random key for this run only. */
        public Builder identityKey(byte[] key) { this.identityKey = key; return this; }
        /** Two (expected) birth dates of the same parent this close are the same child (DESIGN.md §5). */
        public Builder birthWindowDays(int days) { this.birthWindowDays = days; return this; }
        /** How many days after the requested start an assigned start still covers a request fully. */
        public Builder startToleranceDays(int days) { this.startToleranceDays = days; return this; }
        /** The clock that stamps every write (status history, versions, events); tests replay a dated story with it. */
        /** Days after the requested start in which an answer still counts as in time (docs/rapporten.md). */
        public Builder reportGraceDays(int days) { this.reportGraceDays = days; return this; }
        /** Report cells under this count are suppressed for roles other than the agency (analist, beheer); 0 or 1: none. */
        public Builder reportSuppressBelow(int count) { this.reportSuppressBelow = count; return this; }
        public Builder clock(Clock clock) { this.clock = clock; return this; }
        /** How old the in-memory copy of the API-managed clients may get before it is read from the store again. */
        public Builder clientsRefresh(Duration interval) { this.clientsRefresh = interval; return this; }
        /** JWKS of the identity provider, a file or an http(s) URL; without it, bearer JWTs are refused. */
        public Builder jwks(String fileOrUrl) { this.jwks = fileOrUrl; return this; }
        /** The {@code iss} every token must carry (required with a JWKS). */
        public Builder jwtIssuer(String issuer) { this.jwtIssuer = issuer; return this; }
        /** A value the token's {@code aud} must contain (required with a JWKS). */
        public Builder jwtAudience(String audience) { this.jwtAudience = audience; return this; }
        /** Tolerance on {@code exp} and {@code nbf} for clocks that differ (default 60 s). */
        public Builder jwtClockSkew(Duration skew) { this.jwtClockSkew = skew; return this; }
        /** Failed authentications allowed per remote address and period before it gets 429 (default 10 per minute). */
        public Builder failedLogins(int limit, Duration per) { this.failedLoginLimit = limit; this.failedLoginPeriod = per; return this; }
        /** How long after a request closed its personal data is kept (default 730 days; docs/erasure.md). */
        public Builder retentionAfterClosed(Duration period) { this.retentionAfterClosed = period; return this; }
        /** Keep personal data of closed requests for ever: no retention job (POST /beheer/bewaartermijn answers 409). */
        public Builder noRetention() { this.retentionAfterClosed = null; return this; }
        /** How often the retention job runs (default daily; its first run is one interval after start). */
        public Builder retentionInterval(Duration interval) { this.retentionInterval = interval; return this; }
        /** Webhook deliveries: private networks (refused by default), retry schedule, threads (docs/webhooks.md). */
        public Builder webhooks(WebhookSettings settings) { this.webhooks = settings; return this; }
        /** How long GET /ready waits for the store's answer before it answers 503 (default 2 s; docs/operations.md). */
        public Builder readyTimeout(Duration timeout) { this.readyTimeout = timeout; return this; }

        /** Members per feed page (default 250); a full page never changes again (docs/feeds.md). */
        public Builder feedPageSize(int members) { this.feedPageSize = members; return this; }
        /** How long a client may cache a feed's root and newest pages (default 5 s). */
        public Builder feedMaxAge(Duration maxAge) { this.feedMaxAge = maxAge; return this; }
        /** Feed requests per second per caller, with bursts of up to {@code burst}; beyond that 429 (default 50/s, 200). */
        public Builder feedRateLimit(int perSecond, int burst) { this.feedRequestsPerSecond = perSecond; this.feedBurst = burst; return this; }
        /** How long the request and assignment feeds keep their members (default 90 days); the job runs at the retention interval. */
        public Builder feedRetention(Duration period) { this.feedRetention = period; return this; }
        /** Keep the request and assignment feeds' members for ever. */
        public Builder noFeedRetention() { this.feedRetention = null; return this; }

        public Hub build() {
            if (store == null)
                throw new IllegalStateException("a hub needs a store");
            if (port < 0 || port > 65535)
                throw new IllegalStateException("port out of range: " + port);
            if (base == null)
                base = port == 0 ? "http://localhost" : "http://localhost:" + port;
            base = base.replaceAll("/+$", "");
            if (!base.matches("^https?://[^/?#]+(/[^?#]*)?$"))
                throw new IllegalStateException("base must be an http(s) URL without query: " + base);
            if (writeBatch < 1)
                throw new IllegalStateException("write batch must be at least 1");
            if (sparqlTimeout.isNegative() || sparqlTimeout.isZero() || sparqlResultLimit < 1)
                throw new IllegalStateException("SPARQL needs a positive timeout and result limit");
            if (identityKey == null) {
                identityKey = new byte[IdentityHash.MIN_KEY_BYTES];
                new java.security.SecureRandom().nextBytes(identityKey);
            }
            if (reportGraceDays < 0 || reportSuppressBelow < 0)
                throw new IllegalStateException("report grace period and suppression threshold must not be negative");
            if (retentionAfterClosed != null && retentionAfterClosed.isNegative())
                throw new IllegalStateException("the retention period must not be negative (noRetention() turns it off)");
            if (retentionInterval == null || retentionInterval.toMillis() < 1)
                throw new IllegalStateException("the retention job needs a positive interval");
            if (birthWindowDays < 1 || startToleranceDays < 0)
                throw new IllegalStateException("birth window must be positive and start tolerance not negative");
            if (clientsRefresh == null || clientsRefresh.isNegative())
                throw new IllegalStateException("clients refresh interval must not be negative");
            new FailedLogins.Settings(failedLoginLimit, failedLoginPeriod);
            if (feedPageSize < 1)
                throw new IllegalStateException("a feed page needs room for at least one member");
            new FeedRoutes.Settings(feedMaxAge, feedRequestsPerSecond, feedBurst, feedRetention);
            if (webhooks == null)
                throw new IllegalStateException("webhook settings must not be null");
            if (readyTimeout == null || readyTimeout.toMillis() < 1)
                throw new IllegalStateException("the readiness check needs a positive timeout");
            if (jwks != null)
                new BearerTokens.Settings(jwks, jwtIssuer, jwtAudience, jwtClockSkew);
            else if (jwtIssuer != null || jwtAudience != null)
                throw new IllegalStateException("a JWT issuer or audience needs a JWKS (file or URL)");
            return new Hub(this);
        }
    }
}
