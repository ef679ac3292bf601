package qantar.moderation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import qantar.store.Database;
import qantar.store.SecretKey;
import qantar.store.Sql;

/** Citizens' reports on answers (👎 with a reason), waiting for a moderator to resolve them. */
public final class Reports {
    /** A report as moderators see it: the citizen is only a keyed hash, enough to notice repeats. */
    public record Report(long id, String answerId, String userHash, String reason, String comment, String createdAt,
                         String status, Long resolvedBy, String resolvedAt, String note) {
    }

    static final List<String> RESOLUTIONS = List.of("fixed", "not_an_issue");
    private static final String COLUMNS = "id, answer_id, user_hash, reason, comment, created_at, status, resolved_by, resolved_at, note";

    private final Database db;

    Reports(Database db) {
        this.db = db;
    }

    /**
     * Adds a report, or returns the open one the same citizen already made with the same words: a
     * button press handled again after a crash, or pressed twice, is still one report.
     */
    long add(String answerId, String userHash, String reason, String comment) {
        return db.inTransaction(() -> {
            Long same = Sql.one(db.connection(), "SELECT id FROM mod_reports WHERE status = 'open' AND answer_id = ? AND user_hash = ? "
                    + "AND reason = ? AND comment IS NOT DISTINCT FROM ?", rs -> rs.getLong(1), answerId, userHash, reason, comment);
            return same != null ? same : Sql.insert(db.connection(),
                    "INSERT INTO mod_reports (answer_id, user_hash, reason, comment, created_at) VALUES (?, ?, ?, ?, ?)",
                    answerId, userHash, reason, comment, Instant.now().toString());
        });
    }

    List<Report> open(int limit) {
        return db.query(() -> Sql.list(db.connection(), "SELECT " + COLUMNS + " FROM mod_reports WHERE status = 'open' ORDER BY id LIMIT ?",
                Reports::read, limit));
    }

    Optional<Report> find(long id) {
        return db.query(() -> Optional.ofNullable(Sql.one(db.connection(), "SELECT " + COLUMNS + " FROM mod_reports WHERE id = ?",
                Reports::read, id)));
    }

    boolean resolve(long id, String status, long by, String note) {
        return db.inTransaction(() -> Sql.exec(db.connection(),
                "UPDATE mod_reports SET status = ?, resolved_by = ?, resolved_at = ?, note = ? WHERE id = ? AND status = 'open'",
                status, by, Instant.now().toString(), note, id) == 1);
    }

    /** A reporter as 128 bits of HMAC-SHA256 of the id: enough to notice repeats, and no way back without the key. */
    static String hash(byte[] key, long userId) {
        return SecretKey.tag(key, Long.toString(userId));
    }

    private static Report read(java.sql.ResultSet rs) throws java.sql.SQLException {
        long by = rs.getLong(8);
        Long resolvedBy = rs.wasNull() ? null : by;
        return new Report(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), resolvedBy, rs.getString(9), rs.getString(10));
    }
}
