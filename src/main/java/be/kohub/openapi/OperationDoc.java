package be.kohub.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import be.kohub.Errors.ProblemType;

/** The description of one route, written next to its registration; see {@link ApiDescription}. */
public final class OperationDoc {
    public static final String UUID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    public static final String CHILD_CODE_PATTERN = "^KC[0-9]{12}$";
    /** What a posted document can be refused for before or by validation. */
    public static final ProblemType[] DOCUMENT_PROBLEMS = {ProblemType.ONGELDIGE_JSON, ProblemType.ONGELDIGE_JSONLD,
            ProblemType.ONGELDIGE_RDF, ProblemType.ONBEKENDE_CONTEXT, ProblemType.TE_DIEP, ProblemType.TE_GROOT, ProblemType.MEDIATYPE,
            ProblemType.DOCUMENTSTRUCTUUR, ProblemType.SHACL_SCHENDING};
    /** What a plain-JSON command can be refused for. */
    public static final ProblemType[] COMMAND_PROBLEMS = {ProblemType.ONGELDIGE_JSON, ProblemType.TE_GROOT, ProblemType.ONGELDIGE_INVOER};
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    final String method;
    final String path;
    private final Operation operation = new Operation();
    private final Map<Integer, ApiResponse> answers = new TreeMap<>();
    private final Map<Integer, List<ProblemType>> problems = new TreeMap<>();
    private final List<String> tags = new ArrayList<>();
    private Integer lastStatus;

    OperationDoc(String method, String path, String summary) {
        this.method = method;
        this.path = path;
        operation.summary(summary);
    }

    public OperationDoc tag(String tag) {
        tags.add(tag);
        return this;
    }

    /** Markdown; the roles that may call the route are added from its access action. */
    public OperationDoc description(String markdown) {
        operation.description(markdown);
        return this;
    }

    /** A path parameter, e.g. {@code {id}}; every one in the path must be described. */
    public OperationDoc path(String name, String description, String pattern, String example) {
        return parameter("path", name, description, true, pattern, example);
    }

    public OperationDoc query(String name, String description, String pattern, String example) {
        return parameter("query", name, description, false, pattern, example);
    }

    public OperationDoc queryInt(String name, String description, int min, int max, int dflt) {
        JsonSchema schema = new JsonSchema();
        schema.setTypes(java.util.Set.of("integer"));
        schema.minimum(java.math.BigDecimal.valueOf(min)).maximum(java.math.BigDecimal.valueOf(max))._default(dflt);
        operation.addParametersItem(new Parameter().in("query").name(name).description(description).schema(schema));
        return this;
    }

    /** A request header, e.g. If-Match. */
    public OperationDoc header(String name, String description, boolean required, String example) {
        return parameter("header", name, description, required, null, example);
    }

    /** The request body in each accepted media type. */
    public OperationDoc body(Media... media) {
        operation.requestBody(new RequestBody().required(true).content(content(media)));
        return this;
    }

    /** An answer; media may be empty (e.g. 204, 304). */
    public OperationDoc answer(int status, String description, Media... media) {
        ApiResponse response = new ApiResponse().description(description);
        if (media.length > 0)
            response.content(content(media));
        answers.put(status, response);
        lastStatus = status;
        return this;
    }

    /** A header of the answer described last (e.g. ETag, Location, Link). */
    public OperationDoc answerHeader(String name, String description) {
        if (lastStatus == null)
            throw new IllegalStateException("answerHeader before any answer: " + method + " " + path);
        JsonSchema schema = new JsonSchema();
        schema.setTypes(java.util.Set.of("string"));
        answers.get(lastStatus).addHeaderObject(name, new Header().description(description).schema(schema));
        return this;
    }

    /** The refusals this route can answer, as problem+json; grouped by status, each type named. */
    public OperationDoc problems(ProblemType... types) {
        for (ProblemType type : types)
            problems.computeIfAbsent(type.status, s -> new ArrayList<>()).add(type);
        return this;
    }

    String key() {
        return method + " " + path;
    }

    /** The operation, with the problems of access control added when the route is not public. */
    Operation build(String operationId, List<ProblemType> accessProblems) {
        List<String> params = new ArrayList<>();
        Matcher m = PATH_PARAM.matcher(path);
        while (m.find())
            params.add(m.group(1));
        List<String> described = operation.getParameters() == null ? List.of()
                : operation.getParameters().stream().filter(p -> "path".equals(p.getIn())).map(Parameter::getName).toList();
        if (!described.equals(params))
            throw new IllegalStateException(key() + ": path parameters described " + described + ", in the path " + params);
        if (answers.isEmpty())
            throw new IllegalStateException(key() + " describes no answer");
        operation.operationId(operationId).tags(tags.isEmpty() ? null : tags);
        Map<Integer, List<ProblemType>> all = new TreeMap<>(problems);
        for (ProblemType type : accessProblems)
            all.computeIfAbsent(type.status, s -> new ArrayList<>());
        accessProblems.forEach(t -> { if (!all.get(t.status).contains(t)) all.get(t.status).add(t); });
        Map<Integer, ApiResponse> responses = new TreeMap<>(answers);
        all.forEach((status, types) -> responses.computeIfAbsent(status, s -> new ApiResponse()
                .description(types.stream().map(t -> "`" + t.uri().substring(t.uri().lastIndexOf('/') + 1) + "`: " + t.titleEn)
                        .collect(Collectors.joining("; ")))
                .content(content(Media.problem()))));
        ApiResponses out = new ApiResponses();
        responses.forEach((status, response) -> out.addApiResponse(Integer.toString(status), response));
        return operation.responses(out);
    }

    private OperationDoc parameter(String in, String name, String description, boolean required, String pattern, String example) {
        JsonSchema schema = new JsonSchema();
        schema.setTypes(java.util.Set.of("string"));
        if (pattern != null)
            schema.pattern(pattern);
        Parameter p = new Parameter().in(in).name(name).description(description).required(required).schema(schema);
        if (example != null)
            p.example(example);
        operation.addParametersItem(p);
        return this;
    }

    private static Content content(Media... media) {
        Content content = new Content();
        Map<String, Media> byType = new LinkedHashMap<>();
        for (Media m : media)
            byType.put(m.type, m);
        byType.forEach((type, m) -> content.addMediaType(type, m.build()));
        return content;
    }
}
