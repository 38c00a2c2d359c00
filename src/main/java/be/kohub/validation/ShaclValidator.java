package be.kohub.validation;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.topbraid.jenax.util.ARQFactory;
import org.topbraid.shacl.arq.SHACLFunctions;
import org.topbraid.shacl.engine.ShapesGraph;
import org.topbraid.shacl.engine.ShapesGraphFactory;
import org.topbraid.shacl.util.SHACLUtil;
import org.topbraid.shacl.validation.ValidationEngine;
import org.topbraid.shacl.validation.ValidationEngineConfiguration;
import org.topbraid.shacl.validation.ValidationEngineFactory;
import org.topbraid.shacl.validation.ValidationUtil;
import org.topbraid.shacl.vocabulary.SH;

/**
 * Validates documents with TopBraid SHACL. The shapes graph is prepared once and shared by all
 * threads (TopBraid's ShapesGraph caches are concurrent); each call validates the document
 * together with the reference data (code lists), which {@code sh:class} and
 * {@code skos:inScheme} checks need, without copying it.
 */
public final class ShaclValidator {
    private final Model shapesModel;
    private final ShapesGraph shapesGraph;
    private final URI shapesGraphUri;
    private final Graph referenceData;

    public ShaclValidator(Model shapes, Graph referenceData) {
        this.shapesModel = ValidationUtil.ensureToshTriplesExist(shapes);
        SHACLFunctions.registerFunctions(shapesModel);
        this.shapesGraph = ShapesGraphFactory.get().createShapesGraph(shapesModel);
        this.shapesGraphUri = SHACLUtil.createRandomShapesGraphURI();
        this.referenceData = referenceData;
    }

    public ValidationReport validate(Graph document, NodeLabels labels) {
        Model data = ModelFactory.createModelForGraph(new Union(document, referenceData));
        Dataset dataset = ARQFactory.get().getDataset(data);
        dataset.addNamedModel(shapesGraphUri.toString(), shapesModel);
        ValidationEngine engine = ValidationEngineFactory.get().create(dataset, shapesGraphUri, shapesGraph, null);
        engine.setConfiguration(new ValidationEngineConfiguration().setValidateShapes(false).setReportDetails(true));
        Resource report;
        try {
            report = engine.validateAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("validation interrupted", e);
        }
        List<Problem> problems = new ArrayList<>();
        report.listProperties(SH.result).forEach(s -> innermost(s.getResource(), labels, problems));
        problems.sort(Comparator.comparing((Problem p) -> String.valueOf(p.focusNode()) + p.path())
                .thenComparing(p -> String.valueOf(p.constraint())));
        boolean conforms = report.getProperty(SH.conforms).getBoolean();
        return new ValidationReport(conforms, saidOnce(problems), report.getModel());
    }

    /**
     * sh:class and the code-list check (sh:node) of one property fail together with the same
     * message: say it once, naming the constraint component that sorts first.
     */
    private static List<Problem> saidOnce(List<Problem> problems) {
        Map<List<String>, Problem> once = new LinkedHashMap<>();
        for (Problem p : problems)
            once.putIfAbsent(Arrays.asList(p.focusNode(), p.path(), p.field(), p.value(), p.messageNl(), p.messageEn(), p.shape(), p.severity()), p);
        return List.copyOf(once.values());
    }

    /**
     * A failed sh:node (e.g. the address inside the contact info) is reported at the outer node
     * with the actual failures as sh:detail; the vendor needs the innermost ones.
     */
    private void innermost(Resource result, NodeLabels labels, List<Problem> problems) {
        List<Statement> details = result.listProperties(SH.detail).toList();
        // Details from anonymous helper shapes (code-list membership) carry no Dutch message: the outer one says it better.
        boolean explained = details.stream().allMatch(d -> hasDutchMessage(d.getResource()));
        if (details.isEmpty() || !explained) {
            problems.add(problem(result, labels));
            return;
        }
        details.forEach(d -> innermost(d.getResource(), labels, problems));
    }

    private static boolean hasDutchMessage(Resource result) {
        if (!result.listProperties(SH.detail).toList().isEmpty())
            return true;
        return result.listProperties(SH.resultMessage).toList().stream()
                .anyMatch(m -> "nl".equals(m.getLiteral().getLanguage()));
    }

    private Problem problem(Resource result, NodeLabels labels) {
        RDFNode focus = object(result, SH.focusNode);
        RDFNode path = object(result, SH.resultPath);
        RDFNode value = object(result, SH.value);
        RDFNode source = object(result, SH.sourceShape);
        RDFNode severity = object(result, SH.resultSeverity);
        RDFNode component = object(result, SH.sourceConstraintComponent);
        String messageNl = null;
        String messageEn = null;
        for (Statement s : result.listProperties(SH.resultMessage).toList()) {
            Literal message = s.getLiteral();
            if ("nl".equals(message.getLanguage()))
                messageNl = message.getLexicalForm();
            else if ("en".equals(message.getLanguage()) || messageEn == null)
                messageEn = message.getLexicalForm();
        }
        return new Problem(
                focus == null ? null : labels.label(focus.asNode()),
                pathIri(path),
                field(source),
                value == null ? null : value.isLiteral() ? value.asLiteral().getLexicalForm() : labels.label(value.asNode()),
                messageNl == null ? messageEn : messageNl,
                messageEn == null ? messageNl : messageEn,
                source == null || source.isAnon() ? shapeOf(source) : source.asResource().getURI(),
                component == null || !component.isURIResource() ? null : component.asResource().getURI(),
                severity == null ? "Violation" : severity.asResource().getLocalName());
    }

    /** Property shapes are blank nodes: name them by their node shape, e.g. {@code …#AdresShape/postcode}. */
    private String shapeOf(RDFNode propertyShape) {
        if (propertyShape == null)
            return null;
        Resource shape = propertyShape.asResource();
        Resource owner = shapesModel.listResourcesWithProperty(SH.property, shape).nextOptional().orElse(null);
        Statement name = shape.inModel(shapesModel).getProperty(SH.name);
        String suffix = name == null ? "" : "/" + name.getString();
        return owner == null || owner.isAnon() ? null : owner.getURI() + suffix;
    }

    private static String pathIri(RDFNode path) {
        if (path == null)
            return null;
        if (path.isURIResource())
            return path.asResource().getURI();
        Resource inverse = path.asResource().getPropertyResourceValue(SH.inversePath);
        return inverse == null ? null : "^" + inverse.getURI();
    }

    /** The name of the field as the document's author wrote it: the property shape's sh:name. */
    private String field(RDFNode source) {
        if (source == null)
            return null;
        Statement name = source.asResource().inModel(shapesModel).getProperty(SH.name);
        return name == null ? null : name.getString();
    }

    private static RDFNode object(Resource subject, org.apache.jena.rdf.model.Property p) {
        Statement s = subject.getProperty(p);
        return s == null ? null : s.getObject();
    }
}
