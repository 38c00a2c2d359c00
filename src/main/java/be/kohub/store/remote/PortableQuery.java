package be.kohub.store.remote;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.expr.E_Bound;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * A query as standard SPARQL text for a remote server. Binding a parameter (store/Queries)
 * replaces a variable by a term everywhere, which can leave {@code BOUND("x")}: Jena evaluates
 * it, but it is not SPARQL syntax. A bound parameter is bound, so it becomes {@code true}; an
 * ORDER BY on a bound parameter orders nothing, so it goes.
 */
final class PortableQuery {
    private PortableQuery() {}

    static Query of(Query query) {
        Query portable = QueryTransformOps.transform(query, new ElementTransformCopyBase(), new BoundOfTerm());
        // ORDER BY a bound parameter became ORDER BY a term: a no-op, and not SPARQL syntax.
        if (portable.hasOrderBy())
            portable.getOrderBy().removeIf(condition -> condition.getExpression() != null && condition.getExpression().isConstant());
        return portable;
    }

    private static final class BoundOfTerm extends ExprTransformCopy {
        @Override
        public Expr transform(ExprFunction1 func, Expr arg) {
            if (func instanceof E_Bound && arg.isConstant())
                return NodeValue.TRUE;
            return super.transform(func, arg);
        }
    }
}
