package be.kohub.operations;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import be.kohub.Errors.ProblemType;
import be.kohub.Errors.Rejected;
import be.kohub.access.Action;
import be.kohub.access.Authenticator;
import be.kohub.store.Tdb2Store;

/**
 * {@code POST /beheer/backup}: a consistent backup of the serving hub's embedded store, streamed as
 * gzip N-Quads while writes go on ({@link StoreBackup}). TDB2 lets one process open a database, so
 * a backup of a running hub has to come through the hub; {@code kohub backup --hub URL} calls this
 * and checks the file it receives. A hub on a remote SPARQL store answers 409: back up that store.
 */
public final class BackupRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(BackupRoutes.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    public static final String MEDIA_TYPE = "application/gzip";
    private final Tdb2Store embedded;

    /** {@code embedded} null: the hub runs on a store it cannot back up itself. */
    public BackupRoutes(Tdb2Store embedded) {
        this.embedded = embedded;
    }

    public void register(RoutesConfig routes) {
        routes.post("/beheer/backup", this::backup, Action.BACKUP_MAKEN);
    }

    private void backup(Context ctx) throws IOException {
        if (embedded == null)
            throw new Rejected(ProblemType.CONFLICT, "Deze hub draait op een externe SPARQL-opslag: maak de back-up van die opslag.",
                    "This hub runs on a remote SPARQL store: back up that store.");
        String name = "kohub-backup-" + STAMP.format(Instant.now()) + ".nq.gz";
        ctx.status(200).contentType(MEDIA_TYPE).header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store");
        // Straight to the servlet's stream: the file is already compressed and may be large.
        OutputStream out = ctx.res().getOutputStream();
        try {
            StoreBackup.Summary summary = StoreBackup.write(embedded.dataset(), out);
            out.flush();
            LOG.info("backup of {} quads streamed to {} in {} ms", summary.quads(), Authenticator.client(ctx).name(), summary.millis());
        } catch (UncheckedIOException e) {
            // The caller went away, or the stream broke: the answer is cut short, which the client's check detects.
            LOG.warn("backup for {} broken off: {}", Authenticator.client(ctx).name(), e.getCause().toString());
        }
    }
}
