package qantar.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import qantar.answer.Question;
import qantar.app.Qantar;
import qantar.store.Database;
import qantar.store.Sql;
import qantar.testing.Engine;

/** Who reported an answer cannot be recovered from the database file alone. */
@ParameterizedClass
@EnumSource(Engine.class)
class ReporterPrivacyTest {
    @Parameter
    Engine engine;

    static final long CITIZEN = 4004;

    @TempDir
    Path tmp;

    private static List<String> column(Database db, String sql) {
        return db.query(() -> {
            List<String> out = new ArrayList<>();
            try (var rs = db.connection().createStatement().executeQuery(sql)) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    @Test
    void aReportersIdIsNotFoundByHashingEveryIdWithWhatTheDatabaseHolds() throws Exception {
        try (Qantar app = engine.app(tmp.resolve("data"))) {
            Moderation mod = Moderation.of(app.database(), app.corpusStore(), app.live()::corpus, Moderation.Settings.DEFAULTS, app.live()::reload);
            String answer = app.answers().answer(Question.of("How many people died in January 2022?")).id();
            mod.feedback().report(CITIZEN, answer, "wrong", null);
            mod.feedback().report(CITIZEN, answer, "still wrong", null);
            List<String> kept = column(app.database(), "SELECT user_hash FROM mod_reports");
            assertThat(kept).hasSize(2);
            assertThat(kept.get(0)).as("the same citizen is recognisable as the same").isEqualTo(kept.get(1));

            // an attacker with the file: every value stored in it tried as a salt, every id up to 10^5 hashed
            List<String> candidates = new ArrayList<>(column(app.database(), "SELECT value FROM mod_state"));
            candidates.add("");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String salt : candidates) {
                for (long id = 1; id <= 100_000; id++) {
                    String h = HexFormat.of().formatHex(sha.digest((salt + ":" + id).getBytes(StandardCharsets.UTF_8)));
                    assertThat(h).doesNotStartWith(kept.get(0));
                }
            }
            // the key lives outside the database, readable by its owner only
            Path key = tmp.resolve("data/secret.key");
            assertThat(Files.getPosixFilePermissions(key)).extracting(Object::toString).containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
            assertThat(Reports.hash(qantar.store.SecretKey.of(app.database()).derive("reporters"), CITIZEN)).isEqualTo(kept.get(0));
        }
    }

    @Test
    void reportsStoredWithTheOldSaltedHashLoseThemAndTheSaltOnUpgrade() {
        try (Database db = engine.open(tmp)) {
            db.inTransaction(() -> {
                var c = db.connection();
                Sql.exec(c, "INSERT INTO mod_state VALUES ('user_salt', 'abc')");
                Sql.exec(c, "INSERT INTO mod_reports (answer_id, user_hash, reason, created_at) VALUES ('a1', '0123456789abcdef', 'wrong', 'x')");
                // as written before this migration (and the one after it)
                Sql.exec(c, "DELETE FROM schema_version WHERE version >= 9");
                Sql.exec(c, "ALTER TABLE schema_version DROP COLUMN checksum");
                Sql.exec(c, "DROP INDEX tg_feedback_one_vote");
                Sql.exec(c, "ALTER TABLE tg_feedback DROP COLUMN voter");
                return null;
            });
        }
        try (Database db = engine.open(tmp)) {
            assertThat(column(db, "SELECT user_hash FROM mod_reports")).containsExactly("old-1");
            assertThat(column(db, "SELECT key FROM mod_state")).doesNotContain("user_salt");
        }
    }
}
