package qantar.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qantar.testing.EmbeddedPostgresServer;

/** QANTAR_DATABASE_URL chooses the store; without it, SQLite in the data folder as before. */
class DatabaseLocationTest {
    private static final String[] VARIABLES = {"QANTAR_DATABASE_URL", "QANTAR_DATABASE_USER", "QANTAR_DATABASE_PASSWORD"};

    @TempDir
    Path tmp;

    @AfterEach
    void clear() {
        for (String v : VARIABLES) {
            System.clearProperty(v);
        }
    }

    @Test
    void withoutAUrlTheStoreIsSqliteInTheDataFolder() {
        try (Database db = Database.open(tmp)) {
            assertThat(db.dialect()).isEqualTo(Dialect.SQLITE);
        }
        assertThat(tmp.resolve("qantar.db")).exists();
    }

    @Test
    void aPostgresqlUrlPutsEverythingOnTheServerAndNothingInTheFolder() throws Exception {
        Database.Location pg = EmbeddedPostgresServer.locationFor(tmp);
        System.setProperty("QANTAR_DATABASE_URL", pg.url());
        System.setProperty("QANTAR_DATABASE_USER", pg.user());
        System.setProperty("QANTAR_DATABASE_PASSWORD", pg.password());
        try (Database db = Database.open(tmp)) {
            assertThat(db.dialect()).isEqualTo(Dialect.POSTGRESQL);
            db.inTransaction(() -> Sql.exec(db.connection(), "INSERT INTO meta (key, value) VALUES ('k', 'v')"));
        }
        assertThat(tmp.resolve("qantar.db")).doesNotExist();
        try (var c = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
             var rs = c.createStatement().executeQuery("SELECT value FROM meta WHERE key = 'k'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("v");
        }
    }

    @Test
    void anotherKindOfUrlIsRefusedWithoutShowingItsPassword() {
        System.setProperty("QANTAR_DATABASE_URL", "jdbc:mysql://bot:hunter2@db.example.org/qantar");
        assertThatThrownBy(() -> Database.open(tmp)).isInstanceOf(StoreException.class)
                .hasMessageContaining("QANTAR_DATABASE_URL must start with jdbc:postgresql://")
                .hasMessageNotContaining("hunter2");
        assertThat(Files.exists(tmp.resolve("qantar.db"))).isFalse();
    }

    @Test
    void aLostServerConnectionFailsOneCallAndTheNextGetsANewOne() throws Exception {
        try (Database db = Database.open(tmp, EmbeddedPostgresServer.locationFor(tmp))) {
            int pid = db.query(() -> Sql.one(db.connection(), "SELECT pg_backend_pid()", rs -> rs.getInt(1)));
            try (var c = DriverManager.getConnection(EmbeddedPostgresServer.url());
                 var rs = c.createStatement().executeQuery("SELECT pg_terminate_backend(" + pid + ")")) {
                assertThat(rs.next()).isTrue();
            }
            assertThatThrownBy(() -> db.query(() -> Sql.one(db.connection(), "SELECT 1", rs -> rs.getInt(1))))
                    .isInstanceOf(StoreException.class);
            int versions = db.query(() -> Sql.one(db.connection(), "SELECT COUNT(*) FROM schema_version", rs -> rs.getInt(1)));
            assertThat(versions).isEqualTo(Migrations.SHIPPED.count());
            int again = db.query(() -> Sql.one(db.connection(), "SELECT pg_backend_pid()", rs -> rs.getInt(1)));
            assertThat(again).isNotEqualTo(pid);
        }
    }
}
