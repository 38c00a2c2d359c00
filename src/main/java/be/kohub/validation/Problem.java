package be.kohub.validation;

/**
 * One problem with a document, in words a vendor can act on: where (focus node, path and the
 * field name as written in the document),
 * what (the offending value) and why (message in Dutch and English), and which rule fired: the
 * shape and its constraint component (e.g. {@code sh:MinCountConstraintComponent}, as a full IRI).
 */
public record Problem(String focusNode, String path, String field, String value, String messageNl, String messageEn,
                      String shape, String constraint, String severity) {

    /** A problem found by the hub itself rather than by a SHACL shape. */
    public static Problem of(String path, String value, String messageNl, String messageEn) {
        return new Problem(null, path, null, value, messageNl, messageEn, null, null, "Violation");
    }
}
