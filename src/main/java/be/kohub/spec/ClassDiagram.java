package be.kohub.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.kohub.spec.SpecView.Box;
import be.kohub.spec.SpecView.Diagram;
import be.kohub.spec.SpecView.Edge;
import be.kohub.spec.SpecView.Line;
import be.kohub.spec.SpecView.Row;
import be.kohub.spec.SpecView.Section;

/**
 * Lays out the class diagram of a document type: a box per node shape (class and properties),
 * a box per referenced class without a shape, and an arrow per property whose value is such a
 * box. Columns follow the distance from the root; the SVG itself is the template
 * {@code spec/templates/diagram.svg}. Text is monospaced, so widths follow from lengths.
 */
final class ClassDiagram {
    private static final double CHAR_WIDTH = 7.3;
    private static final int PAD = 10, HEADER = 44, LINE = 16, COLUMN_GAP = 150, ROW_GAP = 28, MARGIN = 20;

    private ClassDiagram() {}

    static Diagram of(List<Section> sections) {
        Map<String, Section> byShape = new LinkedHashMap<>();
        sections.forEach(s -> byShape.put(s.shape(), s));
        // Boxes: the shapes, then the classes referenced without a shape, keyed by IRI.
        Map<String, Integer> column = new LinkedHashMap<>();
        Map<String, List<String>> lines = new LinkedHashMap<>();
        Map<String, String[]> heads = new HashMap<>();
        Map<String, String> hrefs = new HashMap<>();
        for (Section s : sections) {
            column.putIfAbsent(s.shape(), 0);
            lines.put(s.shape(), s.rows().stream().filter(r -> !r.forbidden()).map(ClassDiagram::line).toList());
            heads.put(s.shape(), new String[] {s.title(), s.classCompact() == null ? "" : s.classCompact()});
            hrefs.put(s.shape(), "#" + s.id());
            for (Row r : s.rows()) {
                String target = r.value().target();
                if (target == null || r.forbidden())
                    continue;
                if (!byShape.containsKey(target) && !lines.containsKey(target)) {
                    lines.put(target, List.of());
                    heads.put(target, new String[] {r.value().text(), "(verwijzing)"});
                    hrefs.put(target, r.value().href());
                }
                if (!column.containsKey(target))
                    column.put(target, column.get(s.shape()) + 1);
            }
        }
        // Column widths and positions.
        Map<String, Integer> widths = new HashMap<>();
        lines.forEach((key, ls) -> {
            int chars = Math.max(heads.get(key)[0].length(), heads.get(key)[1].length());
            for (String l : ls)
                chars = Math.max(chars, l.length());
            widths.put(key, Math.max(140, (int) Math.ceil(chars * CHAR_WIDTH) + 2 * PAD));
        });
        int columns = column.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        int[] columnWidth = new int[columns];
        column.forEach((key, c) -> columnWidth[c] = Math.max(columnWidth[c], widths.get(key)));
        int[] columnX = new int[columns];
        for (int c = 1; c < columns; c++)
            columnX[c] = columnX[c - 1] + columnWidth[c - 1] + COLUMN_GAP;
        int[] nextY = new int[columns];
        java.util.Arrays.fill(nextY, MARGIN);
        Map<String, Box> boxes = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : lines.entrySet()) {
            String key = e.getKey();
            int c = column.get(key);
            int x = MARGIN + columnX[c], y = nextY[c];
            int height = HEADER + LINE * e.getValue().size() + (e.getValue().isEmpty() ? 0 : 8);
            List<Line> text = new ArrayList<>();
            for (int i = 0; i < e.getValue().size(); i++)
                text.add(new Line(x + PAD, y + HEADER + LINE * i + 13, e.getValue().get(i)));
            Section s = byShape.get(key);
            boxes.put(key, new Box(key, s == null ? null : s.shape(), s == null ? key : s.classIri(), hrefs.get(key), x, y,
                    widths.get(key), height, x + PAD, y + 18, y + 35, y + HEADER, x + widths.get(key), heads.get(key)[0],
                    heads.get(key)[1], text, !text.isEmpty(), s == null));
            nextY[c] = y + height + ROW_GAP;
        }
        // Arrows: from the property's line on the right edge of its box to the target's header.
        List<Edge> edges = new ArrayList<>();
        for (Section s : sections) {
            Box from = boxes.get(s.shape());
            List<Row> shown = s.rows().stream().filter(r -> !r.forbidden()).toList();
            for (int i = 0; i < shown.size(); i++) {
                Row r = shown.get(i);
                if (r.value().target() == null)
                    continue;
                Box to = boxes.get(r.value().target());
                int x1 = from.x() + from.width(), y1 = from.lines().get(i).y() - 4;
                boolean forward = to.x() > x1;
                int x2 = forward ? to.x() : to.x() + to.width(), y2 = to.y() + 22;
                int bend = forward ? (x2 - x1) / 2 : 60;
                String d = "M " + x1 + " " + y1 + " C " + (x1 + bend) + " " + y1 + " " + (forward ? x2 - bend : x2 + bend) + " " + y2
                        + " " + x2 + " " + y2;
                String label = r.term() + " " + r.cardinality();
                edges.add(new Edge(s.shape(), r.pathKey(), r.value().target(), d, forward ? x2 - 6 : x2 + 6, y2 - 6, forward ? "end" : "start", label));
            }
        }
        int width = boxes.values().stream().mapToInt(b -> b.x() + b.width()).max().orElse(0) + MARGIN;
        int height = boxes.values().stream().mapToInt(b -> b.y() + b.height()).max().orElse(0) + MARGIN;
        return new Diagram(width, height, List.copyOf(boxes.values()), edges);
    }

    private static String line(Row r) {
        return r.term() + " : " + r.value().text().replaceFirst("^codelijst ", "⟨") + (r.value().kind().equals("codelijst") ? "⟩" : "")
                + " " + r.cardinality();
    }
}
