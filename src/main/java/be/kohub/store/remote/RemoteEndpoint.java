package be.kohub.store.remote;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.UpdateExecHTTP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.update.UpdateRequest;

/**
 * One SPARQL 1.1 server over HTTP: queries to its query URL, updates to its update URL, each
 * with a timeout, Basic credentials when given. Only the protocol; nothing hub-specific.
 */
public final class RemoteEndpoint {
    private final String queryUrl;
    private final String updateUrl;
    private final HttpClient http;
    private final Duration timeout;

    /** Where the server is and how to reach it: credentials may be null. */
    public record Settings(String queryUrl, String updateUrl, String user, String password, Duration timeout) {
        /** A Fuseki dataset URL such as {@code http://host:3030/ds}, which takes queries and updates itself. */
        public static Settings dataset(String url, String user, String password) {
            String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            return new Settings(base, base, user, password, Duration.ofSeconds(60));
        }
    }

    public RemoteEndpoint(Settings settings) {
        this.queryUrl = settings.queryUrl();
        this.updateUrl = settings.updateUrl();
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
