package qantar.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Answers as they were shown, by id, so a citation reopens the same answer after the corpus changes. */
public final class AnswerStore {
    private final Database db;

    public AnswerStore(Database db) {
        this.db = db;
    }

    /**
     * Stores an answer once (the same id again — same question, language, corpus revision and edition — is
     * kept as first stored) and logs that it was asked.
     *
     * @return whether this answer is the one stored: false when the id was stored before
     */
    public boolean save(String id, String question, String language, long revision, String json, double bestScore, String createdAt) {
        return db.inTransaction(() -> {
            int stored = Sql.exec(db.connection(),
                    "INSERT INTO answers (id, question, language, revision, data, best_score, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    id, question, language, revision, json, bestScore, createdAt);
            Sql.exec(db.connection(), "INSERT INTO question_log (answer_id, asked_at) VALUES (?, ?)", id, createdAt);
            return stored == 1;
        });
    }

    /** Logs that a stored answer was asked for again. */
    public void logAsked(String id, String at) {
        db.inTransaction(() -> Sql.exec(db.connection(), "INSERT INTO question_log (answer_id, asked_at) VALUES (?, ?)", id, at));
    }

    /**
     * The edition of answers made by {@code madeBy} (a digest of what composes them besides the
     * corpus): the stored edition while it is the same, the next one when it changed and answers of
     * the last are stored. A question asked again in a new edition is answered afresh under a new id;
     * the old answer stays citable under its own. The first edition is 0.
     */
    public long edition(String madeBy) {
        return db.inTransaction(() -> {
            Connection c = db.connection();
            String before = Sql.one(c, "SELECT value FROM meta WHERE key = 'answers_made_by'", rs -> rs.getString(1));
            String stored = Sql.one(c, "SELECT value FROM meta WHERE key = 'answers_edition'", rs -> rs.getString(1));
            long edition = stored == null ? 0 : Long.parseLong(stored);
            if (madeBy.equals(before)) {
                return edition;
            }
            // Before any answer is stored (a new data folder, the starter data) there is nothing to renew.
            if (before != null && Sql.one(c, "SELECT 1 FROM answers LIMIT 1", rs -> 1) != null) {
                edition++;
            }
            CorpusStore.setMeta(c, "answers_made_by", madeBy);
            CorpusStore.setMeta(c, "answers_edition", String.valueOf(edition));
            return edition;
        });
    }

    public Optional<String> find(String id) {
        return db.query(() -> {
            try (PreparedStatement ps = db.connection().prepareStatement("SELECT data FROM answers WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }
}
