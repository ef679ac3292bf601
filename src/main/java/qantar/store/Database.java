package qantar.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The SQLite file behind everything that changes: corpus with revisions, answers, later users and
 * updates. Opens in WAL mode and brings the schema up to date with numbered migrations.
 */
public final class Database implements AutoCloseable {
    /** Migrations in order; each runs once, in its own transaction, recorded in schema_version. */
    private static final List<String> MIGRATIONS = List.of("V1__corpus.sql", "V2__telegram.sql", "V3__moderation.sql", "V4__question_log.sql",
            "V5__feedback_without_users.sql", "V6__answer_form.sql", "V7__delivery_privacy.sql", "V8__console.sql",
            "V9__reporter_keys.sql", "V10__one_vote.sql", "V11__vectors.sql");

    private final Path file;
    private final Connection connection;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public static Database open(Path dataDir) {
        Path file = dataDir.resolve("qantar.db");
        try {
            Files.createDirectories(dataDir);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("PRAGMA synchronous=NORMAL");
            }
            Database db = new Database(file, c);
            db.migrate();
            return db;
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    public Connection connection() {
        return connection;
    }

    public Path file() {
        return file;
    }

    private void migrate() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        }
        int current = 0;
        try (var rs = connection.createStatement().executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            current = rs.getInt(1);
        }
        if (current > MIGRATIONS.size()) {
            throw new StoreException("the database " + file + " has schema version " + current
                    + ", newer than this program knows (" + MIGRATIONS.size() + ")", null);
        }
        for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
            String name = MIGRATIONS.get(v - 1);
            int version = v;
            inTransaction(() -> {
                try (Statement s = connection.createStatement()) {
                    for (String sql : load(name).split(";\\s*\\n")) {
                        if (!sql.isBlank()) {
                            s.execute(sql);
                        }
                    }
                }
                try (var ps = connection.prepareStatement("INSERT INTO schema_version VALUES (?, ?, ?)")) {
                    ps.setInt(1, version);
                    ps.setString(2, name);
                    ps.setString(3, Instant.now().toString());
                    ps.executeUpdate();
                }
                return null;
            });
        }
    }

    private static String load(String name) {
        try (InputStream in = Database.class.getResourceAsStream("/db/" + name)) {
            if (in == null) {
                throw new StoreException("missing migration " + name, null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read migration " + name, e);
        }
    }

    public interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs work in one transaction: all of it is committed, or none of it. */
    public synchronized <T> T inTransaction(Work<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run();
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    /** Runs a read or a single statement outside an explicit transaction. */
    public synchronized <T> T query(Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing is best effort: the WAL is checkpointed by the next open
        }
    }
}
