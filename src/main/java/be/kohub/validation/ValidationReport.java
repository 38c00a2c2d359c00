package be.kohub.validation;

import java.util.List;

import org.apache.jena.rdf.model.Model;

/**
 * The outcome of validating one document: the readable problems and, when SHACL ran, the
 * W3C validation report as RDF. Built before any write; turned into problem+json in one place.
 */
public record ValidationReport(boolean conforms, List<Problem> problems, Model shaclReport) {

    public static ValidationReport of(Problem... problems) {
        return new ValidationReport(problems.length == 0, List.of(problems), null);
    }
}
