package be.kohub.openapi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The descriptions of the HTTP routes, written by each route class next to its registrations
 * (a {@code describe(ApiDescription api)} method beside {@code register(RoutesConfig routes)}):
 * <pre>{@code
 * api.get("/locaties/{id}", "Read a location sheet").tag("Locaties")
 *     .path("id", "The sheet's UUID", OperationDoc.UUID_PATTERN, null)
 *     .answer(200, "The sheet, framed", Media.jsonLd("LocatieGelezen"))
 *     .problems(ProblemType.NIET_GEVONDEN);
 * }</pre>
 * {@link OpenApiDocument} joins them with the routes the server actually registers (and their
 * access actions) into the OpenAPI 3.1 document; a test checks that the two lists are the same.
 */
public final class ApiDescription {
    private final Examples examples;
    private final Map<String, OperationDoc> operations = new LinkedHashMap<>();

    public ApiDescription(Examples examples) {
        this.examples = examples;
    }

    public OperationDoc get(String path, String summary) {
        return add("GET", path, summary);
    }

    public OperationDoc post(String path, String summary) {
        return add("POST", path, summary);
    }

    public OperationDoc put(String path, String summary) {
        return add("PUT", path, summary);
    }

    public OperationDoc delete(String path, String summary) {
        return add("DELETE", path, summary);
    }

    /** The examples (packaged sample documents and answers) that descriptions refer to. */
    public Examples examples() {
        return examples;
    }

    /** Every description as "METHOD path", in the order written. */
    public Map<String, OperationDoc> operations() {
        return java.util.Collections.unmodifiableMap(operations);
    }

    private OperationDoc add(String method, String path, String summary) {
        String key = method + " " + path;
        if (operations.containsKey(key))
            throw new IllegalStateException("described twice: " + key);
        OperationDoc doc = new OperationDoc(method, path, summary);
        operations.put(key, doc);
        return doc;
    }
}
