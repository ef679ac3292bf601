package qantar.store;

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
     * Stores an answer once (the same id again — same question, language and corpus revision — is
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
