package qantar.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The numbered schema migrations, in order, and the checksum of each one's text. Our own list
 * rather than Flyway: one list serves both engines through {@link Dialect#ddl}, which Flyway would
 * need a copy of each file per engine for, and it costs no dependency. The checksum is taken of the
 * text as written (SQLite's types, line ends folded), so both engines record the same one.
 *
 * @param names the migration files under /db/, V1 first
 * @param text  reads a migration's text by name
 */
record Migrations(List<String> names, Function<String, String> text) {
    /** The migrations this program ships. */
    static final Migrations SHIPPED = new Migrations(List.of("V1__corpus.sql", "V2__telegram.sql", "V3__moderation.sql",
            "V4__question_log.sql", "V5__feedback_without_users.sql", "V6__answer_form.sql", "V7__delivery_privacy.sql",
            "V8__console.sql", "V9__reporter_keys.sql", "V10__one_vote.sql", "V11__vectors.sql", "V12__migration_checksums.sql"),
            Migrations::resource);

    /** The migration that adds schema_version.checksum: from it on, checksums are recorded and checked. */
    private static final String CHECKSUMS = "V12__migration_checksums.sql";

    int count() {
        return names.size();
    }

    String name(int version) {
        return names.get(version - 1);
    }

    String checksum(int version) {
        return Sha256.hex(text.apply(name(version)).replace("\r\n", "\n"));
    }

    /** Whether a database at this schema version has the checksum column. */
    boolean checksummed(int schemaVersion) {
        int adds = names.indexOf(CHECKSUMS) + 1;
        return adds > 0 && schemaVersion >= adds;
    }

    /**
     * Brings the schema up to date: each migration runs once, in its own transaction, recorded in
     * schema_version with the checksum of its text; a database whose applied migrations were
     * edited since is refused before anything runs.
     */
    void apply(Database db, String database) throws SQLException {
        Connection connection = db.connection();
        Dialect dialect = db.dialect();
        try (Statement s = connection.createStatement()) {
            s.execute(dialect.ddl("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"));
        }
        int known = count();
        if (schemaVersion(connection) > known) {
            throw new StoreException("the database " + database + " has schema version " + schemaVersion(connection)
                    + ", newer than this program knows (" + known + ")", null);
        }
        if (checksummed(schemaVersion(connection))) {
            verify(connection, database);
        }
        for (int v = schemaVersion(connection) + 1; v <= known; v++) {
            String name = name(v);
            int version = v;
            db.inTransaction(() -> {
                dialect.lockMigrations(connection);
                if (schemaVersion(connection) >= version) {
                    return null; // applied before, or by another instance while this one waited
                }
                try (Statement s = connection.createStatement()) {
                    for (String sql : dialect.ddl(text.apply(name)).split(";\\s*\\n")) {
                        if (!sql.isBlank()) {
                            s.execute(sql);
                        }
                    }
                }
                Sql.exec(connection, "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)", version, name, Instant.now().toString());
                if (checksummed(version)) {
                    record(connection, version);
                }
                return null;
            });
        }
    }

    private static int schemaVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); var rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * Refuses a database one of whose applied migrations has another text now: the schema it
     * describes is not the schema the database has. Rows without a checksum are left to {@link #record}.
     */
    void verify(Connection c, String database) throws SQLException {
        record Applied(int version, String checksum) {
        }
        List<Applied> applied = Sql.list(c, "SELECT version, checksum FROM schema_version WHERE checksum IS NOT NULL AND version <= ? ORDER BY version",
                rs -> new Applied(rs.getInt(1), rs.getString(2)), count());
        for (Applied a : applied) {
            String now = checksum(a.version());
            if (!now.equals(a.checksum())) {
                throw new StoreException("the migration " + name(a.version()) + " was changed after it was applied to the database "
                        + database + " (checksum then " + a.checksum().substring(0, 12) + "…, now " + now.substring(0, 12)
                        + "…): restore its text and put the change in a new migration", null);
            }
        }
    }

    /** Records the checksum of every applied migration that has none yet (those applied before V12). */
    void record(Connection c, int schemaVersion) throws SQLException {
        for (int v = 1; v <= schemaVersion; v++) {
            Sql.exec(c, "UPDATE schema_version SET checksum = ? WHERE version = ? AND checksum IS NULL", checksum(v), v);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/" + name)) {
            if (in == null) {
                throw new StoreException("missing migration " + name, null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read migration " + name, e);
        }
    }
}
