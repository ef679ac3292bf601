package qantar.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * Which process consumes Telegram's updates when the store is PostgreSQL: the one holding a
 * session-level advisory lock, on a connection of its own (so the store's reconnects never drop
 * it unnoticed). The server releases it when that connection dies, a {@code kill -9} included,
 * and a waiting instance takes it over. With SQLite the data folder's lock does this job.
 */
public final class ConsumerLock implements AutoCloseable {
    /** Any constant of ours, apart from the migrations' lock. */
    private static final long KEY = 0x51414E544247L; // "QANTBG"

    private final Connection connection;

    private ConsumerLock(Connection connection) {
        this.connection = connection;
    }

    /** The lock if no other process holds it now. */
    public static Optional<ConsumerLock> tryAcquire(Database.Location where) {
        Connection c = null;
        try {
            c = connect(where);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + KEY + ")")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return Optional.of(new ConsumerLock(c));
                }
            }
            c.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StoreException("cannot take the consumer lock on " + where + ": " + e.getMessage(), e);
        }
    }

    /** Waits for the lock, trying every {@code poll}; {@code waiting} runs once if another holds it. */
    public static ConsumerLock await(Database.Location where, Duration poll, Runnable waiting) throws InterruptedException {
        boolean told = false;
        while (true) {
            try {
                Optional<ConsumerLock> lock = tryAcquire(where);
                if (lock.isPresent()) {
                    return lock.get();
                }
            } catch (StoreException e) {
                // the server is unreachable for now: keep trying, as for a holder that is alive
            }
            if (!told) {
                waiting.run();
                told = true;
            }
            Thread.sleep(poll.toMillis());
        }
    }

    /** Whether this process still holds the lock: false once its connection died (another may hold it now). */
    public boolean held() {
        try {
            return connection.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        // Released before the session ends: the server ends a closed session's backend a moment after
        // the connection closes, and a successor trying at once would find the lock still held.
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT pg_advisory_unlock(" + KEY + ")");
        } catch (SQLException ignored) {
            // the session is gone, and the lock with it
        }
        closeQuietly(connection);
    }

    private static Connection connect(Database.Location where) throws SQLException {
        Properties p = where.credentials();
        // the server notices a silently vanished holder (a dead machine) by TCP keepalive
        p.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(where.url(), p);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // gone already
            }
        }
    }
}
