package be.kohub.codes;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import be.kohub.access.Client;
import be.kohub.ingest.CommandFields;
import be.kohub.ingest.DocumentGraphs;
import be.kohub.ingest.DocumentMeta;
import be.kohub.ingest.DocumentWrites;
import be.kohub.ingest.DocumentWrites.Operation;
import be.kohub.model.CodeLists;
import be.kohub.store.Queries;
import be.kohub.store.ReadTx;
import be.kohub.store.WriteQueue;
import be.kohub.vocab.KO;
import be.kohub.vocab.OSLO;

/**
 * Issues unique child codes and records births. A child is a resource {@code {base}/id/kind/{code}}
 * (OSLO Persoon and Geregistreerd Persoon) whose graph holds the code, the expected or actual
 * birth date and the municipality of residence. Its relation to the parent who asked for the
 * code (type from the relatietype list, the parent only as a keyed hash) sits in the child's
 * personal-data graph. The same parent asking again for a child born, or expected, within the
 * birth window of a known child (and with the same rank in a multiple birth) gets that code back.
 */
public final class ChildCodes {
    public static final String TYPE = "kind";
    private final WriteQueue writes;
    private final IdentityHash identities;
    private final CodeLists codes;
    private final String prefix;
    private final int windowDays;
    private final SecureRandom random = new SecureRandom();

    /** What a request for a code answered: the code, the child's IRI, and whether it is new. */
    public record Issued(KindCode code, Node iri, boolean created, long version) {}

    public ChildCodes(WriteQueue writes, IdentityHash identities, CodeLists codes, String base, int windowDays) {
        this.writes = writes;
        this.identities = identities;
        this.codes = codes;
        this.prefix = base + "/id/kind/";
        this.windowDays = windowDays;
    }

    public Node iri(KindCode code) {
        return NodeFactory.createURI(prefix + code.value());
    }

    /** The child with this code, or 422 if the hub never issued it (a code with valid check digits that is unknown). */
    public Node known(ReadTx tx, KindCode code) {
        Node iri = iri(code);
        if (DocumentMeta.find(tx, iri).filter(m -> m.type().equals(TYPE)).isEmpty())
            throw new Rejected(ProblemType.ONBEKENDE_VERWIJZING,
                    "De hub kent kindcode " + code + " niet; vraag ze aan met POST /kindcodes.",
                    "The hub does not know child code " + code + "; request it with POST /kindcodes.");
        return iri;
    }

    /**
     * The child with this code, or 404: for the paths that name a child. A code never issued and
     * an erased code answer alike, since the hub keeps no trace of an erased code (docs/erasure.md).
     */
    public Node found(ReadTx tx, KindCode code) {
        Node iri = iri(code);
        if (DocumentMeta.find(tx, iri).filter(m -> m.type().equals(TYPE)).isEmpty())
            throw new Rejected(ProblemType.NIET_GEVONDEN, "De hub kent geen kind met kindcode " + code + ".",
                    "The hub knows no child with code " + code + ".");
        return iri;
    }

    /**
     * {@code POST /kindcodes}: {@code {"ouder": {"insz", "relatie"}, "bewijs", "verwachteGeboortedatum"}}
     * for an unborn child, or {@code {"ouder": {...}, "geboortedatum", "woonplaats"}} for a born one;
     * {@code volgnummer} (default 1) tells the children of a multiple birth apart.
     */
    public Issued issue(Client client, JsonNode body) {
        CommandFields fields = new CommandFields(body, codes);
        CommandFields parent = fields.within("ouder");
        String inszText = parent.text("insz", true);
        Optional<Insz> insz = Insz.parse(inszText);
        if (inszText != null && insz.isEmpty())
            parent.problem("ouder.insz", null, "Het rijksregisternummer is geen geldig INSZ (11 cijfers met controlegetal).",
                    "The national register number is not a valid INSZ (11 digits with check number).");
        Node relation = parent.has("relatie") ? parent.code("relatie", "relatietype", true) : codes.require("relatietype", "moeder", "relatie");
        LocalDate expected = fields.date("verwachteGeboortedatum", false);
        LocalDate born = fields.date("geboortedatum", false);
        Node evidence = fields.has("bewijs") ? fields.code("bewijs", "bewijstype", false) : null;
        Node residence = fields.has("woonplaats") ? fields.code("woonplaats", "gemeente", false) : null;
        int rank = fields.integer("volgnummer", 1, 9, 1);
        LocalDate today = writes.today();
        if ((expected == null) == (born == null) && !fields.has("verwachteGeboortedatum") && !fields.has("geboortedatum"))
            fields.problem("verwachteGeboortedatum", null, "Geef verwachteGeboortedatum (ongeboren kind) of geboortedatum (geboren kind).",
                    "Give verwachteGeboortedatum (unborn child) or geboortedatum (born child).");
        if (expected != null && born != null)
            fields.problem("geboortedatum", null, "Geef verwachteGeboortedatum of geboortedatum, niet allebei.",
                    "Give verwachteGeboortedatum or geboortedatum, not both.");
        if (expected != null) {
            if (expected.isBefore(today.minusDays(windowDays)) || expected.isAfter(today.plusDays(300)))
                fields.problem("verwachteGeboortedatum", expected.toString(), "Een verwachte geboortedatum ligt tussen " + windowDays + " dagen geleden en 300 dagen vanaf vandaag.",
                        "An expected birth date lies between " + windowDays + " days ago and 300 days from today.");
            if (evidence == null)
                fields.problem("bewijs", null, "Voor een ongeboren kind is bewijs verplicht: verklaring-op-eer of zwangerschapsattest.",
                        "For an unborn child evidence is required: verklaring-op-eer or zwangerschapsattest.");
            if (relation != null && !codes.code(relation).equals("moeder"))
                fields.problem("ouder.relatie", codes.code(relation), "Een kindcode voor een ongeboren kind wordt gevraagd op naam van de moeder.",
                        "A code for an unborn child is requested in the mother's name.");
        }
        if (born != null && (born.isAfter(today) || born.isBefore(today.minusYears(14))))
            fields.problem("geboortedatum", born.toString(), "Een geboortedatum ligt in de voorbije 14 jaar, niet in de toekomst.",
                    "A birth date lies within the past 14 years, not in the future.");
        fields.check();
        Node person = identities.person(insz.orElseThrow());
        LocalDate date = expected != null ? expected : born;
        return writes.write(tx -> {
            for (Binding row : tx.select(Queries.bind("kindcodes/find-by-person.rq", Map.of("person", person)))) {
                Node known = row.get(Var.alloc("kind"));
                Node dateNode = row.contains(Var.alloc("birth")) ? row.get(Var.alloc("birth")) : row.get(Var.alloc("expected"));
                int knownRank = Integer.parseInt(row.get(Var.alloc("volgnummer")).getLiteralLexicalForm());
                LocalDate knownDate = LocalDate.parse(dateNode.getLiteralLexicalForm());
                if (knownRank == rank && Math.abs(ChronoUnit.DAYS.between(knownDate, date)) <= windowDays) {
                    KindCode code = KindCode.parse(known.getURI().substring(prefix.length()));
                    return new Issued(code, known, false, DocumentMeta.find(tx, known).orElseThrow().version());
                }
            }
            KindCode code;
            do {
                code = KindCode.random(random);
            } while (DocumentMeta.find(tx, iri(code)).isPresent());
            Node child = iri(code);
            DocumentWrites write = created(child, new NewChild(code, expected, born, residence, rank, person, relation, evidence),
                    client.system(), writes.now());
            tx.update(write.build());
            return new Issued(code, child, true, write.newVersion());
        });
    }

    /** What the hub records of a new child: code, (expected) birth, residence, rank, and the parent who asked (a keyed hash). */
    public record NewChild(KindCode code, LocalDate expected, LocalDate born, Node residence, int rank,
                           Node parent, Node relation, Node evidence) {}

    /**
     * The write that creates a child: its graph, its personal-data graph (the relation to the
     * parent) and its bookkeeping. Shared by {@link #issue} and the data generator.
     */
    public static DocumentWrites created(Node child, NewChild c, Node agent, Instant now) {
        Graph graph = childGraph(child, c.code(), c.expected(), c.born(), c.residence(), c.rank());
        Graph personal = GraphFactory.createDefaultGraph();
        Node link = NodeFactory.createURI(child.getURI() + "/relatie/" + c.parent().getURI().substring("urn:kohub:persoon:".length(), 32));
        personal.add(Triple.create(child, OSLO.PROV_QUALIFIED_ASSOCIATION, link));
        personal.add(Triple.create(link, RDF.type.asNode(), OSLO.PERSOONSRELATIE));
        personal.add(Triple.create(link, OSLO.DC11_TYPE, c.relation()));
        personal.add(Triple.create(link, OSLO.PERSOONSRELATIE_PERSOON, c.parent()));
        if (c.evidence() != null)
            personal.add(Triple.create(link, KO.bewijs, c.evidence()));
        return DocumentWrites.version(child, TYPE, null, agent, null, Operation.AANGEMAAKT, now)
                .replaceGraph(child, graph).replaceGraph(DocumentGraphs.personal(child), personal);
    }

    /**
     * {@code POST /kindcodes/{code}/geboorte}: {@code {"geboortedatum", "woonplaats", "kindcodeOpgroeien"?}}.
     * Repeating the same birth changes nothing; a different birth date for a born child is a conflict.
     */
    public Issued birth(Client client, KindCode code, JsonNode body) {
        CommandFields fields = new CommandFields(body, codes);
        LocalDate born = fields.date("geboortedatum", true);
        Node residence = fields.code("woonplaats", "gemeente", true);
        String opgroeien = fields.text("kindcodeOpgroeien", false);
        if (born != null && (born.isAfter(writes.today()) || born.isBefore(writes.today().minusYears(14))))
            fields.problem("geboortedatum", born.toString(), "Een geboortedatum ligt in de voorbije 14 jaar, niet in de toekomst.",
                    "A birth date lies within the past 14 years, not in the future.");
        if (opgroeien != null && born != null
                && !(opgroeien.matches("^[0-9]{9}$") && opgroeien.startsWith(born.format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd")))))
            fields.problem("kindcodeOpgroeien", opgroeien, "De kindcode van Opgroeien heeft 9 cijfers en begint met de geboortedatum (JJMMDD).",
                    "Opgroeien's child code has 9 digits and starts with the birth date (YYMMDD).");
        fields.check();
        Node child = iri(code);
        return writes.write(tx -> {
            known(tx, code);
            DocumentMeta meta = DocumentMeta.find(tx, child).orElseThrow();
            Graph current = tx.graph(child);
            Optional<Node> recorded = current.find(child, OSLO.BIRTH_DATE, Node.ANY).nextOptional().map(Triple::getObject);
            Node bornNode = date(born);
            if (recorded.isPresent()) {
                if (!recorded.get().sameValueAs(bornNode))
                    throw new Rejected(ProblemType.CONFLICT,
                            "Voor kindcode " + code + " is al geboortedatum " + recorded.get().getLiteralLexicalForm() + " geregistreerd.",
                            "Child code " + code + " already has birth date " + recorded.get().getLiteralLexicalForm() + ".");
                return new Issued(code, child, false, meta.version());
            }
            Graph updated = GraphFactory.createDefaultGraph();
            current.find().forEachRemaining(t -> {
                if (!t.getPredicate().equals(KO.woonplaats))
                    updated.add(t);
            });
            updated.add(Triple.create(child, OSLO.BIRTH_DATE, bornNode));
            updated.add(Triple.create(child, KO.woonplaats, residence));
            if (opgroeien != null) {
                Node id = NodeFactory.createURI(child.getURI() + "/identificator/opgroeien");
                updated.add(Triple.create(child, OSLO.ADMS_IDENTIFIER, id));
                updated.add(Triple.create(id, RDF.type.asNode(), OSLO.ADMS_IDENTIFIER_CLASS));
                updated.add(Triple.create(id, SKOS.notation.asNode(), NodeFactory.createLiteralString(opgroeien)));
                updated.add(Triple.create(id, DCTerms.creator.asNode(), NodeFactory.createURI(KO.SYSTEM_PREFIX + "opgroeien")));
                updated.add(Triple.create(id, OSLO.ADMS_SCHEMA_AGENCY, NodeFactory.createLiteralLang("Opgroeien", "nl")));
            }
            DocumentWrites write = DocumentWrites.version(child, TYPE, meta, client.system(), null, Operation.GEWIJZIGD, writes.now())
                    .replaceGraph(child, updated);
            tx.update(write.build());
            return new Issued(code, child, false, write.newVersion());
        });
    }

    private static Graph childGraph(Node child, KindCode code, LocalDate expected, LocalDate born, Node residence, int rank) {
        Graph graph = GraphFactory.createDefaultGraph();
        graph.add(Triple.create(child, RDF.type.asNode(), OSLO.PERSON));
        graph.add(Triple.create(child, RDF.type.asNode(), OSLO.GEREGISTREERD_PERSOON));
        Node id = NodeFactory.createURI(child.getURI() + "/identificator/kindcode");
        graph.add(Triple.create(child, OSLO.ADMS_IDENTIFIER, id));
        graph.add(Triple.create(id, RDF.type.asNode(), OSLO.ADMS_IDENTIFIER_CLASS));
        graph.add(Triple.create(id, SKOS.notation.asNode(), NodeFactory.createLiteralString(code.value())));
        graph.add(Triple.create(id, DCTerms.creator.asNode(), KO.HUB_SYSTEM));
        graph.add(Triple.create(id, OSLO.ADMS_SCHEMA_AGENCY, NodeFactory.createLiteralLang("kohub", "nl")));
        if (expected != null)
            graph.add(Triple.create(child, OSLO.VERWACHTE_GEBOORTEDATUM, date(expected)));
        if (born != null)
            graph.add(Triple.create(child, OSLO.BIRTH_DATE, date(born)));
        if (residence != null)
            graph.add(Triple.create(child, KO.woonplaats, residence));
        graph.add(Triple.create(child, KO.volgnummer, NodeFactory.createLiteralDT(Integer.toString(rank), XSDDatatype.XSDinteger)));
        return graph;
    }

    private static Node date(LocalDate date) {
        return NodeFactory.createLiteralDT(date.toString(), XSDDatatype.XSDdate);
    }

}
