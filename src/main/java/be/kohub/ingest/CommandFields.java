package be.kohub.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.graph.Node;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import be.kohub.model.CodeLists;
import be.kohub.validation.Problem;
import be.kohub.validation.ValidationReport;

/**
 * Reads the fields of a plain-JSON command (a status change, a birth, a child-code request)
 * and collects every problem, so that one answer lists them all: call {@link #check()} after
 * reading. Codes are checked against the SKOS code lists.
 */
public final class CommandFields {
    private final JsonNode body;
    private final CodeLists codes;
    private final List<Problem> problems = new ArrayList<>();

    public CommandFields(JsonNode body, CodeLists codes) {
        this.body = body;
        this.codes = codes;
    }

    public CommandFields within(String field) {
        JsonNode nested = body.path(field);
        if (!nested.isObject()) {
            problem(field, null, "Verplicht: een object " + field + ".", "Required: an object " + field + ".");
            return new CommandFields(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), codes)
                    .sharing(this);
        }
        return new CommandFields(nested, codes).sharing(this);
    }

    private List<Problem> sink = problems;

    private CommandFields sharing(CommandFields parent) {
        this.sink = parent.sink;
        return this;
    }

    public boolean has(String field) {
        return body.hasNonNull(field);
    }

    public String text(String field, boolean required) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required)
                problem(field, null, "Verplicht veld " + field + ".", "Required field " + field + ".");
            return null;
        }
        if (!value.isTextual() || value.asText().length() > 1000) {
            problem(field, value.toString(), field + " is tekst (hoogstens 1000 tekens).", field + " is text (at most 1000 characters).");
            return null;
        }
        return value.asText();
    }

    public LocalDate date(String field, boolean required) {
        String text = text(field, required);
        if (text == null)
            return null;
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problem(field, text, field + " is een datum als 2027-03-15.", field + " is a date like 2027-03-15.");
            return null;
        }
    }

    /** A JSON true or false; null (with a problem when required or not a boolean) otherwise. */
    public Boolean bool(String field, boolean required) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required)
                problem(field, null, "Verplicht veld " + field + ": true of false.", "Required field " + field + ": true or false.");
            return null;
        }
        if (!value.isBoolean()) {
            problem(field, value.toString(), field + " is true of false.", field + " is true or false.");
            return null;
        }
        return value.asBoolean();
    }

    public Integer integer(String field, int min, int max, Integer dflt) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull())
            return dflt;
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min || value.asInt() > max) {
            problem(field, value.toString(), field + " is een geheel getal van " + min + " tot " + max + ".",
                    field + " is a whole number from " + min + " to " + max + ".");
            return dflt;
        }
        return value.asInt();
    }

    /** A code of list {@code scheme}; null (with a problem) if the list lacks it. */
    public Node code(String field, String scheme, boolean required) {
        String text = text(field, required);
        if (text == null)
            return null;
        var concept = codes.concept(scheme, text);
        if (concept.isEmpty())
            problem(field, text, field + " '" + text + "' staat niet in de codelijst " + scheme + "; kies uit " + codes.codes(scheme) + ".",
                    field + " '" + text + "' is not in the code list " + scheme + "; choose from " + codes.codes(scheme) + ".");
        return concept.orElse(null);
    }

    public void problem(String field, String value, String nl, String en) {
        sink.add(Problem.of(field, value, nl, en));
    }

    /** Refuses the command with every problem found so far. */
    public void check() {
        if (!sink.isEmpty())
            throw new Rejected(ProblemType.ONGELDIGE_INVOER, ValidationReport.of(sink.toArray(Problem[]::new)));
    }
}
