package be.kohub.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** IRIs of the OSLO-aligned vocabularies the Java code needs (ORG, RegOrg, PROV, ADMS). */
public final class OSLO {
    public static final Node ORG_SITE = iri("http://www.w3.org/ns/org#Site");
    public static final Node ORG_SITE_OF = iri("http://www.w3.org/ns/org#siteOf");
    public static final Node REGORG_REGISTRATION = iri("http://www.w3.org/ns/regorg#registration");
    public static final Node PROV_AT_LOCATION = iri("http://www.w3.org/ns/prov#atLocation");
    public static final Node PROV_AT_TIME = iri("http://www.w3.org/ns/prov#atTime");
    public static final Node PROV_WAS_ASSOCIATED_WITH = iri("http://www.w3.org/ns/prov#wasAssociatedWith");
    public static final Node ADMS_IDENTIFIER = iri("http://www.w3.org/ns/adms#identifier");
    public static final Node ADMS_STATUS = iri("http://www.w3.org/ns/adms#status");

    private static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private OSLO() {}
}
