package be.kohub.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** IRIs of the OSLO-aligned vocabularies the Java code needs (ORG, RegOrg, PROV, ADMS, Person, Persoon, Dienst). */
public final class OSLO {
    public static final Node ORG_SITE = iri("http://www.w3.org/ns/org#Site");
    public static final Node ORG_SITE_OF = iri("http://www.w3.org/ns/org#siteOf");
    public static final Node REGORG_REGISTRATION = iri("http://www.w3.org/ns/regorg#registration");
    public static final Node PROV_AT_LOCATION = iri("http://www.w3.org/ns/prov#atLocation");
    public static final Node PROV_AT_TIME = iri("http://www.w3.org/ns/prov#atTime");
    public static final Node PROV_WAS_ASSOCIATED_WITH = iri("http://www.w3.org/ns/prov#wasAssociatedWith");
    public static final Node ADMS_IDENTIFIER = iri("http://www.w3.org/ns/adms#identifier");
    public static final Node ADMS_STATUS = iri("http://www.w3.org/ns/adms#status");

    public static final Node PERSON = iri("http://www.w3.org/ns/person#Person");
    public static final Node GEREGISTREERD_PERSOON = iri("https://data.vlaanderen.be/ns/persoon#GeregistreerdPersoon");
    public static final Node VERWACHTE_GEBOORTEDATUM = iri("https://data.vlaanderen.be/ns/persoon#verwachteGeboortedatum");
    public static final Node BIRTH_DATE = iri("http://data.europa.eu/m8g/birthDate");
    public static final Node CONTACT_POINT = iri("http://data.europa.eu/m8g/contactPoint");
    public static final Node LOCN_ADDRESS = iri("http://www.w3.org/ns/locn#address");
    public static final Node PERSOONSRELATIE = iri("https://data.vlaanderen.be/ns/persoon#Persoonsrelatie");
    public static final Node PERSOONSRELATIE_PERSOON = iri("https://data.vlaanderen.be/ns/persoon#persoon");
    public static final Node DC11_TYPE = iri("http://purl.org/dc/elements/1.1/type");
    public static final Node PROV_QUALIFIED_ASSOCIATION = iri("http://www.w3.org/ns/prov#qualifiedAssociation");
    public static final Node PROV_AGENT = iri("http://www.w3.org/ns/prov#agent");
    public static final Node PROV_END = iri("http://www.w3.org/ns/prov#End");
    public static final Node BEEINDIGING = iri("https://data.vlaanderen.be/ns/dienst#beeindiging");
    public static final Node ADMS_IDENTIFIER_CLASS = iri("http://www.w3.org/ns/adms#Identifier");
    public static final Node ADMS_SCHEMA_AGENCY = iri("http://www.w3.org/ns/adms#schemaAgency");

    private static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private OSLO() {}
}
