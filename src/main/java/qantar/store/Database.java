package qantar.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import qantar.config.Locations;

/**
 * The database behind everything that changes: corpus with revisions, answers, users and updates.
 * SQLite in the data folder (WAL mode) by default; the PostgreSQL server named by
 * QANTAR_DATABASE_URL (with QANTAR_DATABASE_USER and QANTAR_DATABASE_PASSWORD) instead when set.
 * Either way one list of numbered migrations brings the schema up to date ({@link Migrations}, {@link Dialect}).
 */
public final class Database implements AutoCloseable {
    /**
     * Where the database is: a JDBC URL with its credentials (none for SQLite), and how long a SQLite
     * call waits for another connection's write lock before it fails ({@link #BUSY_TIMEOUT}; the
     * delivery paths then retry it). PostgreSQL waits for locks as long as it takes.
     */
    public record Location(String url, String user, String password, Duration busyTimeout) {
        /** SQLite's wait for a lock in production; tests of a held lock pass a shorter one ({@link #withBusyTimeout}). */
        public static final Duration BUSY_TIMEOUT = Duration.ofSeconds(5);

        public Location(String url, String user, String password) {
            this(url, user, password, BUSY_TIMEOUT);
        }

        public Location withBusyTimeout(Duration timeout) {
            return new Location(url, user, password, timeout);
        }

        /** QANTAR_DATABASE_URL (+ _USER, _PASSWORD) when set, else qantar.db in the data folder. */
        public static Location of(Path dataDir) {
            String url = Locations.setting("QANTAR_DATABASE_URL");
            if (url == null || url.isBlank()) {
                return sqlite(dataDir);
            }
            return new Location(url.strip(), Locations.setting("QANTAR_DATABASE_USER"), Locations.setting("QANTAR_DATABASE_PASSWORD"));
        }

        public static Location sqlite(Path dataDir) {
            return new Location("jdbc:sqlite:" + dataDir.resolve("qantar.db"), null, null);
        }

        /** The user and password as JDBC connection properties (none given: the driver's defaults). */
        public java.util.Properties credentials() {
            java.util.Properties p = new java.util.Properties();
            if (user != null && !user.isBlank()) {
                p.setProperty("user", user);
            }
            if (password != null) {
                p.setProperty("password", password);
            }
            return p;
        }

        /** The URL without credentials, for messages. */
        String shown() {
            return url.replaceAll("//[^/@]*@", "//…@").replaceAll("(?i)password=[^&]*", "password=…");
        }

        @Override
        public String toString() {
            return shown();
        }
    }

    private final Path dataDir;
    private final Location location;
    private final Dialect dialect;
    private Connection connection;

    private Database(Path dataDir, Location location, Connection connection) {
        this.dataDir = dataDir;
        this.location = location;
        this.dialect = Dialect.of(location.url());
        this.connection = connection;
    }

    /** The database for this data folder: see {@link Location#of}. */
    public static Database open(Path dataDir) {
        return open(dataDir, Location.of(dataDir));
    }

    public static Database open(Path dataDir, Location location) {
        return open(dataDir, location, Migrations.SHIPPED);
    }

    /** With another list of migrations: for the tests of migrating itself. */
    static Database open(Path dataDir, Location location, Migrations migrations) {
        Dialect dialect = Dialect.of(location.url());
        try {
            Files.createDirectories(dataDir);
            Database db = new Database(dataDir, location, connect(location, dialect));
            try {
                migrations.apply(db, location.shown());
            } catch (SQLException | RuntimeException e) {
                db.close();
                throw e;
            }
            return db;
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot open the database " + location.shown() + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(Location location, Dialect dialect) throws SQLException {
        Connection c = DriverManager.getConnection(location.url(), location.credentials());
        try {
            dialect.configure(c, location.busyTimeout());
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    public synchronized Connection connection() {
        return connection;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The data folder: the SQLite file when no server is named, and always the index and the key file. */
    public Path dataDir() {
        return dataDir;
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
                rollbackQuietly();
                throw e;
            } finally {
                autoCommitAgain();
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Runs a read or a single statement outside an explicit transaction. */
    public synchronized <T> T query(Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private boolean closed() {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private void autoCommitAgain() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the connection broke: the next call fails on it and gets a new one
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // a lost connection rolled the transaction back already
        }
    }

    /**
     * The error to throw. A lost server connection is replaced by a new one for the next call; the
     * work that failed is not run again here, since a commit may have reached the server before
     * the connection broke.
     */
    private StoreException failed(SQLException e) {
        if (dialect.connectionLost(e) || closed()) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it is gone either way
            }
            try {
                connection = connect(location, dialect);
            } catch (SQLException again) {
                e.addSuppressed(again); // still down: the next call tries again
            }
        }
        return new StoreException("database error: " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing is best effort: the WAL is checkpointed by the next open
        }
    }
}
