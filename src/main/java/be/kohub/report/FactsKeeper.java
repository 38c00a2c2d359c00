package be.kohub.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.modify.request.QuadAcc;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.Target;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.update.UpdateRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import be.kohub.store.Changes;
import be.kohub.store.CommitHook;
import be.kohub.store.Queries;
import be.kohub.store.ReadTx;
import be.kohub.store.Store;
import be.kohub.store.Updates;
import be.kohub.store.WriteQueue;
import be.kohub.store.WriteTx;
import be.kohub.vocab.KO;

/**
 * Keeps the report facts in step with the documents, so that no report has to read the whole
 * store: in the transaction that versions a request, a child or a location, it recomputes the
 * facts of the requests that depend on it ({@code queries/reports/affected-requests.rq}, then
 * {@link FactsReader#read(ReadTx, Node)}) and stores them in the report-facts graph;
 * once committed, it hands them to the {@link ReportEngine}, which holds all facts in memory.
 * At start the engine gets the stored facts, recomputed in full only when their form changed
 * (or they were never stored, as in a bulk-loaded store).
 */
public final class FactsKeeper implements CommitHook {
    private static final Logger LOG = LoggerFactory.getLogger(FactsKeeper.class);
    private static final Var AANVRAAG = Var.alloc("aanvraag"), FEIT = Var.alloc("feit"), VERSIE = Var.alloc("versie");

    private static final Var STAND = Var.alloc("stand");
    private final ReportEngine engine;
    private final Store store;
    /** The count of fact changes the engine holds (kohub:rapportfeitenStand); -1: unknown, reload. */
    private long stand;

    private FactsKeeper(ReportEngine engine, Store store, long stand) {
        this.engine = engine;
        this.store = store;
        this.stand = stand;
    }

    /**
     * Loads the stored facts into the engine (recomputing them first when needed) and keeps them
     * in step with every later commit. Call before the hub takes writes.
     */
    public static void start(ReportEngine engine, Store store, WriteQueue writes) {
        long stand;
        if (store.read(FactsKeeper::current)) {
            stand = store.read(FactsKeeper::stand);
            engine.replaceAll(store.read(FactsKeeper::stored));
        } else {
            long t0 = System.nanoTime();
            List<RequestFact> facts = writes.write(FactsKeeper::recompute);
            stand = store.read(FactsKeeper::stand);
            engine.replaceAll(facts);
            LOG.info("report facts recomputed for {} requests in {} ms", facts.size(), (System.nanoTime() - t0) / 1_000_000);
        }
        FactsKeeper keeper = new FactsKeeper(engine, store, stand);
        writes.onCommit(keeper);
        engine.beforeRead(keeper::catchUp);
    }

    /**
     * Another hub instance on the same store changed facts (the stand moved without this one):
     * the engine reloads them from the store. One small query per read; nothing when in step.
     */
    private void catchUp() {
        long stored = store.read(FactsKeeper::stand);
        synchronized (this) {
            if (stored == stand)
                return;
        }
        List<RequestFact> facts = store.read(FactsKeeper::stored);
        synchronized (this) {
            engine.replaceAll(facts);
            stand = stored;
        }
    }

    private static long stand(ReadTx tx) {
        var rows = tx.select(Queries.load("reports/facts-stand.rq"));
        return rows.isEmpty() ? 0 : Long.parseLong(rows.get(0).get(STAND).getLiteralLexicalForm());
    }

    @Override
    public Runnable inTransaction(WriteTx tx, Changes changes) {
        Set<Node> documents = changes.documents();
        if (documents.isEmpty())
            return () -> {};
        Set<Node> requests = new LinkedHashSet<>();
        for (Node document : documents)
            tx.forEach(Queries.bind("reports/affected-requests.rq", Map.of("document", document)), b -> requests.add(b.get(AANVRAAG)));
        if (requests.isEmpty())
            return () -> {};
        List<String> iris = new ArrayList<>();
        List<RequestFact> facts = new ArrayList<>();
        UpdateRequest update = new UpdateRequest();
        QuadDataAcc data = new QuadDataAcc();
        for (Node request : requests) {
            iris.add(request.getURI());
            update.add(deleteFact(request));
            Optional<RequestFact> fact = FactsReader.read(tx, request);
            fact.ifPresent(f -> {
                facts.add(f);
                data.addQuad(factQuad(f));
            });
        }
        long was = stand(tx);
        update.add(new UpdateDataInsert(data));
        Updates.bind("reports/next-facts-stand.ru", Map.of("stand",
                NodeFactory.createLiteralDT(Long.toString(was + 1), XSDDatatype.XSDinteger))).getOperations().forEach(update::add);
        tx.update(update);
        return () -> {
            synchronized (this) {
                if (stand == was) {
                    engine.update(iris, facts);
                    stand = was + 1;
                } else {
                    stand = -1; // others wrote in between: the next read reloads
                }
            }
        };
    }

    /** All facts, read from the documents, replacing whatever the graph held. */
    static List<RequestFact> recompute(WriteTx tx) {
        List<RequestFact> facts = FactsReader.read(tx);
        QuadDataAcc data = new QuadDataAcc();
        facts.forEach(f -> data.addQuad(factQuad(f)));
        data.addQuad(Quad.create(KO.FACTS_GRAPH, KO.FACTS_GRAPH, KO.rapportfeitenVersie,
                NodeFactory.createLiteralDT(Integer.toString(StoredFact.VERSION), XSDDatatype.XSDinteger)));
        UpdateRequest update = new UpdateRequest();
        update.add(new UpdateDrop(Target.create(KO.FACTS_GRAPH), true));
        update.add(new UpdateDataInsert(data));
        tx.update(update);
        return facts;
    }

    /** The facts in the report-facts graph. */
    static List<RequestFact> stored(ReadTx tx) {
        List<RequestFact> facts = new ArrayList<>();
        tx.forEach(Queries.load("reports/stored-facts.rq"),
                b -> facts.add(StoredFact.read(b.get(AANVRAAG).getURI(), b.get(FEIT).getLiteralLexicalForm())));
        return facts;
    }

    private static boolean current(ReadTx tx) {
        var rows = tx.select(Queries.load("reports/facts-version.rq"));
        return rows.size() == 1 && Integer.toString(StoredFact.VERSION).equals(rows.get(0).get(VERSIE).getLiteralLexicalForm());
    }

    private static Quad factQuad(RequestFact f) {
        return Quad.create(KO.FACTS_GRAPH, NodeFactory.createURI(f.iri), KO.rapportfeit, NodeFactory.createLiteralString(StoredFact.write(f)));
    }

    private static UpdateDeleteWhere deleteFact(Node request) {
        QuadAcc pattern = new QuadAcc();
        pattern.addQuad(new Quad(KO.FACTS_GRAPH, request, KO.rapportfeit, Var.alloc("old")));
        return new UpdateDeleteWhere(pattern);
    }
}
