package be.kohub.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import be.kohub.Hub;
import be.kohub.ingest.DocumentReader;
import be.kohub.ingest.DocumentReader.Format;
import be.kohub.validation.Problem;
import be.kohub.validation.ValidationReport;

/** Reading document files for the {@code validate} and {@code load} commands, and reporting on them in words. */
final class DocumentFiles {
    /** Exit codes shared by both commands. */
    static final int OK = 0, INVALID = 1, UNREADABLE = 2;

    private DocumentFiles() {}

    static Format format(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        if (name.endsWith(".ttl"))
            return Format.TURTLE;
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl"))
            return Format.NDJSON;
        return Format.JSONLD;
    }

    /** The documents of a file: one, or each of a batch file. */
    static List<DocumentReader.Item> read(Hub hub, Path file) throws IOException {
        byte[] body = Files.readAllBytes(file);
        Format format = format(file);
        if (hub.reader().isBatch(body, format))
            return hub.reader().readBatch(body, format);
        try {
            Graph graph = hub.reader().readOne(body, format);
            return List.of(new DocumentReader.Item(0, graph, null));
        } catch (Rejected e) {
            return List.of(new DocumentReader.Item(0, null, e));
        }
    }

    /** Unreadable (syntax, context, size) as opposed to readable but invalid. */
    static boolean unreadable(Rejected e) {
        return e.type != ProblemType.SHACL_SCHENDING && e.type != ProblemType.DOCUMENTSTRUCTUUR
                && e.type != ProblemType.GEEN_TOEGANG && e.type != ProblemType.CONFLICT;
    }

    /**
     * Each problem as a numbered block with the fields of {@code POST /validatie}: focus node, path
     * (the field as written, and its IRI), value, message in Dutch and English, shape, constraint.
     */
    static void print(PrintStream out, ValidationReport report) {
        int n = 0;
        for (Problem p : report.problems()) {
            String number = "  " + ++n + ". ";
            String indent = " ".repeat(number.length());
            java.util.List<String[]> rows = new java.util.ArrayList<>();
            if (p.focusNode() != null)
                rows.add(new String[] {"focus node", p.focusNode()});
            if (p.path() != null)
                rows.add(new String[] {"path", p.field() == null ? p.path() : p.field() + "  <" + p.path() + ">"});
            if (p.value() != null)
                rows.add(new String[] {"value", "\"" + p.value() + "\""});
            rows.add(new String[] {"message nl", p.messageNl()});
            rows.add(new String[] {"message en", p.messageEn()});
            if (p.shape() != null)
                rows.add(new String[] {"shape", p.shape()});
            rows.add(new String[] {"constraint", (p.constraint() == null ? "" : p.constraint().replace(SHACL, "sh:") + " ")
                    + "(" + p.severity() + ")"});
            for (int i = 0; i < rows.size(); i++)
                out.printf("%s%-11s %s%n", i == 0 ? number : indent, rows.get(i)[0], rows.get(i)[1]);
        }
    }

    private static final String SHACL = "http://www.w3.org/ns/shacl#";
}
