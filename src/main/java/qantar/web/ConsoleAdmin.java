package qantar.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import qantar.moderation.AuditLog;
import qantar.moderation.ConsoleAccess.Session;
import qantar.moderation.Moderation;
import qantar.moderation.Result;
import qantar.moderation.Role;
import qantar.web.ConsoleViews.Flash;

/** Administrators' pages: the team with grant and revoke, the audit log with filters, the corpus as a zip. */
record ConsoleAdmin(Moderation mod, ConsoleRoutes routes) {
    void team(Context ctx) {
        showTeam(ctx, null);
    }

    void grant(Context ctx) {
        Session s = routes.session(ctx);
        changed(ctx, mod.team().grant(s.userId(), userId(ctx.formParam("user"))));
    }

    void revoke(Context ctx) {
        Session s = routes.session(ctx);
        changed(ctx, mod.team().revoke(s.userId(), userId(ctx.formParam("user"))));
    }

    private void changed(Context ctx, Result<Long> r) {
        routes.outcome(ctx, r, 422).ifPresent(flash -> showTeam(ctx, flash));
    }

    private void showTeam(Context ctx, Flash flash) {
        Session s = routes.session(ctx);
        Result<Map<Role, List<Long>>> r = mod.team().members(s.userId());
        if (routes.refused(ctx, r)) {
            return;
        }
        List<ConsoleViews.Member> members = new ArrayList<>();
        r.value().forEach((role, ids) -> ids.forEach(id -> members.add(new ConsoleViews.Member(id, routes.text(s, "console.role_" + role.name().toLowerCase(java.util.Locale.ROOT))))));
        routes.html(ctx, "console/team.jte", new ConsoleViews.TeamView(routes.frame(ctx, "console.team", "team"), flash, members));
    }

    void audit(Context ctx) {
        Session s = routes.session(ctx);
        String actor = value(ctx.queryParam("actor"));
        String action = value(ctx.queryParam("action"));
        String outcome = value(ctx.queryParam("outcome"));
        Long who = actor.matches("\\d{1,18}") ? Long.valueOf(actor) : null;
        Result<List<AuditLog.Entry>> r = mod.access().auditLog(s.userId(), who, action, outcome, 200);
        if (routes.refused(ctx, r)) {
            return;
        }
        List<ConsoleViews.AuditItem> items = r.value().stream().map(e -> new ConsoleViews.AuditItem(e.id(), ConsoleReview.short16(e.at()),
                e.actor(), e.action(), e.target(), e.outcome(), e.detail())).toList();
        routes.html(ctx, "console/audit.jte", new ConsoleViews.AuditView(routes.frame(ctx, "console.audit", "audit"), actor, action, outcome, items));
    }

    void export(Context ctx) {
        Session s = routes.session(ctx);
        Result<byte[]> r = mod.export().zip(s.userId());
        if (routes.refused(ctx, r)) {
            return;
        }
        if (!r.ok()) {
            routes.refusal(ctx, s.lang(), "web.error");
            return;
        }
        ctx.header("Content-Disposition", "attachment; filename=\"qantar-knowledge.zip\"");
        ctx.contentType("application/zip").result(r.value());
    }

    private static long userId(String s) {
        String v = value(s);
        return v.matches("\\d{1,18}") ? Long.parseLong(v) : 0;
    }

    private static String value(String s) {
        return s == null ? "" : s.strip().length() > 64 ? s.strip().substring(0, 64) : s.strip();
    }
}
