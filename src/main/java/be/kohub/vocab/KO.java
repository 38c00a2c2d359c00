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
    public static final Node Auditregel = iri("Auditregel");
    public static final Node rol = iri("rol");
    public static final Node handeling = iri("handeling");
    public static final Node doel = iri("doel");
    public static final Node route = iri("route");
    public static final Node gemeente = iri("gemeente");
    public static final Node capaciteit = iri("capaciteit");
    public static final Node Aanvraag = iri("Aanvraag");
    public static final Node Toewijzing = iri("Toewijzing");
    public static final Node Statuswijziging = iri("Statuswijziging");
    public static final Node Opvangplan = iri("Opvangplan");
    public static final Node open = iri("open");
    public static final Node kind = iri("kind");
    public static final Node kindcode = iri("kindcode");
    public static final Node woonplaats = iri("woonplaats");
    public static final Node bewijs = iri("bewijs");
    public static final Node volgnummer = iri("volgnummer");
    public static final Node aanvrager = iri("aanvrager");
    public static final Node relatietype = iri("relatietype");
    public static final Node toeleider = iri("toeleider");
    public static final Node geregistreerdDoor = iri("geregistreerdDoor");
    public static final Node gewensteStartdatum = iri("gewensteStartdatum");
    public static final Node opvangplan = iri("opvangplan");
    public static final Node dagdeel = iri("dagdeel");
    public static final Node dagdelenPerWeek = iri("dagdelenPerWeek");
    public static final Node voorkeur = iri("voorkeur");
    public static final Node rang = iri("rang");
    public static final Node vestiging = iri("vestiging");
    public static final Node aanvraagstopTot = iri("aanvraagstopTot");
    public static final Node toestemmingDelen = iri("toestemmingDelen");
    public static final Node statuswijziging = iri("statuswijziging");
    public static final Node statusreden = iri("statusreden");
    public static final Node toelichting = iri("toelichting");
    public static final Node veroorzaaktDoor = iri("veroorzaaktDoor");
    public static final Node aanvraag = iri("aanvraag");
    public static final Node toegewezenStartdatum = iri("toegewezenStartdatum");
    public static final Node dringend = iri("dringend");
    public static final Node verruimdeOpeningsurenNodig = iri("verruimdeOpeningsurenNodig");
    public static final Node specifiekeZorgnood = iri("specifiekeZorgnood");
    public static final Node voorrangsgroep = iri("voorrangsgroep");
    public static final Node kwetsbaarheidsindicator = iri("kwetsbaarheidsindicator");
    public static final Node voorstel = iri("voorstel");
    public static final Node lokaalLoket = iri("lokaalLoket");
    public static final Node neemtAanvragenAan = iri("neemtAanvragenAan");
    public static final Node aanvraagstop = iri("aanvraagstop");
    public static final Node tot = iri("tot");
    public static final Node rapportfeit = iri("rapportfeit");
    public static final Node rapportfeitenVersie = iri("rapportfeitenVersie");
    public static final Node Systeemclient = iri("Systeemclient");
    public static final Node clientnaam = iri("clientnaam");
    public static final Node organisatorKbo = iri("organisatorKbo");
    public static final Node loketNis = iri("loketNis");
    public static final Node werkingsgebiedNis = iri("werkingsgebiedNis");
    public static final Node sleutel = iri("sleutel");
    public static final Node sleutelhash = iri("sleutelhash");
    public static final Node aangemaakt = iri("aangemaakt");
    public static final Node geldigTot = iri("geldigTot");
    public static final Node ingetrokkenOp = iri("ingetrokkenOp");
    public static final Node Feedpagina = iri("Feedpagina");
    public static final Node paginanummer = iri("paginanummer");
    public static final Node aantalLeden = iri("aantalLeden");
    public static final Node eersteTijdstip = iri("eersteTijdstip");
    public static final Node laatsteTijdstip = iri("laatsteTijdstip");
    public static final Node openPagina = iri("openPagina");
    public static final Node pagina = iri("pagina");
    public static final Node volgorde = iri("volgorde");
    public static final Node feedVersie = iri("feedVersie");
    public static final Node lidBeschrijving = iri("lidBeschrijving");
    public static final Node lidInhoud = iri("lidInhoud");
    public static final Node Abonnement = iri("Abonnement");
    public static final Node eigenaar = iri("eigenaar");
    public static final Node eigenaarsprofiel = iri("eigenaarsprofiel");
    public static final Node callbackUrl = iri("callbackUrl");
    public static final Node gebeurtenistype = iri("gebeurtenistype");
    public static final Node geheim = iri("geheim");
    public static final Node Bezorging = iri("Bezorging");
    public static final Node abonnement = iri("abonnement");
    public static final Node gebeurtenis = iri("gebeurtenis");
    public static final Node inhoud = iri("inhoud");
    public static final Node pogingen = iri("pogingen");
    public static final Node volgendePoging = iri("volgendePoging");
    public static final Node laatstePoging = iri("laatstePoging");
    public static final Node laatsteFout = iri("laatsteFout");
    public static final Node bezorgstatus = iri("bezorgstatus");

    /** Code lists, ontology and shapes: public, loaded from the model files at start. */
    /** The hub's bookkeeping: versions, source ids, withdrawal. Never public. */
    public static final Node SYSTEM_GRAPH = NodeFactory.createURI("https://data.kohub.be/graph/systeem");
    /** The append-only log of every change. Never public. */
    public static final Node EVENTS_GRAPH = NodeFactory.createURI("https://data.kohub.be/graph/gebeurtenissen");
    /** The report facts, one per request, kept by report/FactsKeeper. Never public. */
    public static final Node FACTS_GRAPH = NodeFactory.createURI("https://data.kohub.be/graph/rapportfeiten");
    /** The audit log of reads and writes of personal data; only beheer reads it (GET /audit). */
    public static final Node AUDIT_GRAPH = NodeFactory.createURI("https://data.kohub.be/graph/audit");
    /** System clients managed through the API and the SHA-256 of their keys (access/ManagedClients). Never public. */
    public static final Node ACCESS_GRAPH = NodeFactory.createURI("https://data.kohub.be/graph/toegang");
    /** Webhook subscriptions with their signing secrets (webhooks/Subscriptions). Never public. */
    public static final Node SUBSCRIPTIONS_GRAPH = NodeFactory.createURI("https://data.kohub.be/graph/abonnementen");
    /** The webhook outbox: deliveries pending or dead, written with the change they report (webhooks/Outbox). Never public. */
    public static final Node OUTBOX_GRAPH = NodeFactory.createURI("https://data.kohub.be/graph/bezorgingen");
    /** A remote store's revision and the marks of recent writes (store/remote/GuardedUpdate). Never public. */
    public static final Node STORE_GRAPH = NodeFactory.createURI("https://data.kohub.be/graph/opslag");
    /** The store itself, whose kohub:revisie every write to a remote store moves on by one. */
    public static final Node opslag = iri("opslag");
    public static final Node revisie = iri("revisie");
    public static final Node MODEL_GRAPH = NodeFactory.createURI("https://data.kohub.be/graph/model");
    public static final String SYSTEM_PREFIX = "https://data.kohub.be/id/systeem/";
    /** The hub itself as the agent of what it does on its own (issuing codes, the retention job). */
    public static final Node HUB_SYSTEM = NodeFactory.createURI(SYSTEM_PREFIX + "kohub");
    /** Local child-care counters (LLKO), by the NIS code of their municipality. */
    /** Webhook subscriptions, by UUID (hub bookkeeping, not documents: outside every SPARQL scope). */
    public static final String SUBSCRIPTION_PREFIX = "https://data.kohub.be/id/abonnement/";
    public static final String LOKET_PREFIX = "https://data.kohub.be/id/loket/";
    public static final String STATUS_PREFIX = "https://data.kohub.be/id/concept/locatiestatus/";

    public static Node iri(String local) {
        return NodeFactory.createURI(NS + local);
    }

    private KO() {}
}
