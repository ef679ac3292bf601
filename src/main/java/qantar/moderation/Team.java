package qantar.moderation;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import qantar.store.Database;
import qantar.store.Sql;

/** The moderators and administrators: the first ones from QANTAR_ADMINS, then granted and revoked by administrators. */
public final class Team {
    private final Database db;
    private final Access access;
    private final Roles roles;

    Team(Database db, Access access) {
        this.db = db;
        this.access = access;
        this.roles = access.roles();
    }

    /** Reads QANTAR_ADMINS ("1001,1002"); throws IllegalArgumentException naming a bad entry. */
    public static List<Long> parseAdmins(String env) {
        return Roles.parseIds(env);
    }

    /** Makes these users administrators if no administrators were ever taken from QANTAR_ADMINS. */
    public boolean bootstrapAdmins(List<Long> admins) {
        boolean taken = roles.bootstrap(admins);
        if (taken) {
            admins.forEach(id -> access.audit().record(Roles.SYSTEM, "bootstrap_admin", Input.user(id), "ok", "QANTAR_ADMINS"));
        }
        return taken;
    }

    /** The administrators, for notices the system sends them (not a command: no actor, no audit). */
    public List<Long> administrators() {
        return roles.withRole(Role.ADMIN);
    }

    /** Makes a citizen a moderator. Administrators only. */
    public Result<Long> grant(long actor, long target) {
        return raise(actor, target, Role.MODERATOR, "grant", "mod.already_moderator", "mod.granted");
    }

    /** Makes a user an administrator (to replace one, before revoking them). Administrators only. */
    public Result<Long> grantAdmin(long actor, long target) {
        return raise(actor, target, Role.ADMIN, "grant_admin", "mod.already_admin", "mod.granted_admin");
    }

    /** Gives a user the role {@code to}, unless they have it or one above it already. */
    private Result<Long> raise(long actor, long target, Role to, String action, String alreadyKey, String doneKey) {
        return onUser(actor, target, action, () -> {
            if (roles.roleOf(target).atLeast(to)) {
                return Result.error(alreadyKey, "user", target);
            }
            roles.set(target, to, actor);
            return Result.ok(doneKey, target, "user", target);
        });
    }

    /** An administrator's change to a user (a positive id, else "mod.bad_user"), audited as {@code action}. */
    private Result<Long> onUser(long actor, long target, String action, Access.Action<Long> change) {
        return access.act(actor, Role.ADMIN, action, Input.user(target), () -> target <= 0 ? Result.error("mod.bad_user") : change.run());
    }

    /**
     * Takes moderator or administrator rights back (a compromised administrator too). Administrators
     * only; the last administrator cannot be removed. The user's pending proposals are withdrawn
     * (rejected by the system, so nobody approves them later) and their console sessions end.
     */
    public Result<Long> revoke(long actor, long target) {
        return onUser(actor, target, "revoke", () -> {
            Role now = roles.roleOf(target);
            if (now == Role.ADMIN && roles.withRole(Role.ADMIN).size() <= 1) {
                return Result.error("mod.last_admin", "user", target);
            }
            if (now != Role.MODERATOR && now != Role.ADMIN) {
                return Result.error("mod.not_moderator", "user", target);
            }
            roles.set(target, Role.CITIZEN, actor);
            int withdrawn = db.inTransaction(() -> {
                // their console sessions end now, not at their next request
                Sql.exec(db.connection(), "DELETE FROM console_sessions WHERE user_id = ?", target);
                return Sql.exec(db.connection(), "UPDATE mod_proposals SET status = 'rejected', reviewer = ?, reviewed_at = ?, "
                        + "review_reason = 'withdrawn: the author''s rights were revoked' WHERE author = ? AND status = 'pending'",
                        Roles.SYSTEM, Instant.now().toString(), target);
            });
            return Result.ok("mod.revoked", target, "user", target, "withdrawn", withdrawn);
        });
    }

    /** The moderators and administrators, for administrators only. */
    public Result<Map<Role, List<Long>>> members(long actor) {
        return access.act(actor, Role.ADMIN, "team", null, () -> {
            Map<Role, List<Long>> m = new EnumMap<>(Role.class);
            m.put(Role.ADMIN, roles.withRole(Role.ADMIN));
            m.put(Role.MODERATOR, roles.withRole(Role.MODERATOR));
            return Result.ok("mod.team", m);
        });
    }
}
