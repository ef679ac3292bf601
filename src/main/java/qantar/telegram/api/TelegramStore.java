package qantar.telegram.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import qantar.store.Database;
import qantar.store.Sql;

/**
 * The bot's durable state in SQLite: updates received (the inbox), replies to deliver (the
 * outbox), the getUpdates offset, users' languages and feedback. An update's replies and its
 * "handled" mark are written in one transaction: after a crash it is either handled with all its
 * replies queued, or not handled at all and handled again.
 */
public final class TelegramStore {
    /** A Bot API call waiting in the outbox. {@code paced} calls count against Telegram's message limits. */
    public record Outgoing(long id, Long chatId, boolean paced, String method, String payload) {
    }

    /** A change of the bot's own tables, run inside the transaction that marks an update handled. */
    public interface Write {
        void run(Connection c) throws SQLException;
    }

    private final Database db;
    private final byte[] voterKey;

    public TelegramStore(Database db) {
        this.db = db;
        this.voterKey = qantar.store.SecretKey.of(db).derive("voters");
    }

    /** The highest update id stored, 0 before the first. */
    public long lastUpdateId() {
        return db.query(() -> {
            try (ResultSet rs = db.connection().createStatement().executeQuery("SELECT COALESCE(MAX(update_id), 0) FROM tg_updates")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Stores updates not seen before; returns the ids that are new. */
    public List<Long> receive(java.util.Map<Long, String> updates) {
        return db.inTransaction(() -> {
            List<Long> fresh = new ArrayList<>();
            String now = Instant.now().toString();
            for (var u : updates.entrySet()) {
                if (Sql.exec(db.connection(), "INSERT INTO tg_updates (update_id, data, received_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                        u.getKey(), u.getValue(), now) == 1) {
                    fresh.add(u.getKey());
                }
            }
            return fresh;
        });
    }

    /** Updates received but not handled yet (after a crash), oldest first: id to the JSON as received. */
    public java.util.Map<Long, String> pendingUpdates() {
        return db.query(() -> {
            java.util.Map<Long, String> out = new java.util.LinkedHashMap<>();
            try (ResultSet rs = db.connection().createStatement()
                    .executeQuery("SELECT update_id, data FROM tg_updates WHERE handled_at IS NULL ORDER BY update_id")) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    public boolean handled(long updateId) {
        return db.query(() -> Sql.one(db.connection(), "SELECT handled_at FROM tg_updates WHERE update_id = ?", rs -> rs.getString(1),
                updateId) != null);
    }

    /**
     * Marks an update handled, runs its writes and queues its replies, all in one transaction.
     * Returns the queued calls with their outbox ids. A null update id is a call not caused by an
     * update (startup), queued the same way.
     */
    public List<Outgoing> commit(Long updateId, List<Write> writes, List<Outgoing> replies) {
        return db.inTransaction(() -> {
            Connection c = db.connection();
            // once handled, only the id and its state are needed (to never handle it twice): the text and sender go
            if (updateId != null && Sql.exec(c, "UPDATE tg_updates SET handled_at = ?, data = '' WHERE update_id = ? AND handled_at IS NULL",
                    Instant.now().toString(), updateId) == 0) {
                return List.<Outgoing>of(); // handled before: nothing again
            }
            for (Write w : writes) {
                w.run(c);
            }
            List<Outgoing> queued = new ArrayList<>();
            for (Outgoing o : replies) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO tg_outbox (update_id, chat_id, paced, method, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                        java.sql.Statement.RETURN_GENERATED_KEYS)) {
                    ps.setObject(1, updateId);
                    ps.setObject(2, o.chatId());
                    ps.setInt(3, o.paced() ? 1 : 0);
                    ps.setString(4, o.method());
                    ps.setString(5, o.payload());
                    ps.setString(6, Instant.now().toString());
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        queued.add(new Outgoing(keys.getLong(1), o.chatId(), o.paced(), o.method(), o.payload()));
                    }
                }
            }
            return queued;
        });
    }

    List<Outgoing> unsent() {
        return db.query(() -> {
            List<Outgoing> out = new ArrayList<>();
            try (ResultSet rs = db.connection().createStatement().executeQuery(
                    "SELECT id, chat_id, paced, method, payload FROM tg_outbox WHERE sent_at IS NULL AND failed IS NULL ORDER BY id")) {
                while (rs.next()) {
                    long chat = rs.getLong(2);
                    Long chatId = rs.wasNull() ? null : chat; // right after reading chat_id: wasNull is about the last column read
                    out.add(new Outgoing(rs.getLong(1), chatId, rs.getInt(3) == 1, rs.getString(4), rs.getString(5)));
                }
            }
            return out;
        });
    }

    /** A call is about to go out: after a crash or a timeout it may have reached Telegram. */
    public void markAttempted(long outboxId) {
        db.query(() -> Sql.exec(db.connection(), "UPDATE tg_outbox SET attempted_at = ? WHERE id = ? AND attempted_at IS NULL",
                Instant.now().toString(), outboxId));
    }

    /** The call surely did not arrive (Telegram answered with an error, or was not reached). */
    void clearAttempted(long outboxId) {
        db.query(() -> Sql.exec(db.connection(), "UPDATE tg_outbox SET attempted_at = NULL WHERE id = ?", outboxId));
    }

    /** The ids of calls that went out at least once without being marked sent (possibly delivered). */
    java.util.Set<Long> attempted() {
        return db.query(() -> {
            java.util.Set<Long> out = new java.util.HashSet<>();
            try (ResultSet rs = db.connection().createStatement().executeQuery(
                    "SELECT id FROM tg_outbox WHERE sent_at IS NULL AND failed IS NULL AND attempted_at IS NOT NULL")) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
    }

    /** Sent: what was said and to whom is no longer needed, only that it went. */
    void markSent(long outboxId) {
        db.query(() -> Sql.exec(db.connection(), "UPDATE tg_outbox SET sent_at = ?, payload = '', chat_id = NULL WHERE id = ?",
                Instant.now().toString(), outboxId));
    }

    void markFailed(long outboxId, String reason) {
        db.query(() -> Sql.exec(db.connection(), "UPDATE tg_outbox SET failed = ?, payload = '', chat_id = NULL WHERE id = ?", reason, outboxId));
    }

    /**
     * Deletes handled updates and finished outbox rows older than {@code days}, keeping the newest
     * update (the getUpdates offset is read from it). Returns the rows deleted.
     */
    public int prune(int days) {
        String before = Instant.now().minus(java.time.Duration.ofDays(days)).toString();
        return db.inTransaction(() -> {
            Connection c = db.connection();
            int n = Sql.exec(c, "DELETE FROM tg_updates WHERE handled_at IS NOT NULL AND received_at < ? "
                    + "AND update_id < (SELECT MAX(update_id) FROM tg_updates)", before);
            return n + Sql.exec(c, "DELETE FROM tg_outbox WHERE (sent_at IS NOT NULL OR failed IS NOT NULL) AND created_at < ?", before);
        });
    }

    public Optional<String> userLang(long userId) {
        return userSetting(userId, "lang");
    }

    /** The answer form a user chose with /settings ("full"), if any. */
    public Optional<String> userAnswers(long userId) {
        return userSetting(userId, "answers");
    }

    /** One column of a user's row in tg_users; {@code column} is one of ours, never user input. */
    private Optional<String> userSetting(long userId, String column) {
        return db.query(() -> {
            try (PreparedStatement ps = db.connection().prepareStatement("SELECT " + column + " FROM tg_users WHERE user_id = ?")) {
                ps.setLong(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public static Write setUserAnswers(long userId, String form) {
        return c -> Sql.exec(c, "INSERT INTO tg_users (user_id, answers, updated_at) VALUES (?, ?, ?) "
                + "ON CONFLICT(user_id) DO UPDATE SET answers = excluded.answers, updated_at = excluded.updated_at", userId, form, Instant.now().toString());
    }

    public static Write setUserLang(long userId, String lang) {
        return c -> Sql.exec(c, "INSERT INTO tg_users (user_id, lang, updated_at) VALUES (?, ?, ?) "
                + "ON CONFLICT(user_id) DO UPDATE SET lang = excluded.lang, updated_at = excluded.updated_at", userId, lang, Instant.now().toString());
    }

    /**
     * A vote on an answer, counted once per user and answer without who gave it: user_id is always 0
     * and chat_id empty (the columns predate this rule); {@code voter} is an HMAC of user and answer
     * under the key outside the database, so votes cannot be linked to a user or to each other
     * across answers. Who reported what lives only in moderation, as a keyed hash.
     */
    public Write vote(long userId, String answerId, int vote, String reason) {
        String voter = qantar.store.SecretKey.tag(voterKey, userId + ":" + answerId);
        return c -> Sql.exec(c, "INSERT INTO tg_feedback (answer_id, user_id, chat_id, vote, reason, created_at, voter) "
                + "VALUES (?, 0, NULL, ?, ?, ?, ?) ON CONFLICT DO NOTHING", answerId, vote, reason, Instant.now().toString(), voter);
    }

    /** Feedback rows for an answer as "vote:reason", oldest first (for moderators and tests). */
    public List<String> feedback(String answerId) {
        return db.query(() -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = db.connection().prepareStatement("SELECT vote, reason FROM tg_feedback WHERE answer_id = ? ORDER BY id")) {
                ps.setString(1, answerId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getInt(1) + ":" + rs.getString(2));
                    }
                }
            }
            return out;
        });
    }
}
