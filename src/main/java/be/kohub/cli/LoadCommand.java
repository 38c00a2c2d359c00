package be.kohub.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import be.kohub.Errors.Rejected;
import be.kohub.Hub;
import be.kohub.access.Client;
import be.kohub.access.Role;
import be.kohub.ingest.DocumentReader;
import be.kohub.ingest.IngestResult;
import be.kohub.store.Tdb2Store;

/**
 * Loads location sheets straight into the embedded store (hub not running), through the same
 * validation and write path as the HTTP API.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load location sheets into the store with the same validation. Exit 0 all stored, 1 some invalid, 2 unreadable.")
final class LoadCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Option(names = "--data", defaultValue = "./data", description = "Directory of the TDB2 database (default ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--base", description = "Base URL of minted IRIs (must match the one the hub serves with).")
    String base;

    @Option(names = "--source", defaultValue = "kohub-load",
            description = "Source system the documents come from: their identifiers are this system's (default ${DEFAULT-VALUE}).")
    String source;

    @Override
    public Integer call() throws IOException {
        Files.createDirectories(data);
        Client client = new Client(source, Role.BEHEER, null, null, List.of());
        int exit = DocumentFiles.OK;
        try (Hub hub = Hub.builder().store(Tdb2Store.at(data)).port(8080).base(base).build()) {
            for (Path file : files) {
                List<DocumentReader.Item> items;
                try {
                    items = DocumentFiles.read(hub, file);
                } catch (IOException e) {
                    System.out.println(file + ": unreadable: " + e.getMessage());
                    exit = DocumentFiles.UNREADABLE;
                    continue;
                }
                for (DocumentReader.Item item : items) {
                    String where = items.size() > 1 ? file + "#" + item.index() : file.toString();
                    try {
                        if (item.error() != null)
                            throw item.error();
                        IngestResult result = hub.pipeline().ingest(client, hub.locations().handler(), item.graph(), null);
                        System.out.println(where + ": " + (result.created() ? "created " : "updated ") + result.iri().getURI());
                    } catch (Rejected e) {
                        boolean unreadable = DocumentFiles.unreadable(e);
                        System.out.println(where + ": " + (unreadable ? "unreadable" : "refused") + ": " + e.type.titleEn);
                        DocumentFiles.print(System.out, e.report);
                        exit = Math.max(exit, unreadable ? DocumentFiles.UNREADABLE : DocumentFiles.INVALID);
                    }
                }
            }
        }
        return exit;
    }
}
