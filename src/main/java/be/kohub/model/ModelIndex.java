package be.kohub.model;

import java.util.Map;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * What {@code GET /model} lists, as DCAT: the model is a catalog whose datasets are its
 * versions; each version's distributions are its published parts (ontology, code lists,
 * shapes per document type, frames, JSON-LD context), each at its versioned URL and with the
 * unversioned URL it is the current content of ({@code dct:isVersionOf}).
 */
final class ModelIndex {
    private static final String IANA = "http://www.iana.org/assignments/media-types/";
    private static final String SHACL = "http://www.w3.org/ns/shacl#";
    private static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    private static final String OWL_SPEC = "http://www.w3.org/2002/07/owl#";
    private static final String FRAMING = "https://www.w3.org/TR/json-ld11-framing/";
    private static final String JSONLD = "https://www.w3.org/TR/json-ld11/";

    private final String base;
    private final ModelVersions versions;
    private final Map<String, Graph> codeLists;
    private final Function<String, String[]> shapesTitle;
    private final String[] ontologyTitle;
    private final String context;

    /**
     * @param codeLists the current code lists by name
     * @param shapesTitle the Dutch and English title of a version's shapes file, by "version/type"
     * @param ontologyTitle the Dutch and English label of the ontology
     * @param context the URL of the JSON-LD context of the current major version
     */
    ModelIndex(String base, ModelVersions versions, Map<String, Graph> codeLists, Function<String, String[]> shapesTitle,
            String[] ontologyTitle, String context) {
        this.base = base;
        this.versions = versions;
        this.codeLists = codeLists;
        this.shapesTitle = shapesTitle;
        this.ontologyTitle = ontologyTitle;
        this.context = context;
    }

    /** The catalog with every version ({@code only} null) or with one. */
    Graph graph(ShapesVersion only) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("dcat", DCAT.NS).setNsPrefix("dct", DCTerms.NS).setNsPrefix("owl", OWL.NS).setNsPrefix("rdfs", RDFS.uri);
        ShapesVersion current = versions.current();
        Resource catalog = m.createResource(base + "/model").addProperty(RDF.type, DCAT.Catalog)
                .addProperty(DCTerms.title, m.createLiteral("Het model van kohub: ontologie, codelijsten, vormen, frames en context", "nl"))
                .addProperty(DCTerms.title, m.createLiteral("The kohub model: ontology, code lists, shapes, frames and context", "en"))
                .addProperty(OWL.versionInfo, current.number())
                .addProperty(RDFS.seeAlso, m.createResource(base + "/specificatie"));
        for (ShapesVersion version : versions.all()) {
            if (only != null && version != only)
                continue;
            String v = base + "/model/" + version.number();
            Resource dataset = m.createResource(v).addProperty(RDF.type, DCAT.Dataset)
                    .addProperty(OWL.versionInfo, version.number())
                    .addProperty(DCTerms.title, m.createLiteral("Het model van kohub, versie " + version.number(), "nl"))
                    .addProperty(DCTerms.title, m.createLiteral("The kohub model, version " + version.number(), "en"))
                    .addProperty(DCTerms.isVersionOf, catalog);
            catalog.addProperty(DCAT.dataset, dataset);
            versions.before(version).ifPresent(prior -> dataset
                    .addProperty(OWL.priorVersion, m.createResource(base + "/model/" + prior.number()))
                    .addProperty(RDFS.seeAlso, m.createResource(base + "/model/wijzigingen?van=" + prior.number() + "&naar=" + version.number())));
            boolean isCurrent = version == current;
            if (isCurrent) {
                part(m, dataset, version, "/ontologie", ontologyTitle, OWL_SPEC, true);
                part(m, dataset, version, "/codelijsten", new String[] {"Alle codelijsten", "All code lists"}, SKOS, true);
                codeLists.forEach((name, graph) -> part(m, dataset, version, "/codelijsten/" + name, schemeTitle(graph, name), SKOS, true));
                part(m, dataset, version, "/shapes", new String[] {"Alle vormen", "All shapes"}, SHACL, true);
            }
            for (String type : version.documentTypes())
                part(m, dataset, version, "/shapes/" + type, shapesTitle.apply(version.number() + "/" + type), SHACL, true);
            if (isCurrent) {
                for (String type : version.documentTypes())
                    part(m, dataset, version, "/frames/" + type,
                            new String[] {"JSON-LD-frame van " + type, "JSON-LD frame of " + type}, FRAMING, false);
                m.createResource(context).addProperty(RDF.type, DCAT.Distribution)
                        .addProperty(DCTerms.title, m.createLiteral("JSON-LD-context, versie " + version.major(), "nl"))
                        .addProperty(DCTerms.title, m.createLiteral("JSON-LD context, version " + version.major(), "en"))
                        .addProperty(DCAT.accessURL, m.createResource(context))
                        .addProperty(DCTerms.conformsTo, m.createResource(JSONLD))
                        .addProperty(DCAT.mediaType, m.createResource(IANA + "application/ld+json"));
                dataset.addProperty(DCAT.distribution, m.createResource(context));
            }
        }
        return m.getGraph();
    }

    private void part(Model m, Resource dataset, ShapesVersion version, String path, String[] title, String standard, boolean rdf) {
        Resource part = m.createResource(base + "/model/" + version.number() + path).addProperty(RDF.type, DCAT.Distribution)
                .addProperty(DCTerms.title, m.createLiteral(title[0], "nl"))
                .addProperty(DCTerms.title, m.createLiteral(title[1], "en"))
                .addProperty(DCTerms.conformsTo, m.createResource(standard))
                .addProperty(DCAT.mediaType, m.createResource(IANA + "application/ld+json"));
        part.addProperty(DCAT.accessURL, part);
        if (rdf)
            part.addProperty(DCAT.mediaType, m.createResource(IANA + "text/turtle"));
        if (version == versions.current())
            part.addProperty(DCTerms.isVersionOf, m.createResource(base + "/model" + path));
        dataset.addProperty(DCAT.distribution, part);
    }

    private static String[] schemeTitle(Graph scheme, String name) {
        String[] title = {"Codelijst " + name, "Code list " + name};
        Model m = ModelFactory.createModelForGraph(scheme);
        m.listResourcesWithProperty(RDF.type, m.createResource(SKOS + "ConceptScheme")).forEachRemaining(s ->
                s.listProperties(m.createProperty(SKOS + "prefLabel")).forEachRemaining(l -> {
                    if ("nl".equals(l.getLanguage()))
                        title[0] = l.getString();
                    else if ("en".equals(l.getLanguage()))
                        title[1] = l.getString();
                }));
        return title;
    }

    static Graph copy(Graph graph) {
        Graph copy = GraphFactory.createDefaultGraph();
        graph.find().forEachRemaining(copy::add);
        copy.getPrefixMapping().setNsPrefixes(graph.getPrefixMapping());
        return copy;
    }
}
