package be.kohub.requests;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import be.kohub.access.Client;
import be.kohub.access.Role;
import be.kohub.codes.KindCode;
import be.kohub.model.CodeLists;
import be.kohub.store.Queries;
import be.kohub.store.ReadTx;

/**
 * {@code GET /kinderen/{code}/aanvragen} (DESIGN.md §1): a counter that serves the child (it
 * registered one of the child's requests, or the family lives in or chose a location in its
 * service area) sees its own requests of the child, and in which other municipalities the child
 * has open requests with their status, only where the parent consented, never who registered
 * them, the people, or any other detail.
 */
public final class CrossCounterView {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CodeLists codes;

    public CrossCounterView(CodeLists codes) {
        this.codes = codes;
    }

    /** The answer, and the requests it tells something about (for the audit log). */
    public record Answer(ObjectNode body, List<Node> requests) {}

    public Answer of(ReadTx tx, Client client, KindCode code, Node child) {
        List<Binding> rows = tx.select(Queries.bind("requests/of-child.rq", Map.of("kind", child)));
        if (client.role() != Role.BEHEER && rows.stream().noneMatch(row -> serves(client, row)))
            throw new Rejected(ProblemType.GEEN_TOEGANG,
                    "Jouw loket bedient dit kind niet: het heeft geen aanvraag van jou, en woont noch zoekt opvang in jouw werkingsgebied.",
                    "Your counter does not serve this child: it has no request of yours, and neither lives nor seeks care in your service area.");
        ObjectNode answer = JSON.createObjectNode();
        answer.put("kindcode", code.value());
        ArrayNode own = answer.putArray("eigenAanvragen");
        ArrayNode elsewhere = answer.putArray("elders");
        List<Node> shown = new java.util.ArrayList<>();
        for (Binding row : rows) {
            Node status = row.get(Var.alloc("status"));
            if (own(client, row) || (codes.open(status) && consented(row)))
                shown.add(row.get(Var.alloc("aanvraag")));
            if (own(client, row)) {
                ObjectNode entry = own.addObject();
                entry.put("id", row.get(Var.alloc("aanvraag")).getURI());
                entry.put("status", codes.code(status));
                entry.put("gewensteStartdatum", row.get(Var.alloc("start")).getLiteralLexicalForm());
                municipalities(row).forEach(entry.putArray("gemeenten")::add);
            } else if (codes.open(status) && consented(row)) {
                ObjectNode entry = elsewhere.addObject();
                entry.put("status", codes.code(status));
                municipalities(row).forEach(entry.putArray("gemeenten")::add);
            }
        }
        return new Answer(answer, shown);
    }

    private static boolean consented(Binding row) {
        return row.get(Var.alloc("consent")).getLiteralLexicalForm().equals("true");
    }

    private static boolean own(Client client, Binding row) {
        Node loket = row.get(Var.alloc("loket"));
        return client.system().equals(row.get(Var.alloc("door")))
                || (client.loket() != null && loket != null && loket.getURI().endsWith("/" + client.loket()));
    }

    private static boolean serves(Client client, Binding row) {
        if (client.role() != Role.LLKO)
            return false;
        String residence = nis(row.get(Var.alloc("woonplaats")));
        return own(client, row) || client.werkingsgebied().contains(residence)
                || municipalities(row).stream().anyMatch(client.werkingsgebied()::contains);
    }

    private static List<String> municipalities(Binding row) {
        Node all = row.get(Var.alloc("gemeenten"));
        if (all == null || all.getLiteralLexicalForm().isBlank())
            return List.of();
        return java.util.Arrays.stream(all.getLiteralLexicalForm().split(" ")).map(iri -> iri.substring(iri.lastIndexOf('/') + 1)).sorted().toList();
    }

    private static String nis(Node municipality) {
        return municipality.getURI().substring(municipality.getURI().lastIndexOf('/') + 1);
    }
}
