package be.kohub.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;

/**
 * The versions of the shapes the hub publishes: the current one ({@code shapes/*.ttl}, the
 * one the hub validates with, whose number its files name with {@code owl:versionInfo}) and the
 * archived ones ({@code shapes/versies/{version}/*.ttl}). See docs/versioning.md.
 */
public final class ModelVersions {
    private final ShapesVersion current;
    private final TreeMap<String, ShapesVersion> versions = new TreeMap<>(ShapesVersion.ORDER);

    public ModelVersions(ShapesVersion current, List<ShapesVersion> archived) {
        this.current = current;
        versions.put(current.number(), current);
        for (ShapesVersion version : archived) {
            if (ShapesVersion.ORDER.compare(version.number(), current.number()) >= 0)
                throw new IllegalStateException("archived shapes version " + version + " is not older than the current " + current);
            versions.put(version.number(), version);
        }
    }

    /**
     * The packaged shapes: their texts from the jar, the code lists from {@code codeLists} (the
     * archived versions' code lists are the current ones: see shapes/versies/README.md).
     */
    public static ModelVersions load(Graph codeLists) {
        Map<String, String> current = new TreeMap<>();
        Map<String, Map<String, String>> archived = new TreeMap<>(ShapesVersion.ORDER);
        ModelFiles.texts("/model/shapes").forEach((path, text) -> {
            String[] parts = path.split("/");
            if (parts.length == 1)
                current.put(documentType(parts[0]), text);
            else if (parts.length == 3 && parts[0].equals(ModelFiles.ARCHIVE) && ShapesVersion.isNumber(parts[1]))
                archived.computeIfAbsent(parts[1], v -> new HashMap<>()).put(documentType(parts[2]), text);
            else
                throw new IllegalStateException("shapes file outside the layout of docs/versioning.md: " + path);
        });
        List<String> numbers = current.values().stream().map(text -> {
            Graph graph = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
            org.apache.jena.riot.RDFParser.fromString(text, org.apache.jena.riot.Lang.TURTLE).parse(graph);
            return String.valueOf(ShapesVersion.declaredVersion(graph));
        }).distinct().toList();
        if (numbers.size() != 1)
            throw new IllegalStateException("the current shapes files must all name one version (owl:versionInfo), not " + numbers);
        List<ShapesVersion> old = new ArrayList<>();
        archived.forEach((number, texts) -> old.add(new ShapesVersion(number, texts, codeLists)));
        return new ModelVersions(new ShapesVersion(numbers.get(0), current, codeLists), old);
    }

    private static String documentType(String fileName) {
        return fileName.substring(0, fileName.length() - ".ttl".length());
    }

    /** The version the hub validates with. */
    public ShapesVersion current() {
        return current;
    }

    public Optional<ShapesVersion> find(String number) {
        return Optional.ofNullable(ShapesVersion.isNumber(number) ? versions.get(number) : null);
    }

    /** Every published version, oldest first. */
    public List<ShapesVersion> all() {
        return List.copyOf(versions.values());
    }

    /** The version before {@code version}, if one is published. */
    public Optional<ShapesVersion> before(ShapesVersion version) {
        return Optional.ofNullable(versions.lowerEntry(version.number())).map(Map.Entry::getValue);
    }
}
