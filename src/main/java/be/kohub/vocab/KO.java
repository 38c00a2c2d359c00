package be.kohub.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** IRIs of the project's own vocabulary (ontology/kohub.ttl) and of the hub's fixed graphs. */
public final class KO {
    public static final String NS = "https://data.kohub.be/ns/kohub#";

    public static final Node Document = iri("Document");
    public static final Node Gebeurtenis = iri("Gebeurtenis");
    public static final Node documenttype = iri("documenttype");
    public static final Node versie = iri("versie");
    public static final Node bronsysteem = iri("bronsysteem");
    public static final Node lokaleId = iri("lokaleId");
    public static final Node ingetrokken = iri("ingetrokken");
    public static final Node bewerking = iri("bewerking");
    public static final Node gemeente = iri("gemeente");
    public static final Node capaciteit = iri("capaciteit");

    /** Code lists, ontology and shapes: public, loaded from the model files at start. */
    /** The hub's bookkeeping: versions, source ids, withdrawal. Never public. */
    public static final Node SYSTEM_GRAPH = NodeFactory.createURI("https://data.kohub.be/graph/systeem");
    /** The append-only log of every change. Never public. */
    public static final Node EVENTS_GRAPH = NodeFactory.createURI("https://data.kohub.be/graph/gebeurtenissen");
    public static final Node MODEL_GRAPH = NodeFactory.createURI("https://data.kohub.be/graph/model");
    public static final String SYSTEM_PREFIX = "https://data.kohub.be/id/systeem/";
    public static final String STATUS_PREFIX = "https://data.kohub.be/id/concept/locatiestatus/";

    private static Node iri(String local) {
        return NodeFactory.createURI(NS + local);
    }

    private KO() {}
}
