package be.kohub.http;

import java.nio.charset.StandardCharsets;
import java.io.ByteArrayOutputStream;
import java.util.List;

import io.javalin.http.Context;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shared.PrefixMapping;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;

/** Sends RDF in the format the client asks for: framed JSON-LD (default), Turtle or N-Triples. */
public final class RdfOutput {
    public static final String JSONLD = "application/ld+json";
    public static final String TURTLE = "text/turtle";
    public static final String NTRIPLES = "application/n-triples";

    private final PrefixMapping prefixes;

    public RdfOutput(PrefixMapping prefixes) {
        this.prefixes = prefixes;
    }

    /** The format to answer in; 406 if the client accepts none the hub offers. */
    public static String negotiate(Context ctx) {
        return choose(ctx, List.of(JSONLD, TURTLE, NTRIPLES));
    }

    /**
     * The best of {@code offered} for the request's {@code Accept} (JSON-LD, also when asked as
     * {@code application/json}, when it names none); 406 listing {@code offered} if none fits.
     */
    public static String choose(Context ctx, List<String> offered) {
        String accept = ctx.header("Accept");
        if (accept == null || accept.isBlank())
            return JSONLD;
        List<String> offers = new java.util.ArrayList<>(offered);
        offers.add("application/json");
        MediaType chosen = AcceptList.match(new AcceptList(accept), AcceptList.create(offers.toArray(String[]::new)));
        if (chosen == null)
            throw new Rejected(ProblemType.NIET_AANVAARDBAAR,
                    "Beschikbare formaten: " + offered + ".", "Available formats: " + offered + ".");
        String type = chosen.getContentTypeStr();
        return type.equals("application/json") ? JSONLD : type;
    }

    public void send(Context ctx, Graph graph, JsonLdFramer framer, boolean list) {
        send(ctx, graph, g -> framer.frame(g, list));
    }

    /** As {@link #send(Context, Graph, JsonLdFramer, boolean)}, with the JSON-LD text made by {@code jsonLd}. */
    public void send(Context ctx, Graph graph, java.util.function.Function<Graph, String> jsonLd) {
        String format = negotiate(ctx);
        ctx.header("Vary", "Accept");
        switch (format) {
            case TURTLE -> ctx.contentType(TURTLE + "; charset=utf-8").result(write(graph, RDFFormat.TURTLE_PRETTY).getBytes(StandardCharsets.UTF_8));
            case NTRIPLES -> ctx.contentType(NTRIPLES).result(write(graph, RDFFormat.NTRIPLES).getBytes(StandardCharsets.UTF_8));
            default -> ctx.contentType(JSONLD).result(jsonLd.apply(graph).getBytes(StandardCharsets.UTF_8));
        }
    }

    private String write(Graph graph, RDFFormat format) {
        graph.getPrefixMapping().setNsPrefixes(prefixes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, graph, format);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
