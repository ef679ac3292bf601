package qantar.moderation;

import java.util.List;
import java.util.Locale;
import qantar.store.Database;
import qantar.store.StoreException;

/**
 * Who may do what, and the record of it. Every moderation service runs its actions through
 * {@link #act}: the role is checked first, so anyone not allowed gets the same plain refusal
 * whatever they asked, and the attempt and its outcome go to the audit log, refusals included.
 */
public final class Access {
    private final Roles roles;
    private final AuditLog audit;

    Access(Database db) {
        this.roles = new Roles(db);
        this.audit = new AuditLog(db);
    }

    Roles roles() {
        return roles;
    }

    public AuditLog audit() {
        return audit;
    }

    public Role roleOf(long userId) {
        return roles.roleOf(userId);
    }

    public boolean isModerator(long userId) {
        return roleOf(userId).atLeast(Role.MODERATOR);
    }

    public boolean isAdmin(long userId) {
        return roleOf(userId) == Role.ADMIN;
    }

    /** The audit log, filtered, newest first. Administrators only; reading it is logged too. */
    public Result<List<AuditLog.Entry>> auditLog(long actor, Long who, String action, String outcome, int limit) {
        return act(actor, Role.ADMIN, "audit", null,
                () -> Result.ok("mod.audit", audit.find(who, action, outcome, Math.max(1, Math.min(limit, 500)))));
    }

    /**
     * A moderation attempt turned away before it reached a service (a command in a group, a file
     * sent by a citizen): audited like every other refusal.
     */
    public Result<Void> refuseAttempt(long actor, String action, String why) {
        audit.record(actor, action, null, "refused", why);
        return Result.refused();
    }

    /**
     * A moderator's request a front end could not read (a malformed command): the error named by
     * {@code key}, answered and audited exactly as a service's own error, and refused to anyone
     * who is not a moderator, so a citizen learns nothing from a typo.
     */
    public <T> Result<T> unreadable(long actor, String action, String target, String key, Object... nameValues) {
        return act(actor, Role.MODERATOR, action, target, () -> Result.error(key, nameValues));
    }

    interface Action<T> {
        Result<T> run();
    }

    /** Checks the role, runs the action, and logs both the attempt and its outcome. */
    <T> Result<T> act(long actor, Role needed, String action, String target, Action<T> work) {
        Result<T> r;
        if (!roles.roleOf(actor).atLeast(needed)) {
            r = Result.refused();
        } else {
            try {
                r = work.run();
            } catch (StoreException e) {
                audit.record(actor, action, target, "error", e.getMessage());
                throw e;
            }
        }
        String detail = r.key();
        if (r.value() instanceof Proposal p) {
            detail += " proposal " + p.id();
        } else if (r.value() instanceof Review.Decision d) {
            detail += " proposal " + d.proposal().id();
        }
        audit.record(actor, action, target, r.status().name().toLowerCase(Locale.ROOT), detail);
        return r;
    }
}
