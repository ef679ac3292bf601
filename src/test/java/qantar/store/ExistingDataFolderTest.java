package qantar.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A SQLite data folder made by the program before PostgreSQL support opens with everything in it. */
class ExistingDataFolderTest {
    @TempDir
    Path tmp;

    @Test
    void aVersion11DatabaseOpensUnchangedAndKeepsCountingIds() throws Exception {
        // the schema exactly as the earlier program left it: the eleven migration files, recorded in schema_version
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("qantar.db")); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            String[] names = {"V1__corpus.sql", "V2__telegram.sql", "V3__moderation.sql", "V4__question_log.sql", "V5__feedback_without_users.sql",
                "V6__answer_form.sql", "V7__delivery_privacy.sql", "V8__console.sql", "V9__reporter_keys.sql", "V10__one_vote.sql", "V11__vectors.sql"};
            for (int v = 1; v <= names.length; v++) {
                for (String sql : resource("/db/" + names[v - 1]).split(";\\s*\\n")) {
                    if (!sql.isBlank()) {
                        s.execute(sql);
                    }
                }
                s.execute("INSERT INTO schema_version VALUES (" + v + ", '" + names[v - 1] + "', '2026-11-01T00:00:00Z')");
            }
            s.execute("INSERT INTO mod_audit (at, actor, action, target, outcome, detail) VALUES ('2026-11-01T00:00:00Z', 7, 'grant', '8', 'ok', NULL)");
            s.execute("INSERT INTO tg_updates (update_id, data, received_at) VALUES (9000000001, '{}', '2026-11-01T00:00:00Z')");
            s.execute("INSERT INTO vectors (model, text_hash, vector) VALUES ('m', 'h', X'0000803F')");
        }

        try (Database db = Database.open(tmp, Database.Location.sqlite(tmp))) {
            assertThat(db.dialect()).isEqualTo(Dialect.SQLITE);
            int version = db.query(() -> Sql.one(db.connection(), "SELECT MAX(version) FROM schema_version", rs -> rs.getInt(1)));
            assertThat(version).isEqualTo(Migrations.SHIPPED.count());
            // the eleven applied before checksums existed get theirs from the shipped text
            var checksums = db.query(() -> Sql.list(db.connection(), "SELECT checksum FROM schema_version ORDER BY version", rs -> rs.getString(1)));
            assertThat(checksums).hasSize(Migrations.SHIPPED.count()).doesNotContainNull().startsWith(Migrations.SHIPPED.checksum(1));
            long next = db.inTransaction(() -> Sql.insert(db.connection(),
                    "INSERT INTO mod_audit (at, actor, action, target, outcome, detail) VALUES (?, ?, ?, ?, ?, ?)", "2026-12-01T00:00:00Z", 7L, "revoke", "8", "ok", null));
            assertThat(next).isEqualTo(2);
            long update = db.query(() -> Sql.one(db.connection(), "SELECT MAX(update_id) FROM tg_updates", rs -> rs.getLong(1)));
            assertThat(update).isEqualTo(9000000001L);
            assertThat(new VectorStore(db).get("m", java.util.List.of("h")).get("h")).containsExactly(1.0f);
        }
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = ExistingDataFolderTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
