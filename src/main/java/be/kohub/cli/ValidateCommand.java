package be.kohub.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import be.kohub.Errors.Rejected;
import be.kohub.Hub;
import be.kohub.ingest.DocumentReader;
import be.kohub.store.Tdb2Store;
import be.kohub.validation.ValidationReport;

/** Validates document files against the shapes and prints the report in words; stores nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate documents (JSON-LD, Turtle, NDJSON batches). Exit 0 valid, 1 invalid, 2 unreadable.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Override
    public Integer call() {
        int exit = DocumentFiles.OK;
        try (Hub hub = Hub.builder().store(Tdb2Store.inMemory()).port(0).build()) {
            for (Path file : files) {
                List<DocumentReader.Item> items;
                try {
                    items = DocumentFiles.read(hub, file);
                } catch (IOException | Rejected e) {
                    System.out.println(file + ": unreadable: " + e.getMessage());
                    exit = DocumentFiles.UNREADABLE;
                    continue;
                }
                for (DocumentReader.Item item : items) {
                    String where = items.size() > 1 ? file + "#" + item.index() : file.toString();
                    if (item.error() != null) {
                        System.out.println(where + ": unreadable");
                        DocumentFiles.print(System.out, item.error().report);
                        exit = DocumentFiles.UNREADABLE;
                        continue;
                    }
                    ValidationReport report = hub.pipeline().dryRun(item.graph(), hub.documentTypes());
                    System.out.println(where + (report.conforms() ? ": valid" : ": invalid (" + report.problems().size() + " problems)"));
                    DocumentFiles.print(System.out, report);
                    if (!report.conforms())
                        exit = Math.max(exit, DocumentFiles.INVALID);
                }
            }
        }
        return exit;
    }
}
