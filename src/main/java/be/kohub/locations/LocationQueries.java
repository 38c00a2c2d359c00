package be.kohub.locations;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;

import be.kohub.store.Queries;
import be.kohub.store.ReadTx;

/** Loader of the location queries ({@code queries/locations/*.rq}). */
final class LocationQueries {
    private LocationQueries() {}

    /** Filters of the location list; null or blank means "any". */
    record Filter(String gemeente, String opvangvorm, String status, BigDecimal[] bbox) {}

    /** One page of location IRIs after {@code after} (exclusive), at most {@code limit}. */
    static List<Node> page(ReadTx tx, Filter filter, String after, int limit) {
        Map<String, Node> values = new HashMap<>();
        values.put("after", NodeFactory.createLiteralString(after == null ? "" : after));
        values.put("gemeenteFilter", text(filter.gemeente()));
        values.put("vormFilter", text(filter.opvangvorm()));
        values.put("statusFilter", text(filter.status()));
        BigDecimal[] box = filter.bbox() != null ? filter.bbox()
                : new BigDecimal[] { BigDecimal.valueOf(-180), BigDecimal.valueOf(-90), BigDecimal.valueOf(180), BigDecimal.valueOf(90) };
        values.put("minLon", decimal(box[0]));
        values.put("minLat", decimal(box[1]));
        values.put("maxLon", decimal(box[2]));
        values.put("maxLat", decimal(box[3]));
        Query query = Queries.bind("locations/list.rq", values);
        query.setLimit(limit);
        return tx.select(query).stream().map(row -> row.get(Var.alloc("loc"))).toList();
    }

    /** The sheet at {@code location} as a schema.org ChildCare ({@code schemaorg.rq}); empty if there is no such sheet. */
    static Graph schemaOrg(ReadTx tx, Node location) {
        return tx.construct(Queries.bind("locations/schemaorg.rq", Map.of("loc", location)));
    }

    private static Node text(String value) {
        return NodeFactory.createLiteralString(value == null ? "" : value.trim());
    }

    private static Node decimal(BigDecimal value) {
        return NodeFactory.createLiteralDT(value.toPlainString(), XSDDatatype.XSDdecimal);
    }
}
