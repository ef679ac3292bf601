package qantar.moderation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import qantar.store.Database;
import qantar.store.Sql;

/**
 * Who is a moderator or administrator, kept in SQLite. QANTAR_ADMINS is read once, at the first
 * start that names any: after that administrators are whatever the table says.
 */
final class Roles {
    /** The actor recorded for what the program does by itself (taking QANTAR_ADMINS). */
    static final long SYSTEM = 0;

    private final Database db;

    Roles(Database db) {
        this.db = db;
    }

    /** Parses QANTAR_ADMINS ("1001, 1002"); a value that is not a user id is an error, not ignored. */
    static List<Long> parseIds(String text) {
        List<Long> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                long id = Long.parseLong(part.strip());
                if (id <= 0) {
                    throw new NumberFormatException();
                }
                out.add(id);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("QANTAR_ADMINS: '" + part + "' is not a Telegram user id");
            }
        }
        return out;
    }

    /** Takes the first administrators, once. Returns whether it did. */
    boolean bootstrap(List<Long> admins) {
        if (admins.isEmpty()) {
            return false;
        }
        return db.inTransaction(() -> {
            if (state("admins_taken") != null) {
                return false;
            }
            String now = Instant.now().toString();
            for (long id : admins) {
                Sql.exec(db.connection(), "INSERT INTO mod_roles (user_id, role, changed_by, changed_at) VALUES (?, 'admin', NULL, ?) "
                        + "ON CONFLICT(user_id) DO UPDATE SET role = 'admin', changed_by = NULL, changed_at = excluded.changed_at", id, now);
            }
            putState("admins_taken", now);
            return true;
        });
    }

    Role roleOf(long userId) {
        String role = db.query(() -> Sql.one(db.connection(), "SELECT role FROM mod_roles WHERE user_id = ?", rs -> rs.getString(1), userId));
        return role == null ? Role.CITIZEN : Role.of(role);
    }

    void set(long userId, Role role, long by) {
        db.inTransaction(() -> Sql.exec(db.connection(), "INSERT INTO mod_roles (user_id, role, changed_by, changed_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT(user_id) DO UPDATE SET role = excluded.role, changed_by = excluded.changed_by, changed_at = excluded.changed_at",
                userId, role.id(), by, Instant.now().toString()));
    }

    List<Long> withRole(Role role) {
        return db.query(() -> Sql.list(db.connection(), "SELECT user_id FROM mod_roles WHERE role = ? ORDER BY user_id",
                rs -> rs.getLong(1), role.id()));
    }

    private String state(String key) throws java.sql.SQLException {
        return Sql.one(db.connection(), "SELECT value FROM mod_state WHERE key = ?", rs -> rs.getString(1), key);
    }

    private void putState(String key, String value) throws java.sql.SQLException {
        Sql.exec(db.connection(), "INSERT INTO mod_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value);
    }
}
