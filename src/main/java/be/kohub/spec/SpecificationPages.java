package be.kohub.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import com.samskivert.mustache.Template;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.RDFS;

import be.kohub.ingest.DocumentType;
import be.kohub.model.ModelFiles;
import be.kohub.spec.SpecView.Meaning;
import be.kohub.spec.SpecView.Page;
import be.kohub.spec.SpecView.Section;
import be.kohub.spec.SpecView.TypeLink;

/**
 * The generated specification pages ({@code /specificatie}): one HTML page per document type and
 * an index, rendered once at start from the packaged model files, the bundled OSLO profiles, the
 * JSON-LD context and the bundled example documents. Nothing on them is written by hand.
 */
public final class SpecificationPages {
    private final byte[] index;
    private final Map<String, byte[]> pages;
    private final String styleHash;

    private SpecificationPages(byte[] index, Map<String, byte[]> pages, String styleHash) {
        this.index = index;
        this.pages = pages;
        this.styleHash = styleHash;
    }

    /**
     * @param model   the packaged ontology (labels, code lists, reasons for own terms)
     * @param context the hub's JSON-LD context (field names)
     * @param contextUrl where the hub serves that context
     * @param types   the document types, by name and root class
     */
    public static SpecificationPages generate(ModelFiles model, byte[] context, String contextUrl, List<DocumentType> types) {
        DocumentShapes shapes = DocumentShapes.load();
        Graph ontology = model.ontology();
        PrefixMapping prefixes = PrefixMapping.Factory.create().setNsPrefixes(shapes.graph().getPrefixMapping())
                .setNsPrefixes(ontology.getPrefixMapping());
        for (String shapePrefix : List.of("", "kosh", "aash", "twsh"))
            prefixes.removeNsPrefix(shapePrefix);
        DocumentPage builder = new DocumentPage(shapes, ontology, OsloTerms.load(), new JsonLdTerms(context), prefixes);
        Properties examples = examples();
        Templates templates = new Templates();
        Template pageTemplate = templates.template("documenttype.html.mustache");
        Template diagramTemplate = templates.template("diagram.svg.mustache");
        String style = Templates.text("stijl.css");

        Map<String, DocumentPage.Content> contents = new LinkedHashMap<>();
        List<TypeLink> links = new ArrayList<>();
        for (DocumentType type : types) {
            DocumentPage.Content content = builder.content(type.rootClass());
            contents.put(type.name(), content);
            String[] title = title(shapes, type.rootClass());
            links.add(new TypeLink(type.name(), title[0], title[1], prefixes.shortForm(type.rootClass().getURI()),
                    content.sections().size(), content.sections().stream().mapToInt(s -> s.rows().size()).sum()));
        }
        Map<String, byte[]> pages = new LinkedHashMap<>();
        for (int i = 0; i < types.size(); i++) {
            DocumentType type = types.get(i);
            DocumentPage.Content content = contents.get(type.name());
            Section root = content.sections().get(0);
            String exampleFile = examples.getProperty(type.name());
            if (exampleFile == null)
                throw new IllegalStateException("no example for document type " + type.name() + " in spec/voorbeelden.properties");
            String diagram = diagramTemplate.execute(ClassDiagram.of(content.sections()));
            Meaning rootMeaning = root.meaning();
            Page page = new Page(type.name(), links.get(i).titleNl(), links.get(i).titleEn(), root.typeTerm(), root.classCompact(),
                    rootMeaning, diagram, content.sections(), content.valueLists(), example(exampleFile), exampleFile, contextUrl, links);
            pages.put(type.name(), render(pageTemplate, page, style));
        }
        byte[] index = render(templates.template("index.html.mustache"), new SpecView.Index(links, contextUrl), style);
        return new SpecificationPages(index, pages, sha256(style));
    }

    public byte[] index() {
        return index;
    }

    public Optional<byte[]> page(String documentType) {
        return Optional.ofNullable(pages.get(documentType));
    }

    public List<String> documentTypes() {
        return List.copyOf(pages.keySet());
    }

    /** The Content-Security-Policy of the pages: no scripts, nothing loaded, only their own style sheet. */
    public String contentSecurityPolicy() {
        return "default-src 'none'; style-src 'sha256-" + styleHash + "'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    private static byte[] render(Template template, Object view, String style) {
        // The style sheet goes in as it is ({{{style}}}); everything else the template escapes.
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("style", style);
        java.io.StringWriter out = new java.io.StringWriter();
        template.execute(view, context, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The Dutch and English label of the shapes file whose namespace holds the root shape. */
    private static String[] title(DocumentShapes shapes, Node rootClass) {
        Node root = shapes.rootShape(rootClass).orElseThrow();
        String uri = root.getURI();
        Node file = NodeFactory.createURI(uri.substring(0, Math.max(uri.lastIndexOf('#'), 0)));
        DocumentShapes.Text label = shapes.text(file, RDFS.label.asNode());
        String fallback = DocumentPage.local(rootClass);
        return new String[] {label.nl() == null ? fallback : label.nl(), label.en()};
    }

    private static Properties examples() {
        Properties examples = new Properties();
        try (InputStream in = SpecificationPages.class.getResourceAsStream("/spec/voorbeelden.properties")) {
            if (in == null)
                throw new IllegalStateException("missing resource /spec/voorbeelden.properties");
            examples.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return examples;
    }

    private static String example(String file) {
        try (InputStream in = SpecificationPages.class.getResourceAsStream("/spec/voorbeelden/" + file)) {
            if (in == null)
                throw new IllegalStateException("example " + file + " is not bundled (pom.xml, spec/voorbeelden)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
