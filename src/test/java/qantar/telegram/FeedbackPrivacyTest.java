package qantar.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import qantar.store.Database;
import qantar.store.Sql;
import qantar.testing.Engine;

/** Feedback stored before votes were anonymous loses its raw user and chat ids on the next start. */
@ParameterizedClass
@EnumSource(Engine.class)
class FeedbackPrivacyTest {
    @Parameter
    Engine engine;

    @TempDir
    Path tmp;

    @Test
    void oldFeedbackRowsLoseTheirUserIdsWhenTheDatabaseIsUpgraded() {
        try (Database db = engine.open(tmp)) {
            db.inTransaction(() -> {
                var c = db.connection();
                Sql.exec(c, "INSERT INTO tg_feedback (answer_id, user_id, chat_id, vote, reason, created_at) "
                        + "VALUES ('abc', 501, 501, -1, 'fact', '2026-01-01T00:00:00Z')");
                // as if the database had been written by the program before this migration
                Sql.exec(c, "DELETE FROM schema_version WHERE version >= 5");
                Sql.exec(c, "ALTER TABLE schema_version DROP COLUMN checksum");
                Sql.exec(c, "ALTER TABLE tg_users DROP COLUMN answers");
                Sql.exec(c, "ALTER TABLE tg_outbox DROP COLUMN attempted_at");
                Sql.exec(c, "DROP INDEX tg_feedback_one_vote");
                Sql.exec(c, "ALTER TABLE tg_feedback DROP COLUMN voter");
                Sql.exec(c, "DROP TABLE console_links_used");
                Sql.exec(c, "DROP TABLE console_sessions");
                return null;
            });
        }
        try (Database db = engine.open(tmp)) {
            String row = db.query(() -> {
                try (var rs = db.connection().createStatement().executeQuery("SELECT user_id, chat_id, vote, reason FROM tg_feedback")) {
                    rs.next();
                    return rs.getLong(1) + "," + rs.getObject(2) + "," + rs.getInt(3) + "," + rs.getString(4);
                }
            });
            assertThat(row).isEqualTo("0,null,-1,fact");
        }
    }
}
