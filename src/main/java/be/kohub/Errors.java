package be.kohub;

import be.kohub.validation.Problem;
import be.kohub.validation.ValidationReport;

/** The few ways a request fails. Thrown anywhere; {@code http.Problems} maps them to problem+json once. */
public final class Errors {

    /** The kinds of problem, each with its status and a title in Dutch and English. */
    public enum ProblemType {
        ONGELDIGE_JSON(400, "Ongeldige JSON", "Invalid JSON"),
        ONGELDIGE_JSONLD(400, "Ongeldige JSON-LD", "Invalid JSON-LD"),
        ONGELDIGE_RDF(400, "Ongeldige RDF", "Invalid RDF"),
        ONBEKENDE_CONTEXT(400, "Onbekende of externe JSON-LD-context", "Unknown or remote JSON-LD context"),
        TE_DIEP(400, "Document te diep genest", "Document nested too deeply"),
        ONGELDIGE_PARAMETER(400, "Ongeldige parameter", "Invalid parameter"),
        NIET_AANGEMELD(401, "Aanmelding vereist", "Authentication required"),
        GEEN_TOEGANG(403, "Geen toegang", "Forbidden"),
        NIET_GEVONDEN(404, "Niet gevonden", "Not found"),
        NIET_AANVAARDBAAR(406, "Gevraagd formaat niet beschikbaar", "Requested format not available"),
        VERDWENEN(410, "Niet meer beschikbaar", "Gone"),
        CONFLICT(409, "Conflict met een bestaand document", "Conflict with an existing document"),
        VERSIE_CONFLICT(412, "Het document is intussen gewijzigd", "The document has changed in the meantime"),
        TE_GROOT(413, "Document te groot", "Document too large"),
        MEDIATYPE(415, "Mediatype niet ondersteund", "Unsupported media type"),
        DOCUMENTSTRUCTUUR(422, "Documentstructuur niet herkend", "Document structure not recognised"),
        ONGELDIGE_KINDCODE(422, "Ongeldige kindcode", "Invalid child code"),
        ONBEKENDE_VERWIJZING(422, "Verwijzing naar iets dat de hub niet kent", "Reference to something the hub does not know"),
        ONGELDIGE_INVOER(422, "Ongeldige invoer", "Invalid input"),
        SHACL_SCHENDING(422, "Het document voldoet niet aan de vormen (SHACL)", "The document violates the shapes (SHACL)"),
        VERSIE_VEREIST(428, "If-Match vereist", "If-Match required"),
        TE_VEEL_POGINGEN(429, "Te veel mislukte aanmeldingen", "Too many failed authentications"),
        TE_VEEL_VERZOEKEN(429, "Te veel verzoeken", "Too many requests"),
        AANMELDING_ONBESCHIKBAAR(503, "Aanmelding kan nu niet gecontroleerd worden", "Authentication cannot be checked right now"),
        NIET_GEREED(503, "De hub is niet gereed", "The hub is not ready");

        public final int status;
        public final String titleNl;
        public final String titleEn;

        ProblemType(int status, String titleNl, String titleEn) {
            this.status = status;
            this.titleNl = titleNl;
            this.titleEn = titleEn;
        }

        /** The problem type IRI, e.g. {@code https://data.kohub.be/problemen/shacl-schending}. */
        public String uri() {
            return "https://data.kohub.be/problemen/" + name().toLowerCase().replace('_', '-');
        }
    }

    /** The request is refused; nothing was changed. */
    public static final class Rejected extends RuntimeException {
        public final ProblemType type;
        public final ValidationReport report;

        public Rejected(ProblemType type, ValidationReport report) {
            super(type.titleEn + (report.problems().isEmpty() ? "" : ": " + report.problems().get(0).messageEn()));
            this.type = type;
            this.report = report;
        }

        public Rejected(ProblemType type, String messageNl, String messageEn) {
            this(type, ValidationReport.of(Problem.of(null, null, messageNl, messageEn)));
        }
    }

    private Errors() {}
}
