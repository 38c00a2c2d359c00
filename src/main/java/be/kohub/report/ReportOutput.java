package be.kohub.report;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;

import be.kohub.vocab.KO;

/**
 * A report table in its three forms: JSON (for the dashboard and scripts), CSV (for
 * spreadsheets) and RDF Data Cube. All three carry the same figures; a suppressed cell is
 * {@code null} in JSON, empty in CSV and absent (with {@code kohub:onderdrukt true}) in RDF.
 */
public final class ReportOutput {
    private static final String QB = "http://purl.org/linked-data/cube#";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DimensionValues values;

    public ReportOutput(DimensionValues values) {
        this.values = values;
    }

    /**
     * A cell's figures as shown to a role: counts from 1 to {@code suppressBelow - 1} become null,
     * and so does a median taken over fewer unique requests than that. 0 shows everything.
     */
    static Map<Measure, Long> shown(Figures figures, int suppressBelow) {
        Map<Measure, Long> v = figures.values();
        if (suppressBelow <= 1)
            return v;
        v.replaceAll((m, n) -> n != null && m != Measure.MEDIAAN_DAGEN && n > 0 && n < suppressBelow ? null : n);
        if (figures.answeredCount() < suppressBelow)
            v.put(Measure.MEDIAAN_DAGEN, null);
        return v;
    }

    public ObjectNode json(ReportTable table, int suppressBelow) {
        ObjectNode root = JSON.createObjectNode();
        root.put("rapport", table.report().code());
        root.put("periode", table.report() == Report.TREND ? null : table.query().period().toString());
        root.put("peildatum", table.query().asOf().toString());
        root.put("respijtDagen", table.graceDays());
        ArrayNode municipalities = root.putArray("gemeenten");
        table.query().municipalities().stream().sorted().forEach(municipalities::add);
        root.put("llko", table.query().counter());
        root.put("onderdrukkingsdrempel", suppressBelow);
        ArrayNode dims = root.putArray("dimensies");
        table.report().dimensions().forEach(dims::add);
        ArrayNode measures = root.putArray("metingen");
        for (Measure m : Measure.values())
            measures.add(m.key());
        ArrayNode rows = root.putArray("rijen");
        for (ReportTable.Row row : table.rows()) {
            ObjectNode r = rows.addObject();
            for (int i = 0; i < row.keys().size(); i++) {
                String dim = table.report().dimensions().get(i);
                r.put(dim, row.keys().get(i));
                r.put(dim + "Label", values.label(dim, row.keys().get(i)));
            }
            Map<Measure, Long> all = row.figures().values();
            ArrayNode hidden = JSON.createArrayNode();
            shown(row.figures(), suppressBelow).forEach((m, n) -> {
                if (n == null)
                    r.putNull(m.key());
                else
                    r.put(m.key(), n);
                if (n == null && all.get(m) != null)
                    hidden.add(m.key());
            });
            if (!hidden.isEmpty())
                r.set("onderdrukt", hidden);
        }
        return root;
    }

    public String csv(ReportTable table, int suppressBelow) {
        StringWriter out = new StringWriter();
        List<String> dims = table.report().dimensions();
        StringBuilder header = new StringBuilder("periode;peildatum");
        for (String d : dims)
            header.append(';').append(d).append(';').append(d).append("Label");
        for (Measure m : Measure.values())
            header.append(';').append(m.key());
        out.append(header).append("\r\n");
        for (ReportTable.Row row : table.rows()) {
            StringBuilder line = new StringBuilder(cell(table.report() == Report.TREND ? "" : table.query().period().toString()))
                    .append(';').append(table.query().asOf());
            for (int i = 0; i < dims.size(); i++)
                line.append(';').append(cell(row.keys().get(i))).append(';').append(cell(values.label(dims.get(i), row.keys().get(i))));
            for (Long n : shown(row.figures(), suppressBelow).values())
                line.append(';').append(n == null ? "" : n.toString());
            out.append(line).append("\r\n");
        }
        return out.toString();
    }

    /** The table as a qb:DataSet with one qb:Observation per row; {@code dataset} is the answer's own IRI. */
    public Graph dataCube(ReportTable table, int suppressBelow, String dataset) {
        Graph g = GraphFactory.createDefaultGraph();
        Node ds = NodeFactory.createURI(dataset);
        g.add(Triple.create(ds, RDF.type.asNode(), qb("DataSet")));
        g.add(Triple.create(ds, qb("structure"), NodeFactory.createURI(KO.NS + "structuur-" + table.report().code())));
        g.add(Triple.create(ds, KO.iri("peildatum"), NodeFactory.createLiteralDT(table.query().asOf().toString(), XSDDatatype.XSDdate)));
        g.add(Triple.create(ds, KO.iri("respijtDagen"), integer(table.graceDays())));
        int n = 0;
        for (ReportTable.Row row : table.rows()) {
            Node obs = NodeFactory.createURI(dataset + (dataset.contains("#") ? "-" : "#") + "obs" + (++n));
            g.add(Triple.create(obs, RDF.type.asNode(), qb("Observation")));
            g.add(Triple.create(obs, qb("dataSet"), ds));
            if (table.report() != Report.TREND)
                g.add(Triple.create(obs, KO.iri("referentieperiode"), NodeFactory.createLiteralString(table.query().period().toString())));
            for (int i = 0; i < row.keys().size(); i++) {
                String dim = table.report().dimensions().get(i);
                String value = row.keys().get(i);
                g.add(Triple.create(obs, KO.iri(dim), values.iri(dim, value).orElse(NodeFactory.createLiteralString(value))));
            }
            boolean suppressed = false;
            for (Map.Entry<Measure, Long> e : shown(row.figures(), suppressBelow).entrySet()) {
                if (e.getValue() != null)
                    g.add(Triple.create(obs, KO.iri(e.getKey().key()), integer(e.getValue())));
                else if (e.getKey() != Measure.MEDIAAN_DAGEN || row.figures().answeredCount() > 0)
                    suppressed = true;
            }
            if (suppressed)
                g.add(Triple.create(obs, KO.iri("onderdrukt"), NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean)));
        }
        return g;
    }

    private static Node qb(String local) {
        return NodeFactory.createURI(QB + local);
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    private static String cell(String s) {
        if (s == null)
            return "";
        return s.contains(";") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
