package be.kohub.feeds;

import static be.kohub.RunningHub.json;
import static be.kohub.RunningHub.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.modify.request.Target;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

import be.kohub.RunningHub;
import be.kohub.report.MutableClock;
import be.kohub.requests.StoryFixtures;
import be.kohub.vocab.KO;
import be.kohub.vocab.LDES;
import be.kohub.vocab.OSLO;

/** The change feeds through the real HTTP API on a real TDB2 store (docs/feeds.md). */
class FeedTest {
    private static final String BEHEER = key("opgroeien");

    @Test
    void theLocationFeedHoldsEveryVersionOnPagesThatCloseAndCache() {
        try (RunningHub hub = RunningHub.start(b -> b.feedPageSize(3))) {
            Map<String, String> locations = hub.loadSampleLocations();
            String changed = locations.get("gent-kdv-de-knuffelboom");
            repostRenamed(hub, "gent-kdv-de-knuffelboom", "De Knuffelboom, vernieuwd");
            String withdrawn = locations.get("brugge-kdv-de-reiger");
            assertEquals(204, hub.delete(path(withdrawn), BEHEER, Map.of("If-Match", "\"v1\"")).statusCode());

            DatasetGraph stream = FeedWalk.get(hub, "/ldes/locaties", null).data();
            Node streamIri = NodeFactory.createURI(hub.hub.base() + "/ldes/locaties");
            assertTrue(stream.getDefaultGraph().contains(streamIri, RDF.type.asNode(), LDES.EventStream));
            assertTrue(stream.getDefaultGraph().contains(streamIri, LDES.view, NodeFactory.createURI(hub.hub.base() + "/ldes/locaties/wortel")));
            for (String p : List.of("timestampPath", "versionOfPath"))
                assertTrue(stream.getDefaultGraph().contains(streamIri, NodeFactory.createURI(LDES.NS + p), Node.ANY), p);
            Node shape = stream.getDefaultGraph().find(streamIri, NodeFactory.createURI(LDES.TREE + "shape"), Node.ANY).next().getObject();
            assertTrue(stream.getDefaultGraph().contains(shape, RDF.type.asNode(), NodeFactory.createURI("http://www.w3.org/ns/shacl#NodeShape")));

            FeedWalk walk = FeedWalk.of(hub, "locaties", null);
            assertEquals(locations.size() + 2, walk.members.size());
            for (String location : locations.values()) {
                List<Node> versions = walk.versionsOf(location);
                Node latest = versions.get(versions.size() - 1);
                Graph stored = hub.hub.store().read(tx -> tx.graph(NodeFactory.createURI(location)));
                if (location.equals(withdrawn)) {
                    assertEquals(LDES.Delete, walk.value(latest, RDF.type.asNode()));
                    assertTrue(walk.content(latest).isEmpty(), "a tombstone carries no sheet");
                } else
                    assertTrue(walk.content(latest).isIsomorphicWith(stored), "the newest version of " + location + " is the stored sheet");
            }
            List<Node> versions = walk.versionsOf(changed);
            assertEquals(2, versions.size());
            assertEquals(LDES.Create, walk.value(versions.get(0), RDF.type.asNode()));
            assertEquals(LDES.Update, walk.value(versions.get(1), RDF.type.asNode()));
            assertFalse(graphText(walk.content(versions.get(0))).contains("vernieuwd"), "version 1 keeps the sheet as it was");
            assertTrue(graphText(walk.content(versions.get(1))).contains("vernieuwd"));

            // full pages never change and say so; the two newest may still change
            List<FeedWalk.Page> pages = walk.pages;
            for (int i = 0; i < pages.size(); i++) {
                boolean settled = i < pages.size() - 2;
                assertEquals(settled, pages.get(i).immutable(), pages.get(i).path() + ": " + pages.get(i).response().headers().map());
                if (!settled)
                    assertTrue(pages.get(i).response().headers().firstValue("Cache-Control").orElseThrow().contains("max-age=5"));
                assertEquals("Accept", pages.get(i).response().headers().firstValue("Vary").orElseThrow());
            }
            String etag = pages.get(0).response().headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = hub.get(pages.get(0).path(), "application/trig", Map.of("If-None-Match", etag));
            assertEquals(304, again.statusCode());
            assertEquals("", again.body());

            // the same page in every format it is offered in; triple-only formats cannot carry the members' graphs
            DatasetGraph trig = pages.get(0).data();
            for (String format : List.of("application/ld+json", "application/n-quads")) {
                HttpResponse<String> other = hub.get(pages.get(0).path(), format);
                assertEquals(200, other.statusCode(), other.body());
                DatasetGraph parsed = DatasetGraphFactory.createGeneral();
                RDFParser.fromString(other.body()).lang(format.endsWith("json") ? Lang.JSONLD : Lang.NQUADS).parse(parsed);
                assertTrue(org.apache.jena.sparql.util.IsoMatcher.isomorphic(trig, parsed), format);
                assertFalse(etag.equals(other.headers().firstValue("ETag").orElseThrow()), "an ETag per representation");
            }
            assertEquals(406, hub.get(pages.get(0).path(), "text/turtle").statusCode());
            assertEquals(404, hub.get("/ldes/locaties/pagina/999", null).statusCode());
            assertEquals(404, hub.get("/ldes/locaties/pagina/x1", null).statusCode());
        }
    }

    @Test
    void aChangeIsOnTheNewestPageWhenItsAnswerArrives() {
        try (RunningHub hub = RunningHub.start(b -> b.feedPageSize(4))) {
            Map<String, String> locations = hub.loadSampleLocations();
            String location = locations.get("gent-kdv-de-knuffelboom");
            for (int version = 2; version <= 12; version++) {
                repostRenamed(hub, "gent-kdv-de-knuffelboom", "De Knuffelboom " + version);
                Node member = NodeFactory.createURI(location + "/versie/" + version);
                FeedWalk.Page newest = newest(hub, "locaties", null);
                assertTrue(newest.data().getDefaultGraph().contains(Node.ANY, LDES.member, member), "version " + version + " at once");
                assertTrue(graphText(newest.data().getGraph(member)).contains("De Knuffelboom " + version));
            }
        }
    }

    @Test
    void theRequestFeedTellsEachCounterOfItsOwnRequestsTheirCancellationAndTheirErasure() {
        try (RunningHub hub = RunningHub.start(b -> b.feedPageSize(5))) {
            StoryFixtures fixtures = new StoryFixtures(hub);
            String child = fixtures.child();
            String gent = fixtures.request("llko-gent", child, d -> {}).get("id").asText();
            String hasselt = fixtures.request("llko-hasselt", child, d -> fixtures.atKuringen(d, "71072", false, "Vermeulen-Feed")).get("id").asText();
            HttpResponse<String> assigned = fixtures.assignment("ko-kinderkorf-limburg", child, d -> d.put("aanvraag", hasselt));
            assertEquals(201, assigned.statusCode(), assigned.body());
            String assignment = json(assigned).get("id").asText();
            assertEquals("geannuleerd", fixtures.status(gent));

            FeedWalk asGent = FeedWalk.of(hub, "aanvragen", key("llko-gent"));
            List<Node> gentVersions = asGent.versionsOf(gent);
            Node cancelled = gentVersions.get(gentVersions.size() - 1);
            assertTrue(asGent.value(cancelled, OSLO.ADMS_STATUS).getURI().endsWith("/geannuleerd"), "the counter hears of the cancellation");
            assertEquals(NodeFactory.createURI(assignment), asGent.value(cancelled, KO.veroorzaaktDoor));
            assertEquals("status", asGent.value(cancelled, KO.bewerking).getLiteralLexicalForm());
            assertTrue(asGent.versionsOf(hasselt).isEmpty(), "another counter's request without consent stays hidden");
            FeedWalk asHasselt = FeedWalk.of(hub, "aanvragen", key("llko-hasselt"));
            assertFalse(asHasselt.versionsOf(hasselt).isEmpty());
            assertTrue(asHasselt.versionsOf(gent).isEmpty());
            assertTrue(FeedWalk.of(hub, "aanvragen", key("ko-wolkje")).members.isEmpty());
            assertEquals(401, hub.get("/ldes/aanvragen/wortel", "application/trig").statusCode());
            FeedWalk asOrganiser = FeedWalk.of(hub, "toewijzingen", key("ko-kinderkorf-limburg"));
            assertEquals(LDES.Create, asOrganiser.value(asOrganiser.versionsOf(assignment).get(0), RDF.type.asNode()));
            assertTrue(FeedWalk.of(hub, "toewijzingen", key("ko-stad-gent")).versionsOf(assignment).isEmpty());
            // notices only: no names, no child code
            for (FeedWalk.Page page : asGent.pages)
                for (String personal : List.of(child, "Vermeulen-Feed", "El Amrani"))
                    assertFalse(page.response().body().contains(personal), personal + " in " + page.path());
            assertEquals("private, max-age=5", asGent.pages.get(asGent.pages.size() - 1).response().headers().firstValue("Cache-Control").orElseThrow());

            assertEquals(200, hub.delete("/kinderen/" + child, BEHEER, Map.of()).statusCode());
            FeedWalk afterErasure = FeedWalk.of(hub, "aanvragen", key("llko-gent"));
            List<Node> erased = afterErasure.versionsOf(gent);
            Node tombstone = erased.get(erased.size() - 1);
            assertEquals(LDES.Delete, afterErasure.value(tombstone, RDF.type.asNode()));
            assertEquals("gewist", afterErasure.value(tombstone, KO.bewerking).getLiteralLexicalForm());
        }
    }

    @Test
    void personalFeedsKeepMembersForTheirRetentionPeriodThenOldPagesAreGone() {
        MutableClock clock = new MutableClock();
        Instant start = Instant.now();
        clock.set(start);
        try (RunningHub hub = RunningHub.start(b -> b.clock(clock).feedPageSize(2).feedRetention(Duration.ofDays(30)))) {
            StoryFixtures fixtures = new StoryFixtures(hub);
            List<String> children = List.of(fixtures.child(), fixtures.child(), fixtures.child(), fixtures.child(), fixtures.child());
            String old = fixtures.request("llko-gent", children.get(0), d -> {}).get("id").asText();
            fixtures.request("llko-gent", children.get(1), d -> {});
            clock.set(start.plus(Duration.ofDays(45)));
            String recent = fixtures.request("llko-gent", children.get(2), d -> {}).get("id").asText();
            fixtures.request("llko-gent", children.get(3), d -> {});
            fixtures.request("llko-gent", children.get(4), d -> {});
            long locationMembers = FeedWalk.of(hub, "locaties", null).members.size();
            DatasetGraph root = FeedWalk.get(hub, "/ldes/aanvragen/wortel", BEHEER).data();
            assertTrue(root.getDefaultGraph().contains(Node.ANY, LDES.fullLogDuration,
                    NodeFactory.createLiteralDT("PT720H", org.apache.jena.datatypes.xsd.XSDDatatype.XSDduration)));

            HttpResponse<String> run = hub.post("/beheer/feeds/bewaartermijn", BEHEER, "application/json", "{}".getBytes());
            assertEquals(200, run.statusCode(), run.body());
            assertEquals("[1]", json(run).get("verwijderdePaginas").get("aanvragen").toString(), run.body());
            HttpResponse<String> gone = hub.get("/ldes/aanvragen/pagina/1", "application/trig", Map.of("X-API-Key", BEHEER));
            assertEquals(410, gone.statusCode(), gone.body());
            assertTrue(gone.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
            FeedWalk after = FeedWalk.of(hub, "aanvragen", BEHEER);
            assertEquals("/ldes/aanvragen/pagina/2", after.pages.get(0).path(), "the root leads to the oldest page kept");
            assertTrue(after.versionsOf(old).isEmpty());
            assertFalse(after.versionsOf(recent).isEmpty());
            assertEquals(3, after.members.size());
            assertEquals(locationMembers, FeedWalk.of(hub, "locaties", null).members.size(), "the public feed keeps everything");
        }
    }

    @Test
    void aHarvesterAskingTooFastGets429WithRetryAfter() {
        try (RunningHub hub = RunningHub.start(b -> b.feedRateLimit(1, 3))) {
            for (int i = 0; i < 3; i++)
                assertEquals(200, hub.get("/ldes/locaties/wortel", null).statusCode());
            HttpResponse<String> refused = hub.get("/ldes/locaties/wortel", null);
            assertEquals(429, refused.statusCode());
            assertTrue(refused.headers().firstValue("Retry-After").isPresent());
            assertTrue(refused.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
            assertEquals(200, hub.send("GET", "/ldes/locaties/wortel", BEHEER, null, null, Map.of()).statusCode(), "others are not held up");
        }
    }

    @Test
    void pagesSurviveARestartAndAStoreWithoutFeedsGetsThemFromTheEventLog() {
        RunningHub hub = RunningHub.start(b -> b.feedPageSize(2));
        try {
            Map<String, String> locations = hub.loadSampleLocations();
            repostRenamed(hub, "gent-kdv-de-knuffelboom", "Na herstart");
            Set<Node> before = FeedWalk.of(hub, "locaties", null).members.keySet();
            hub = hub.restart(b -> b.feedPageSize(2));
            assertEquals(before, FeedWalk.of(hub, "locaties", null).members.keySet());
            repostRenamed(hub, "gent-kdv-de-knuffelboom", "Na herstart 2");
            assertEquals(before.size() + 1, FeedWalk.of(hub, "locaties", null).members.size(), "numbering goes on after a restart");

            // a store from before the feeds: no feed graphs
            hub.hub.store().write(tx -> {
                UpdateRequest drop = new UpdateRequest();
                for (Feed feed : Feed.values())
                    drop.add(new UpdateDrop(Target.create(feed.graph()), true));
                tx.update(drop);
                return null;
            });
            hub = hub.restart(b -> b.feedPageSize(2));
            FeedWalk rebuilt = FeedWalk.of(hub, "locaties", null);
            assertEquals(locations.size(), rebuilt.members.size(), "one member per sheet: its current version");
            Node latest = NodeFactory.createURI(locations.get("gent-kdv-de-knuffelboom") + "/versie/3");
            assertTrue(graphText(rebuilt.content(latest)).contains("Na herstart 2"));
        } finally {
            hub.close();
        }
    }

    /** Posts a sample sheet again (same local id: a new version) with another name. */
    private static void repostRenamed(RunningHub hub, String file, String name) {
        try {
            ObjectNode sheet = (ObjectNode) RunningHub.JSON.readTree(Files.readString(RunningHub.SAMPLES.resolve("locaties/" + file + ".jsonld")));
            sheet.put("naam", name);
            HttpResponse<String> answer = hub.postJsonLd("/locaties", BEHEER, sheet.toString().getBytes());
            assertEquals(200, answer.statusCode(), answer.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The newest page: the last one the relations lead to. */
    private static FeedWalk.Page newest(RunningHub hub, String feed, String key) {
        List<FeedWalk.Page> pages = FeedWalk.of(hub, feed, key).pages;
        assertNotNull(pages);
        return pages.get(pages.size() - 1);
    }

    private static String path(String iri) {
        return iri.substring(iri.indexOf("/id/")).replace("/id/locatie/", "/locaties/");
    }

    private static String graphText(Graph graph) {
        StringBuilder text = new StringBuilder();
        graph.find().forEachRemaining(t -> text.append(t).append('\n'));
        return text.toString();
    }

}
