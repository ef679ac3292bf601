package qantar.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qantar.testing.EmbeddedPostgresServer;

/** On PostgreSQL one process at a time holds the consumer lock; when it dies, a waiting one takes over. */
class ConsumerLockTest {
    @TempDir
    Path tmp;

    /** Run in another JVM: holds the lock until killed. */
    public static void main(String[] args) throws Exception {
        ConsumerLock.tryAcquire(new Database.Location(args[0], args[1], args[2])).orElseThrow();
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(60_000);
    }

    @Test
    void aSecondInstanceWaitsAndTakesOverWhenTheHoldersProcessIsKilled() throws Exception {
        Database.Location where = EmbeddedPostgresServer.locationFor(tmp);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ConsumerLockTest.class.getName(),
                where.url(), where.user(), where.password()).redirectErrorStream(true).start();
        try {
            assertThat(new BufferedReader(new InputStreamReader(holder.getInputStream())).readLine()).isEqualTo("locked");
            assertThat(ConsumerLock.tryAcquire(where)).isEmpty();
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // kill -9: no chance to release anything
            boolean[] waited = {false};
            try (ConsumerLock mine = ConsumerLock.await(where, Duration.ofMillis(100), () -> waited[0] = true)) {
                assertThat(mine.held()).isTrue();
                assertThat(ConsumerLock.tryAcquire(where)).isEmpty();
            }
            assertThat(ConsumerLock.tryAcquire(where)).hasValueSatisfying(ConsumerLock::close);
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aHolderWhoseConnectionDiedKnowsItNoLongerHoldsTheLock() throws Exception {
        Database.Location where = EmbeddedPostgresServer.locationFor(tmp);
        try (ConsumerLock lock = ConsumerLock.tryAcquire(where).orElseThrow();
             var c = java.sql.DriverManager.getConnection(EmbeddedPostgresServer.url());
             var s = c.createStatement()) {
            assertThat(lock.held()).isTrue();
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()");
            assertThat(lock.held()).isFalse();
            assertThat(ConsumerLock.tryAcquire(where)).hasValueSatisfying(ConsumerLock::close);
        }
    }
}
