package be.kohub.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import be.kohub.RunningHub;

/**
 * Erasing a child keeps every published figure: on the hand-built dataset every child is erased
 * in turn, and after each erasure every report of verwacht.json (and the trend) answers exactly
 * what it answered before, the stored facts still equal a full recomputation, and no fact names
 * an erased child or its birth date.
 */
class ErasureKeepsFiguresTest {
    private static final String ANALYST = RunningHub.key("opgroeien-analist");

    @Test
    void everyReportIsIdenticalAfterEachChildIsErased() {
        MutableClock clock = new MutableClock();
        try (RunningHub hub = RunningHub.start(b -> b.clock(clock))) {
            HandBuiltDataset data = HandBuiltDataset.play(hub, clock);
            Map<String, String> before = figures(hub);
            clock.set(Instant.parse("2026-01-20T10:00:00Z"));
            List<String> children = new ArrayList<>();
            for (JsonNode step : HandBuiltDataset.resource("handwerk.json").get("stappen"))
                if (step.has("kindcode"))
                    children.add(step.get("kindcode").asText());
            for (String child : children) {
                String code = data.childCode(child);
                HttpResponse<String> erased = hub.delete("/kinderen/" + code, RunningHub.key("opgroeien"), Map.of());
                assertEquals(200, erased.statusCode(), child + ": " + erased.body());
                assertEquals(before, figures(hub), "figures after erasing child " + child);
                Map<String, String> stored = hub.hub.store().read(FactsKeeper::stored).stream()
                        .collect(Collectors.toMap(f -> f.iri, StoredFact::write, (a, b) -> a, TreeMap::new));
                assertEquals(hub.hub.store().read(FactsReader::read).stream()
                        .collect(Collectors.toMap(f -> f.iri, StoredFact::write, (a, b) -> a, TreeMap::new)), stored);
                stored.values().forEach(fact -> assertFalse(fact.contains(code), fact));
            }
        }
    }

    /** Every report of verwacht.json, as the analyst gets it in JSON on the story's reference date. */
    private static Map<String, String> figures(RunningHub hub) {
        Map<String, String> figures = new LinkedHashMap<>();
        for (JsonNode report : HandBuiltDataset.resource("verwacht.json").get("rapporten")) {
            String path = report.get("pad").asText() + "&peildatum=" + HandBuiltDataset.AS_OF;
            HttpResponse<String> response = hub.getAs(path, ANALYST, "application/json");
            assertEquals(200, response.statusCode(), path + " " + response.body());
            figures.put(path, RunningHub.json(response).get("rijen").toString());
        }
        return figures;
    }
}
