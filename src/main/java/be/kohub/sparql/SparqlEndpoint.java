package be.kohub.sparql;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.javalin.http.Context;
import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.servlets.ActionExecLib;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQLProtocol;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.fuseki.system.ActionCategory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.DatasetDescription;
import org.apache.jena.sparql.core.DatasetGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import be.kohub.access.Authenticator;
import be.kohub.access.Client;
import be.kohub.audit.AuditLog;
import be.kohub.store.Store;

/**
 * A SPARQL 1.1 query endpoint, run by Fuseki's own query processor (protocol, content
 * negotiation, result formats) inside the hub's HTTP server, over the graphs its {@link GraphScope}
 * lets the caller see. The scope is graph-level access control on the dataset (a filtered view
 * in the manner of jena-fuseki-access), not query rewriting: graphs outside it do not exist for
 * the query, whatever it says (GRAPH, property paths, the union default graph). Queries get a
 * timeout and a result limit; FROM / FROM NAMED and SERVICE calls are refused. When the scope
 * holds personal-data graphs, the query is written to the audit log before it runs.
 */
public final class SparqlEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger("kohub.sparql");
    private static final String CLIENT = "kohub.sparql.client";
    private final Store store;
    private final GraphScope scope;
    private final AuditLog audit;
    private final DataService service;
    private final DataAccessPoint accessPoint;
    private final Endpoint endpoint;
    private final Processor processor;
    private final AtomicLong ids = new AtomicLong();

    private SparqlEndpoint(String name, Store store, GraphScope scope, AuditLog audit, Duration timeout, int resultLimit) {
        this.store = store;
        this.scope = scope;
        this.audit = audit;
        this.processor = new Processor(timeout.toMillis(), resultLimit);
        this.endpoint = Endpoint.create().operation(Operation.Query).endpointName("").processor(processor).build();
        this.service = DataService.newBuilder(store.dataset()).addEndpoint(endpoint).build();
        this.accessPoint = new DataAccessPoint(name, service);
        service.goActive();
    }

    /** {@code /sparql}: location info sheets and the model, for everyone. */
    public static SparqlEndpoint publicEndpoint(Store store, AuditLog audit, Duration timeout, int resultLimit) {
        return new SparqlEndpoint("sparql", store, new PublicScope(), audit, timeout, resultLimit);
    }

    /** {@code /sparql/analyse}: every document without personal data. */
    public static SparqlEndpoint analysis(Store store, String base, AuditLog audit, Duration timeout, int resultLimit) {
        return new SparqlEndpoint("sparql-analyse", store, new AnalysisScope(base, store.dataset()), audit, timeout, resultLimit);
    }

    /** {@code /sparql/loket} or {@code /sparql/organisator}: what the counter or organiser reads through REST. */
    public static SparqlEndpoint ownDocuments(String name, be.kohub.access.Role role, Store store, AuditLog audit, Duration timeout, int resultLimit) {
        return new SparqlEndpoint(name, store, new OwnDocumentsScope(role), audit, timeout, resultLimit);
    }

    public void handle(Context ctx) {
        ctx.req().setAttribute(CLIENT, Authenticator.client(ctx));
        ctx.req().setAttribute(Context.class.getName(), ctx);
        HttpAction action = new HttpAction(ids.incrementAndGet(), LOG, ActionCategory.ACTION, ctx.req(), ctx.res());
        action.setRequest(accessPoint, service);
        action.setEndpoint(endpoint);
        ActionExecLib.execAction(action, processor);
    }

    private final class Processor extends SPARQL_QueryDataset {
        private final long timeoutMillis;
        private final int resultLimit;

        Processor(long timeoutMillis, int resultLimit) {
            this.timeoutMillis = timeoutMillis;
            this.resultLimit = resultLimit;
        }

        @Override
        protected Pair<DatasetGraph, Query> decideDataset(HttpAction action, Query query, String queryStringLog) {
            DatasetDescription description = SPARQLProtocol.getDatasetDescription(action, query);
            if (description != null && !description.isEmpty())
                ServletOps.errorBadRequest("FROM, FROM NAMED and default-graph-uri are not supported here: use GRAPH.");
            return Pair.create(action.getActiveDSG(), query);
        }

        @Override
        protected QueryExecution createQueryExecution(HttpAction action, Query query, DatasetGraph dataset) {
            if (!query.hasLimit() || query.getLimit() > resultLimit)
                query.setLimit(resultLimit);
            Client client = (Client) action.getRequest().getAttribute(CLIENT);
            GraphScope.Scope visible = store.read(tx -> scope.of(tx, client));
            if (!visible.personal().isEmpty())
                audit.record((Context) action.getRequest().getAttribute(Context.class.getName()), AuditLog.Handeling.GELEZEN, visible.personal());
            return QueryExecution.create()
                    .query(query)
                    .dataset(DatasetFactory.wrap(VisibleDataset.of(dataset, visible)))
                    .context(action.getContext())
                    .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
                    .set(ARQ.httpServiceAllowed, false)
                    .build();
        }
    }
}
