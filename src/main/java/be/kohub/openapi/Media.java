package be.kohub.openapi;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;

/** One media type of a request or answer body: its schema (a component of {@code openapi/schemas.yaml}) and examples. */
public final class Media {
    public static final String JSON = "application/json";
    public static final String JSON_LD = "application/ld+json";
    public static final String PROBLEM = "application/problem+json";
    public static final String TURTLE = "text/turtle";
    public static final String N_TRIPLES = "application/n-triples";
    public static final String TRIG = "application/trig";
    public static final String N_QUADS = "application/n-quads";

    final String type;
    private final String schema;
    private final List<Example> examples = new ArrayList<>();

    private Media(String type, String schema) {
        this.type = type;
        this.schema = schema;
    }

    /** {@code type} with the component schema {@code schema}; null: a plain string (Turtle, CSV, HTML). */
    public static Media of(String type, String schema) {
        return new Media(type, schema);
    }

    public static Media json(String schema) {
        return of(JSON, schema);
    }

    public static Media jsonLd(String schema) {
        return of(JSON_LD, schema);
    }

    public static Media problem() {
        return of(PROBLEM, "Problem");
    }

    /** Text of a media type without a JSON schema (Turtle, N-Triples, CSV, HTML, script). */
    public static Media text(String type) {
        return of(type, null);
    }

    public Media example(Example example) {
        examples.add(example);
        return this;
    }

    MediaType build() {
        Schema<?> s = schema == null ? new JsonSchema().types(java.util.Set.of("string"))
                : new JsonSchema().$ref("#/components/schemas/" + schema);
        MediaType media = new MediaType().schema(s);
        for (Example e : examples)
            media.addExamples(e.getSummary().replaceAll("\\.[a-z]+$", ""), e);
        return media;
    }
}
