package be.kohub.sparql;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.javalin.http.Context;
import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.fuseki.access.SecurityContext;
import org.apache.jena.fuseki.access.SecurityContextView;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.system.ActionCategory;
import org.apache.jena.fuseki.servlets.ActionExecLib;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetDescription;
import org.apache.jena.sparql.core.Var;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import be.kohub.store.Queries;
import be.kohub.store.Store;

/**
 * The public SPARQL 1.1 endpoint, run by Fuseki's own query processor (protocol, content
 * negotiation, result formats) inside the hub's HTTP server. The public sees only the graphs
 * of location sheets and the model: a jena-fuseki-access security context decides which graphs
 * are visible, and a filtered dataset view enforces it (graph-level control, not query rewriting). Queries get a timeout and a result limit;
 * FROM / FROM NAMED and remote SERVICE calls are refused.
 */
public final class PublicSparql {
    private static final Logger LOG = LoggerFactory.getLogger("kohub.sparql");
    private final Store store;
    private final DataService service;
    private final DataAccessPoint accessPoint;
    private final Endpoint endpoint;
    private final Processor processor;
    private final AtomicLong ids = new AtomicLong();

    public PublicSparql(Store store, Duration timeout, int resultLimit) {
        this.store = store;
        this.processor = new Processor(timeout.toMillis(), resultLimit);
        this.endpoint = Endpoint.create().operation(Operation.Query).endpointName("").processor(processor).build();
        this.service = DataService.newBuilder(store.dataset()).addEndpoint(endpoint).build();
        this.accessPoint = new DataAccessPoint("sparql", service);
        service.goActive();
    }

    public void handle(Context ctx) {
        HttpAction action = new HttpAction(ids.incrementAndGet(), LOG, ActionCategory.ACTION, ctx.req(), ctx.res());
        action.setRequest(accessPoint, service);
        action.setEndpoint(endpoint);
        ActionExecLib.execAction(action, processor);
    }

    /** The named graphs the public may see, read fresh for each query. */
    private SecurityContext publicView() {
        Collection<Node> graphs = store.read(tx -> tx.select(Queries.load("sparql/public-graphs.rq")).stream()
                .map(row -> row.get(Var.alloc("graph"))).toList());
        return new SecurityContextView(graphs);
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
            DatasetDescription description = org.apache.jena.fuseki.servlets.SPARQLProtocol.getDatasetDescription(action, query);
            if (description != null && !description.isEmpty())
                ServletOps.errorBadRequest("FROM, FROM NAMED and default-graph-uri are not supported here: use GRAPH.");
            return Pair.create(action.getActiveDSG(), query);
        }

        @Override
        protected QueryExecution createQueryExecution(HttpAction action, Query query, DatasetGraph dataset) {
            if (!query.hasLimit() || query.getLimit() > resultLimit)
                query.setLimit(resultLimit);
            SecurityContext policy = publicView();
            DatasetGraph visible = VisibleDataset.of(dataset, policy.predicateQuad(), policy.visibleGraphs());
            return QueryExecution.create()
                    .query(query)
                    .dataset(DatasetFactory.wrap(visible))
                    .context(action.getContext())
                    .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
                    .set(ARQ.httpServiceAllowed, false)
                    .build();
        }
    }
}
