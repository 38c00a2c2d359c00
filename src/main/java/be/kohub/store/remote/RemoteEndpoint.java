package be.kohub.store.remote;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.UpdateExecHTTP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.update.UpdateRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import be.kohub.store.Queries;

/**
 * One SPARQL 1.1 server over HTTP: queries to its query URL (with a timeout), updates to its
 * update URL, whole graphs by the Graph Store Protocol; Basic credentials when given. Only the
 * protocols and the two generic whole-graph queries; nothing hub-specific.
 */
public final class RemoteEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteEndpoint.class);
    private final String queryUrl;
    private final String updateUrl;
    private final String gspUrl;
    private volatile boolean gspWorks = true;
    private final HttpClient http;
    private final Duration timeout;

    /** Where the server is and how to reach it: credentials may be null. */
    public record Settings(String queryUrl, String updateUrl, String gspUrl, String user, String password, Duration timeout) {
        /** A dataset URL such as Fuseki's {@code http://host:3030/ds}, which takes queries, updates and the Graph Store Protocol itself. */
        public static Settings dataset(String url, String user, String password) {
            String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            return new Settings(base, base, base, user, password, Duration.ofSeconds(60));
        }
    }

    public RemoteEndpoint(Settings settings) {
        this.queryUrl = settings.queryUrl();
        this.updateUrl = settings.updateUrl();
        this.gspUrl = settings.gspUrl();
        this.timeout = settings.timeout();
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (settings.user() != null) {
            PasswordAuthentication credentials = new PasswordAuthentication(settings.user(),
                    settings.password() == null ? new char[0] : settings.password().toCharArray());
            builder.authenticator(new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return credentials;
                }
            });
        }
        this.http = builder.build();
    }

    public String queryUrl() {
        return queryUrl;
    }

    public List<Binding> select(Query query) {
        try (QueryExecHTTP exec = query(query)) {
            return exec.select().materialize().stream().toList();
        } catch (org.apache.jena.atlas.web.HttpException e) {
            throw failed(e, query.toString());
        }
    }

    /** The server's refusal with what was sent, so that a failure can be understood from the log. */
    private static IllegalStateException failed(org.apache.jena.atlas.web.HttpException e, String sent) {
        return new IllegalStateException("the remote store answered " + e.getStatusCode() + " " + e.getMessage()
                + (e.getResponse() == null ? "" : ": " + e.getResponse()) + "\nto:\n" + sent, e);
    }

    public boolean ask(Query query) {
        try (QueryExecHTTP exec = query(query)) {
            return exec.ask();
        } catch (org.apache.jena.atlas.web.HttpException e) {
            throw failed(e, query.toString());
        }
    }

    public Graph construct(Query query) {
        try (QueryExecHTTP exec = query(query)) {
            return exec.construct(GraphFactory.createDefaultGraph());
        } catch (org.apache.jena.atlas.web.HttpException e) {
            throw failed(e, query.toString());
        }
    }

    /**
     * A whole graph: by the SPARQL 1.1 Graph Store Protocol where the server offers it, else by a
     * {@code CONSTRUCT} query. An absent graph is empty.
     */
    public Graph graph(Node name) {
        return graphByProtocol(name).orElseGet(() -> construct(Quad.isDefaultGraph(name)
                ? Queries.load("store/default-graph.rq")
                : Queries.bind("store/named-graph.rq", java.util.Map.of("g", name))));
    }

    /**
     * A whole graph by the Graph Store Protocol ({@code GET ?graph=…}, or {@code ?default}), in
     * N-Triples: an absent graph (404) is empty. Empty when the server offers no Graph Store
     * Protocol at the dataset URL (any other refusal): from then on this endpoint asks for graphs
     * with a query instead, and says so once in the log.
     */
    Optional<Graph> graphByProtocol(Node name) {
        if (gspUrl == null || !gspWorks)
            return Optional.empty();
        GSP request = GSP.service(gspUrl).httpClient(http).accept(Lang.NTRIPLES);
        try {
            return Optional.of(Quad.isDefaultGraph(name) ? request.defaultGraph().GET() : request.graphName(name).GET());
        } catch (org.apache.jena.atlas.web.HttpException e) {
            if (e.getStatusCode() == 404)
                return Optional.of(GraphFactory.createDefaultGraph());
            if (e.getStatusCode() == 401 || e.getStatusCode() == 403 || e.getStatusCode() < 400)
                throw failed(e, "GET " + gspUrl + " (graph " + name + ")");
            gspWorks = false;
            LOG.warn("the remote store answered {} to the Graph Store Protocol at {}: whole graphs are read with queries from now on",
                    e.getStatusCode(), gspUrl);
            return Optional.empty();
        }
    }

    public void update(UpdateRequest request) {
        try {
            UpdateExecHTTP.service(updateUrl).httpClient(http).update(request).execute();
        } catch (org.apache.jena.atlas.web.HttpException e) {
            throw failed(e, request.toString());
        }
    }

    private QueryExecHTTP query(Query query) {
        return QueryExecHTTP.service(queryUrl).httpClient(http).query(PortableQuery.of(query))
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build();
    }
}
