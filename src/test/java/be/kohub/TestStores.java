package be.kohub;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.tdb2.DatabaseMgr;

import be.kohub.store.Store;
import be.kohub.store.Tdb2Store;
import be.kohub.store.remote.RemoteStore;

/**
 * Which store the tests' hubs run on: the embedded TDB2 store, or, with
 * {@code -Dkohub.test.store=fuseki} (the build's second test run), a real Fuseki server started
 * here on a free port with its own TDB2 database, reached over HTTP through {@link RemoteStore}.
 * A test directory keeps its Fuseki server across hub restarts, as a database outlives the hub.
 */
public final class TestStores {
    private static final Map<Path, FusekiServer> SERVERS = new ConcurrentHashMap<>();

    private TestStores() {}

    public static boolean remote() {
        return "fuseki".equals(System.getProperty("kohub.test.store"));
    }

    /** The store of a test directory: TDB2 in it, or a Fuseki server whose database is in it. */
    public static Store open(Path dir) {
        if (!remote())
            return Tdb2Store.at(dir);
        FusekiServer server = SERVERS.computeIfAbsent(dir, TestStores::fuseki);
        return RemoteStore.at("http://localhost:" + server.getPort() + "/ds", null, null);
    }

    /** Stops the Fuseki server of a test directory, if it has one (before the directory goes). */
    public static void release(Path dir) {
        FusekiServer server = SERVERS.remove(dir);
        if (server != null)
            server.stop();
    }

    /** A Fuseki server on a free port serving a TDB2 database in {@code dir} at {@code /ds}, updates allowed. */
    public static FusekiServer fuseki(Path dir) {
        return FusekiServer.create().port(0).loopback(true)
                .add("/ds", DatabaseMgr.connectDatasetGraph(dir.resolve("fuseki").toString()), true)
                .build().start();
    }
}
