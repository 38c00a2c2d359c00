package be.kohub.model;

/**
 * One difference between two versions of the shapes.
 *
 * @param documentType the shapes file it is in (locatie, aanvraag, toewijzing)
 * @param shape the node shape, without its version (e.g. {@code locatie#AdresShape})
 * @param path the property's path (e.g. {@code locn:postCode}), null for the shape itself
 * @param constraint what changed: a SHACL parameter ({@code sh:minCount}, {@code sh:sparql}),
 *        {@code codelijst}, {@code code}, or {@code vorm} / {@code eigenschap} for a whole shape or property
 * @param oldValue the value in the older version, null if it had none
 * @param newValue the value in the newer version, null if it has none
 * @param note more on the change, or null (e.g. why an old query could not run)
 */
public record ShapeChange(String documentType, String shape, String path, String constraint,
        String oldValue, String newValue, ChangeRule rule, String note) {

    public boolean breaking() {
        return rule.breaking;
    }
}
