package be.kohub.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import be.kohub.Errors.Rejected;
import be.kohub.Hub;
import be.kohub.http.Problems;
import be.kohub.ingest.DocumentReader;
import be.kohub.ingest.DocumentType;
import be.kohub.ingest.IngestPipeline;
import be.kohub.store.Tdb2Store;
import be.kohub.validation.ValidationReport;
import be.kohub.validation.ValidationRoutes;

/**
 * Validates document files as {@code POST /validatie} does (the same reader, limits and shapes,
 * in a hub of its own in memory) and prints the same fields in words; stores nothing.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Validate documents (JSON-LD .jsonld/.json, Turtle .ttl, NDJSON batches .ndjson) against the shapes,",
                "as POST /validatie does; nothing is stored. For each problem: focus node, path, value, message (nl, en),",
                "shape and constraint component."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every document conforms", "1:at least one document does not conform (none unreadable)",
                "2:at least one file is missing or unreadable (not JSON/JSON-LD/Turtle, remote context, too big)"})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Option(names = "--json", description = "Print a JSON array: per document its file and the answer of POST /validatie (or the problem+json of an unreadable one).")
    boolean json;

    @Override
    public Integer call() {
        int exit = DocumentFiles.OK;
        ArrayNode answers = Problems.JSON.createArrayNode();
        try (Hub hub = Hub.builder().store(Tdb2Store.inMemory()).port(0).build()) {
            for (Path file : files) {
                List<DocumentReader.Item> items;
                try {
                    items = DocumentFiles.read(hub, file);
                } catch (IOException e) {
                    say(file + ": unreadable: cannot read the file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
                    answers.addObject().put("file", file.toString()).put("error", "cannot read the file: " + e.getMessage());
                    exit = DocumentFiles.UNREADABLE;
                    continue;
                } catch (Rejected e) {
                    items = List.of(new DocumentReader.Item(0, null, e));
                }
                for (DocumentReader.Item item : items) {
                    String where = items.size() > 1 ? file + "#" + item.index() : file.toString();
                    if (item.error() != null) {
                        Rejected e = item.error();
                        say(where + ": unreadable (" + e.type.status + " " + e.type.titleEn + ")");
                        if (!json)
                            DocumentFiles.print(System.out, e.report);
                        answers.add(Problems.body(e, where).put("file", where));
                        exit = DocumentFiles.UNREADABLE;
                        continue;
                    }
                    IngestPipeline.DryRun dryRun = hub.pipeline().validate(item.graph(), hub.documentTypes());
                    ValidationReport report = dryRun.report();
                    String what = dryRun.type().map(DocumentType::name).orElse("no known document type");
                    int n = report.problems().size();
                    say(where + (report.conforms() ? ": valid " + what
                            : ": invalid " + what + ", " + n + (n == 1 ? " problem" : " problems")));
                    if (!json)
                        DocumentFiles.print(System.out, report);
                    ObjectNode answer = Problems.JSON.createObjectNode().put("file", where);
                    answer.setAll(ValidationRoutes.answer(dryRun));
                    answers.add(answer);
                    if (!report.conforms())
                        exit = Math.max(exit, DocumentFiles.INVALID);
                }
            }
        }
        if (json)
            System.out.println(answers.toPrettyString());
        return exit;
    }

    /** Plain output goes to standard output; with --json the summary lines go to standard error, so that stdout is JSON. */
    private void say(String line) {
        (json ? System.err : System.out).println(line);
    }
}
