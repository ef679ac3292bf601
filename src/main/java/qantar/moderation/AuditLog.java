package qantar.moderation;

import java.time.Instant;
import java.util.List;
import qantar.store.Database;
import qantar.store.Sql;

/** Every moderation action and every refused attempt: who, what, when, outcome. Append only. */
public final class AuditLog {
    public record Entry(long id, String at, long actor, String action, String target, String outcome, String detail) {
    }

    private final Database db;

    AuditLog(Database db) {
        this.db = db;
    }

    void record(long actor, String action, String target, Result<?> result) {
        record(actor, action, target, result.status().name().toLowerCase(java.util.Locale.ROOT), result.key());
    }

    void record(long actor, String action, String target, String outcome, String detail) {
        db.inTransaction(() -> Sql.exec(db.connection(),
                "INSERT INTO mod_audit (at, actor, action, target, outcome, detail) VALUES (?, ?, ?, ?, ?, ?)",
                Instant.now().toString(), actor, action, target, outcome, detail));
    }

    /** The latest entries matching the filter (a null or blank part matches everything), newest first. */
    public List<Entry> find(Long actor, String action, String outcome, int limit) {
        return db.query(() -> Sql.list(db.connection(),
                "SELECT id, at, actor, action, target, outcome, detail FROM mod_audit WHERE (CAST(? AS BIGINT) IS NULL OR actor = ?) "
                        + "AND (CAST(? AS TEXT) IS NULL OR action = ?) AND (CAST(? AS TEXT) IS NULL OR outcome = ?) ORDER BY id DESC LIMIT ?",
                rs -> new Entry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)), actor, actor, blank(action), blank(action), blank(outcome), blank(outcome), limit));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The latest entries, newest first. */
    public List<Entry> latest(int limit) {
        return db.query(() -> Sql.list(db.connection(),
                "SELECT id, at, actor, action, target, outcome, detail FROM mod_audit ORDER BY id DESC LIMIT ?",
                rs -> new Entry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)), limit));
    }
}
