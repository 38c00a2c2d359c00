package be.kohub.access;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

import be.kohub.vocab.KO;

/**
 * Who is calling: a system with a role and the organiser or counter it stands for.
 *
 * @param name the system's code, also its identity as a source of documents
 * @param organisator for {@code ko}: the organiser's KBO number
 * @param loket for {@code llko}: the counter's NIS code
 * @param werkingsgebied for {@code llko}: NIS codes of its service area
 */
public record Client(String name, Role role, String organisator, String loket, List<String> werkingsgebied) {
    public static final Client PUBLIC = new Client("publiek", Role.PUBLIEK, null, null, List.of());

    /** The system as a source of documents: the creator of its identifiers. */
    public Node system() {
        return NodeFactory.createURI(KO.SYSTEM_PREFIX + name);
    }
}
