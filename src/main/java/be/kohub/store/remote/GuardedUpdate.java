package be.kohub.store.remote;

import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.modify.request.QuadAcc;
import org.apache.jena.sparql.modify.request.Target;
import org.apache.jena.sparql.modify.request.UpdateClear;
import org.apache.jena.sparql.modify.request.UpdateDataDelete;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementNamedGraph;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.syntaxtransform.UpdateTransformOps;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;

import be.kohub.store.Updates;
import be.kohub.vocab.KO;

/**
 * A write transaction's updates as one request that applies all or nothing, on any SPARQL 1.1
 * server: its first operation moves the store's revision from the one the transaction read to
 * the next and records this write's mark ({@code store/claim-revision.ru}); every other operation
 * is rewritten to run only where that mark exists. If another writer moved the revision first,
 * the claim matches nothing, no operation matches, and the request changes nothing.
 */
final class GuardedUpdate {
    private GuardedUpdate() {}

    static UpdateRequest of(List<UpdateRequest> writes, long revision, Node mark) {
        Node next = integer(revision + 1);
        UpdateRequest guarded = new UpdateRequest();
        UpdateTransformOps.transform(Updates.load("store/claim-revision.ru"), Map.of(
                Var.alloc("revision"), integer(revision), Var.alloc("next"), next, Var.alloc("write"), mark,
                Var.alloc("oldest"), integer(revision + 1 - KEPT_MARKS)))
                .getOperations().forEach(guarded::add);
        Quad guard = new Quad(KO.STORE_GRAPH, mark, KO.revisie, next);
        for (UpdateRequest request : writes)
            for (Update op : request.getOperations())
                guarded.add(guarded(op, guard));
        return guarded;
    }

    /** How many writes' marks the store keeps: a writer checks its own right after sending. */
    static final int KEPT_MARKS = 1000;

    private static Update guarded(Update op, Quad guard) {
        if (op instanceof UpdateDataInsert insert) {
            UpdateModify modify = new UpdateModify();
            insert.getQuads().forEach(modify.getInsertAcc()::addQuad);
            modify.setElement(where(guard, null));
            return modify;
        }
        if (op instanceof UpdateDataDelete delete) {
            UpdateModify modify = new UpdateModify();
            delete.getQuads().forEach(q -> {
                if (q.getSubject().isBlank() || q.getObject().isBlank())
                    throw new IllegalArgumentException("a remote store cannot delete a blank node by name: " + q);
                modify.getDeleteAcc().addQuad(q);
            });
            modify.setElement(where(guard, null));
            return modify;
        }
        if (op instanceof UpdateDeleteWhere deleteWhere) {
            UpdateModify modify = new UpdateModify();
            deleteWhere.getQuads().forEach(modify.getDeleteAcc()::addQuad);
            modify.setElement(where(guard, pattern(deleteWhere.getQuads())));
            return modify;
        }
        if (op instanceof UpdateModify original) {
            UpdateModify modify = new UpdateModify();
            original.getDeleteQuads().forEach(modify.getDeleteAcc()::addQuad);
            original.getInsertQuads().forEach(modify.getInsertAcc()::addQuad);
            if (original.getWithIRI() != null)
                modify.setWithIRI(original.getWithIRI());
            original.getUsing().forEach(modify::addUsing);
            original.getUsingNamed().forEach(modify::addUsingNamed);
            modify.setElement(where(guard, original.getWherePattern()));
            return modify;
        }
        if (op instanceof UpdateDrop drop)
            return emptied(drop.getTarget(), guard);
        if (op instanceof UpdateClear clear)
            return emptied(clear.getTarget(), guard);
        throw new IllegalArgumentException("not supported on a remote store: " + op);
    }

    private static Update emptied(Target target, Quad guard) {
        if (!target.isOneNamedGraph())
            throw new IllegalArgumentException("only one named graph may be dropped on a remote store: " + target);
        Quad all = new Quad(target.getGraph(), Var.alloc("s"), Var.alloc("p"), Var.alloc("o"));
        UpdateModify modify = new UpdateModify();
        modify.getDeleteAcc().addQuad(all);
        QuadAcc pattern = new QuadAcc();
        pattern.addQuad(all);
        modify.setElement(where(guard, pattern(pattern.getQuads())));
        return modify;
    }

    private static Element where(Quad guard, Element pattern) {
        ElementGroup group = new ElementGroup();
        group.addElement(graph(guard.getGraph(), List.of(guard)));
        if (pattern != null)
            group.addElement(pattern);
        return group;
    }

    private static Element pattern(List<Quad> quads) {
        ElementGroup group = new ElementGroup();
        for (Quad q : quads) {
            if (q.isDefaultGraph()) {
                ElementPathBlock block = new ElementPathBlock();
                block.addTriple(q.asTriple());
                group.addElement(block);
            } else {
                group.addElement(graph(q.getGraph(), List.of(q)));
            }
        }
        return group;
    }

    private static Element graph(Node name, List<Quad> quads) {
        ElementPathBlock block = new ElementPathBlock();
        quads.forEach(q -> block.addTriple(q.asTriple()));
        return new ElementNamedGraph(name, block);
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }
}
