package qantar.moderation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import qantar.store.Database;
import qantar.store.Sql;

/** The proposals table: what waits for review and what was decided, never deleted. */
final class Proposals {
    private static final String COLUMNS = "id, kind, passage_id, source_id, data, base_digest, reason, author, created_at, "
            + "status, reviewer, reviewed_at, review_reason";

    private final Database db;

    Proposals(Database db) {
        this.db = db;
    }

    long add(Proposal.Kind kind, String passageId, String sourceId, String data, String baseDigest, String reason, long author) {
        return db.inTransaction(() -> Sql.insert(db.connection(),
                "INSERT INTO mod_proposals (kind, passage_id, source_id, data, base_digest, reason, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                kind.id(), passageId, sourceId, data, baseDigest, reason, author, Instant.now().toString()));
    }

    Optional<Proposal> find(long id) {
        return db.query(() -> Optional.ofNullable(Sql.one(db.connection(), "SELECT " + COLUMNS + " FROM mod_proposals WHERE id = ?",
                Proposals::read, id)));
    }

    List<Proposal> pending() {
        return db.query(() -> Sql.list(db.connection(), "SELECT " + COLUMNS + " FROM mod_proposals WHERE status = 'pending' ORDER BY id",
                Proposals::read));
    }

    /** Marks a proposal decided, inside the caller's transaction; false if it was no longer pending. */
    static boolean decide(Connection c, long id, String status, long reviewer, String reason) throws SQLException {
        return Sql.exec(c, "UPDATE mod_proposals SET status = ?, reviewer = ?, reviewed_at = ?, review_reason = ? WHERE id = ? AND status = 'pending'",
                status, reviewer, Instant.now().toString(), reason, id) == 1;
    }

    boolean decide(long id, String status, long reviewer, String reason) {
        return db.inTransaction(() -> decide(db.connection(), id, status, reviewer, reason));
    }

    /**
     * The next free moderators' passage id for a source: {@code <source>-m<n>}, above every id of
     * that form ever used in the corpus or in a proposal (ids are never reused).
     */
    String nextPassageId(String sourceId, Set<String> corpusIds) {
        Pattern own = Pattern.compile(Pattern.quote(sourceId) + "-m(\\d+)");
        List<String> proposed = db.query(() -> Sql.list(db.connection(),
                "SELECT passage_id FROM mod_proposals WHERE passage_id IS NOT NULL AND source_id = ?", rs -> rs.getString(1), sourceId));
        long max = 0;
        for (String id : concat(corpusIds, proposed)) {
            Matcher m = own.matcher(id);
            if (m.matches() && m.group(1).length() < 10) {
                max = Math.max(max, Long.parseLong(m.group(1)));
            }
        }
        return sourceId + "-m" + (max + 1);
    }

    /** Passage ids named by pending proposals: taken for new proposals too. */
    Set<String> pendingPassageIds() {
        return db.query(() -> Set.copyOf(Sql.list(db.connection(),
                "SELECT passage_id FROM mod_proposals WHERE status = 'pending' AND passage_id IS NOT NULL AND kind = 'create'", rs -> rs.getString(1))));
    }

    private static List<String> concat(Set<String> a, List<String> b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static Proposal read(ResultSet rs) throws SQLException {
        long reviewer = rs.getLong(11);
        Long rev = rs.wasNull() ? null : reviewer;
        return new Proposal(rs.getLong(1), Proposal.Kind.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getString(9),
                rs.getString(10), rev, rs.getString(12), rs.getString(13));
    }
}
