package be.kohub.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import be.kohub.access.Client;
import be.kohub.ingest.DocumentWrites.Operation;
import be.kohub.store.Queries;
import be.kohub.store.WriteQueue;
import be.kohub.store.WriteTx;
import be.kohub.validation.Problem;
import be.kohub.validation.ShaclValidator;
import be.kohub.validation.ValidationReport;
import be.kohub.vocab.OSLO;

/**
 * The one ingestion path for every document type: find the root, validate (SHACL), resolve
 * identity, apply the type's rules, then write the document, its bookkeeping and its event
 * in one transaction. Validation runs before the write transaction so that writers do not
 * wait on it; identity is resolved inside it so that two retries cannot both create.
 */
public final class IngestPipeline {
    private final WriteQueue writes;
    private final ShaclValidator validator;
    private final ContextTerms terms;
    private final String base;
    private final IngestOutcomes outcomes;

    /** Where a write goes: {@code null} for "find by the source's id or mint", else a known IRI guarded by If-Match. */
    public record Target(Node iri, String ifMatch) {}

    public IngestPipeline(WriteQueue writes, ShaclValidator validator, ContextTerms terms, String base) {
        this(writes, validator, terms, base, IngestOutcomes.NONE);
    }

    /** A pipeline that reports what became of each document (the hub's metrics). */
    public IngestPipeline(WriteQueue writes, ShaclValidator validator, ContextTerms terms, String base, IngestOutcomes outcomes) {
        this.writes = writes;
        this.validator = validator;
        this.terms = terms;
        this.base = base;
        this.outcomes = outcomes;
    }

    /** A dry run's outcome: the type the document was read as (none: it does not conform) and the report. */
    public record DryRun(Optional<DocumentType> type, ValidationReport report) {}

    /** {@link #validate}'s report alone. */
    public ValidationReport dryRun(Graph document, List<DocumentType> types) {
        return validate(document, types).report();
    }

    /**
     * Validates without storing anything: SHACL with the labels of the document's type. A document
     * of no known type (no root node of one of the types, e.g. a misspelt {@code type}) does not
     * conform, although no shape targets it: a vendor must not read silence as success.
     */
    public DryRun validate(Graph document, List<DocumentType> types) {
        Optional<DocumentType> type = typeOf(document, types);
        if (type.isPresent())
            return new DryRun(type, counted(type.get().name(),
                    validator.validate(document, labels(document, roots(document, type.get()).iterator().next(), type.get()))));
        ValidationReport shacl = validator.validate(document, node -> node.isURI() ? node.getURI() : node.toString());
        String names = String.join(", ", types.stream().map(t -> t.name() + " (" + t.rootClass().getLocalName() + ")").toList());
        List<Problem> problems = new ArrayList<>(List.of(Problem.of(null, null,
                "Geen gekend documenttype: het document moet precies één knoop hebben van het type van een " + names
                        + ". Controleer \"type\" en de @context.",
                "No known document type: the document must hold exactly one node of the type of a " + names
                        + ". Check \"type\" and the @context.")));
        problems.addAll(shacl.problems());
        return new DryRun(type, counted("onbekend", new ValidationReport(false, problems, shacl.shaclReport())));
    }

    /** The type of a document: the first of the types of which it holds exactly one root node. */
    private Optional<DocumentType> typeOf(Graph document, List<DocumentType> types) {
        return types.stream().filter(type -> roots(document, type).size() == 1).findFirst();
    }

    private ValidationReport counted(String type, ValidationReport report) {
        if (!report.conforms())
            outcomes.validationFailed(type, "validatie");
        return report;
    }

    public IngestResult ingest(Client client, DocumentType type, Graph document, Target target) {
        try {
            return ingestAsync(client, type, document, target).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime)
                throw runtime;
            throw e;
        }
    }

    /**
     * {@link #ingest} without waiting for the write: validation runs now (and throws
     * {@link Rejected}); the future completes when the write has committed, or with its rejection.
     */
    public CompletableFuture<IngestResult> ingestAsync(Client client, DocumentType type, Graph document, Target target) {
        return submit(check(client, type, document, target));
    }

    /**
     * A document that passed every check that needs no store: validated, with its root and the
     * caller's identifier. Only {@link #check} makes one, so nothing unvalidated reaches {@link #submit}.
     */
    public static final class Checked {
        private final Client client;
        private final DocumentType type;
        private final Graph document;
        private final Target target;
        private final Node root;
        private final LocalId localId;

        private Checked(Client client, DocumentType type, Graph document, Target target, Node root, LocalId localId) {
            this.client = client;
            this.type = type;
            this.document = document;
            this.target = target;
            this.root = root;
            this.localId = localId;
        }
    }

    /**
     * The checks before the write: the root, SHACL validation, the caller's identifier and its
     * right to write such a document. Throws {@link Rejected}. Needs no store, so a batch checks
     * its documents side by side and then {@link #submit}s them all at once.
     */
    public Checked check(Client client, DocumentType type, Graph document, Target target) {
        try {
            Node root = root(document, type);
            ValidationReport report = validator.validate(document, labels(document, root, type));
            if (!report.conforms()) {
                outcomes.validationFailed(type.name(), "ingest");
                throw new Rejected(ProblemType.SHACL_SCHENDING, report);
            }
            LocalId localId = localId(document, root, client);
            type.authorizeWrite(client, document, root);
            return new Checked(client, type, document, target, root, localId);
        } catch (Rejected e) {
            outcomes.rejected(type.name(), e.type);
            throw e;
        }
    }

    /**
     * Hands a checked document's write to the queue without waiting: the future completes once the
     * transaction that ran it has committed, or with its rejection. Writes submitted one right after
     * the other are committed together.
     */
    public CompletableFuture<IngestResult> submit(Checked checked) {
        String type = checked.type.name();
        return writes.submit(tx -> writeIn(tx, checked)).whenComplete((result, failure) -> {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause == null)
                outcomes.stored(type, result.created());
            else
                outcomes.rejected(type, cause instanceof Rejected r ? r.type : null);
        });
    }

    /** Identity (inside the transaction, so that two retries cannot both create), the version check, then the one write. */
    private IngestResult writeIn(WriteTx tx, Checked checked) {
        Client client = checked.client;
        DocumentType type = checked.type;
        Target target = checked.target;
        Node root = checked.root;
        LocalId localId = checked.localId;
        Optional<Node> mapped = tx.select(Queries.bind("ingest/find-by-local-id.rq", Map.of(
                        "source", localId.source(),
                        "localId", NodeFactory.createLiteralString(localId.notation()),
                        "type", NodeFactory.createLiteralString(type.name()))))
                .stream().map(row -> row.get(Var.alloc("doc"))).findFirst();
        Node iri;
        DocumentMeta previous;
        if (target == null) {
            iri = mapped.orElseGet(() -> mint(type));
            previous = mapped.flatMap(m -> DocumentMeta.find(tx, m)).orElse(null);
        } else {
            iri = target.iri();
            previous = existing(DocumentMeta.find(tx, iri), type, iri);
            if (mapped.isPresent() && !mapped.get().equals(iri))
                throw new Rejected(ProblemType.CONFLICT,
                        "De identificator " + localId.notation() + " hoort al bij " + mapped.get().getURI() + ".",
                        "The identifier " + localId.notation() + " already belongs to " + mapped.get().getURI() + ".");
            // who may write comes first: a stranger learns nothing of the version
            type.authorizeWrite(client, tx.graph(iri), iri);
            checkVersion(previous, target.ifMatch());
        }
        if (root.isURI() && !root.equals(iri))
            throw new Rejected(ProblemType.DOCUMENTSTRUCTUUR,
                    "Het document heeft id " + root.getURI() + ", maar hoort bij " + iri.getURI() + ".",
                    "The document has id " + root.getURI() + " but belongs to " + iri.getURI() + ".");
        if (previous != null)
            type.authorizeWrite(client, tx.graph(iri), iri);
        return store(tx, client, type, checked.document, root, iri, localId, previous, writes.now());
    }

    /**
     * Stores a new document that was validated before, at an IRI and a time the caller chose:
     * the type's rules and the one write of {@link #ingest}, without its validation and identity
     * lookup. For generating data that must be stored exactly as the API would store it
     * ({@code be.kohub.generate}); the caller must know the document is valid and new.
     */
    public IngestResult create(WriteTx tx, Client client, DocumentType type, Graph document, Node iri, Instant now) {
        Node root = root(document, type);
        type.authorizeWrite(client, document, root);
        return store(tx, client, type, document, root, iri, localId(document, root, client), null, now);
    }

    private IngestResult store(WriteTx tx, Client client, DocumentType type, Graph document, Node root, Node iri,
                               LocalId localId, DocumentMeta previous, Instant now) {
        Graph stored = withIdentity(document, root, iri, localId);
        DocumentType.Prepared prepared = type.prepare(tx, new DocumentType.Write(client, iri, stored, previous, now));
        DocumentWrites write = DocumentWrites.version(iri, type.name(), previous, client.system(), localId,
                previous == null ? Operation.AANGEMAAKT : Operation.GEWIJZIGD, now).replaceGraph(iri, prepared.document());
        if (prepared.personal() != null)
            write.replaceGraph(DocumentGraphs.personal(iri), prepared.personal());
        if (prepared.status() != null)
            write.replaceGraph(DocumentGraphs.status(iri), prepared.status());
        tx.update(write.build());
        prepared.effects().forEach(tx::update);
        return new IngestResult(iri, write.newVersion(), previous == null, prepared.details());
    }

    /** Marks a document withdrawn: a new version, kept with its history. Repeating it changes nothing. */
    public IngestResult withdraw(Client client, DocumentType type, Node iri, String ifMatch) {
        try {
            IngestResult result = withdrawIn(client, type, iri, ifMatch);
            outcomes.withdrawn(type.name());
            return result;
        } catch (Rejected e) {
            outcomes.rejected(type.name(), e.type);
            throw e;
        }
    }

    private IngestResult withdrawIn(Client client, DocumentType type, Node iri, String ifMatch) {
        return writes.write(tx -> {
            DocumentMeta previous = existing(DocumentMeta.find(tx, iri), type, iri);
            Graph current = tx.graph(iri);
            type.authorizeWrite(client, current, iri);
            if (ifMatch != null)
                checkVersion(previous, ifMatch);
            if (previous.withdrawn())
                return new IngestResult(iri, previous.version(), false);
            tx.update(DocumentWrites.version(iri, type.name(), previous, client.system(), null, Operation.INGETROKKEN, writes.now())
                    .replaceGraph(iri, type.withdrawn(current, iri)).build());
            return new IngestResult(iri, previous.version() + 1, false);
        });
    }

    public String iriPrefix(DocumentType type) {
        return base + "/id/" + type.name() + "/";
    }

    private Node mint(DocumentType type) {
        return NodeFactory.createURI(iriPrefix(type) + UUID.randomUUID());
    }

    private static DocumentMeta existing(Optional<DocumentMeta> meta, DocumentType type, Node iri) {
        return meta.filter(m -> m.type().equals(type.name())).orElseThrow(() -> new Rejected(ProblemType.NIET_GEVONDEN,
                "Geen " + type.name() + " met id " + iri.getURI() + ".", "No " + type.name() + " with id " + iri.getURI() + "."));
    }

    private static void checkVersion(DocumentMeta current, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank())
            throw new Rejected(ProblemType.VERSIE_VEREIST,
                    "Stuur If-Match met de ETag van de versie die je wijzigt (nu " + current.etag() + ").",
                    "Send If-Match with the ETag of the version you change (now " + current.etag() + ").");
        boolean matches = ifMatch.trim().equals("*")
                || List.of(ifMatch.split(",")).stream().map(String::trim).anyMatch(current.etag()::equals);
        if (!matches)
            throw new Rejected(ProblemType.VERSIE_CONFLICT,
                    "If-Match " + ifMatch + " komt niet overeen met de huidige versie " + current.etag() + ".",
                    "If-Match " + ifMatch + " does not match the current version " + current.etag() + ".");
    }

    private Node root(Graph document, DocumentType type) {
        Set<Node> roots = roots(document, type);
        if (roots.size() != 1)
            throw new Rejected(ProblemType.DOCUMENTSTRUCTUUR,
                    "Het document moet precies één knoop van het type " + type.rootClass().getLocalName() + " bevatten; gevonden: " + roots.size() + ".",
                    "The document must hold exactly one node of type " + type.rootClass().getLocalName() + "; found: " + roots.size() + ".");
        Node root = roots.iterator().next();
        if (root.isURI() && !root.getURI().startsWith(iriPrefix(type)))
            throw new Rejected(ProblemType.DOCUMENTSTRUCTUUR,
                    "Laat id weg (de hub kent het toe) of gebruik een id van de hub (" + iriPrefix(type) + "…).",
                    "Leave out id (the hub assigns it) or use an id of the hub (" + iriPrefix(type) + "…).");
        return root;
    }

    private static Set<Node> roots(Graph document, DocumentType type) {
        return document.find(Node.ANY, RDF.type.asNode(), type.rootClass()).mapWith(Triple::getSubject).toSet();
    }

    private DocumentLabels labels(Graph document, Node root, DocumentType type) {
        return new DocumentLabels(document, root, type.name(), terms);
    }

    /**
     * The identifier of the calling system: the one without toegekendDoor, or else the one whose
     * toegekendDoor is the caller. Identifiers other systems assigned (e.g. Opgroeien's) are kept as they are.
     */
    private static LocalId localId(Graph document, Node root, Client client) {
        List<String> unassigned = new ArrayList<>();
        List<String> assignedByCaller = new ArrayList<>();
        for (Node id : document.find(root, OSLO.ADMS_IDENTIFIER, Node.ANY).mapWith(Triple::getObject).toList()) {
            List<Node> creators = document.find(id, DCTerms.creator.asNode(), Node.ANY).mapWith(Triple::getObject).toList();
            List<String> target = creators.isEmpty() ? unassigned : creators.contains(client.system()) ? assignedByCaller : null;
            if (target != null)
                document.find(id, SKOS.notation.asNode(), Node.ANY).forEachRemaining(t -> target.add(t.getObject().getLiteralLexicalForm()));
        }
        List<String> own = unassigned.isEmpty() ? assignedByCaller : unassigned;
        if (own.size() != 1)
            throw new Rejected(ProblemType.DOCUMENTSTRUCTUUR,
                    "Het document heeft precies één identificator van jouw systeem (" + client.name() + ") nodig, zonder toegekendDoor of met toegekendDoor \"" + client.name() + "\"; gevonden: " + own.size() + ".",
                    "The document needs exactly one identifier of your system (" + client.name() + "), without toegekendDoor or with toegekendDoor \"" + client.name() + "\"; found: " + own.size() + ".");
        return new LocalId(client.system(), own.get(0));
    }

    /** The document with the hub's IRI as root and the calling system recorded as creator of its identifier. */
    private static Graph withIdentity(Graph document, Node root, Node iri, LocalId localId) {
        Graph result = GraphFactory.createDefaultGraph();
        document.find().forEachRemaining(t -> result.add(Triple.create(
                t.getSubject().equals(root) ? iri : t.getSubject(),
                t.getPredicate(),
                t.getObject().equals(root) ? iri : t.getObject())));
        for (Node id : result.find(iri, OSLO.ADMS_IDENTIFIER, Node.ANY).mapWith(Triple::getObject).toList()) {
            boolean own = result.contains(id, SKOS.notation.asNode(), NodeFactory.createLiteralString(localId.notation()));
            if (own && !result.find(id, DCTerms.creator.asNode(), Node.ANY).hasNext())
                result.add(Triple.create(id, DCTerms.creator.asNode(), localId.source()));
        }
        return result;
    }
}
