package qantar.moderation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import qantar.store.Database;
import qantar.store.SecretKey;
import qantar.store.Sql;

/** What citizens tell us: their reports on answers, and the gaps and figures their questions show. */
public final class Feedback {
    private static final int LIMIT = 20;

    private final Database db;
    private final Access access;
    private final Reports reports;
    private final Insights insights;
    private final Moderation.Settings settings;
    private final byte[] reporterKey;

    Feedback(Database db, Access access, Moderation.Settings settings) {
        this.db = db;
        this.access = access;
        this.reports = new Reports(db);
        this.insights = new Insights(db);
        this.settings = settings;
        this.reporterKey = SecretKey.of(db).derive("reporters");
    }

    /** How far back gaps and stats look. */
    public int recentDays() {
        return settings.recentDays();
    }

    /**
     * Stores a citizen's report on an answer. Anyone may report; the user is kept only as a
     * keyed hash (HMAC under a key outside the database, so the file alone names nobody). An
     * unknown answer id is an error.
     */
    public Result<Long> report(long citizen, String answerId, String reason, String comment) {
        Result<Long> r;
        String who = Reports.hash(reporterKey, citizen);
        if (answerId == null || !answerExists(answerId)) {
            r = Result.error("mod.no_answer", "id", answerId);
        } else if (Input.blank(reason)) {
            r = Result.error("mod.report_usage");
        } else {
            long id = reports.add(answerId, who, Input.clip(reason), comment == null ? null : Input.clip(comment));
            r = Result.ok("mod.reported", id, "id", id);
        }
        // a citizen's report is logged under the hash only: the log names moderators, not citizens
        access.audit().record(Roles.SYSTEM, "report", "answer " + answerId, r.status().name().toLowerCase(Locale.ROOT), r.key() + " by " + who);
        return r;
    }

    /** The open reports, oldest first. */
    public Result<List<Reports.Report>> open(long actor) {
        return access.act(actor, Role.MODERATOR, "feedback", null, () -> {
            List<Reports.Report> open = reports.open(LIMIT);
            return Result.ok(open.isEmpty() ? "mod.feedback_empty" : "mod.feedback", open, "count", open.size());
        });
    }

    /** Closes a report as {@code fixed} or {@code not_an_issue}, with an optional note. */
    public Result<Reports.Report> resolve(long actor, String reportId, String status, String note) {
        return access.act(actor, Role.MODERATOR, "resolve", Input.blank(reportId) ? null : "report " + reportId, () -> {
            if (Input.blank(reportId) || status == null || !Reports.RESOLUTIONS.contains(status.toLowerCase(Locale.ROOT))) {
                return Result.error("mod.resolve_usage");
            }
            Optional<Reports.Report> report = Input.id(reportId).flatMap(reports::find);
            if (report.isEmpty()) {
                return Result.error("mod.no_report", "id", reportId);
            }
            String resolution = status.toLowerCase(Locale.ROOT);
            if (!reports.resolve(report.get().id(), resolution, actor, Input.blank(note) ? null : Input.clip(note))) {
                return Result.error("mod.already_resolved", "id", report.get().id());
            }
            return Result.ok("mod.resolved", reports.find(report.get().id()).orElseThrow(), "id", report.get().id(), "status", resolution);
        });
    }

    /** Frequent recent questions whose answers were weak: where a passage is missing. */
    public Result<List<Insights.Gap>> gaps(long actor, int limit) {
        return access.act(actor, Role.MODERATOR, "gaps", null, () -> {
            List<Insights.Gap> g = insights.gaps(settings.recentDays(), settings.gapThreshold(), Math.max(1, limit));
            return Result.ok(g.isEmpty() ? "mod.gaps_empty" : "mod.gaps", g, "days", settings.recentDays(), "count", g.size());
        });
    }

    public Result<Insights.Stats> stats(long actor) {
        return access.act(actor, Role.MODERATOR, "stats", null,
                () -> Result.ok("mod.stats", insights.stats(settings.recentDays()), "days", settings.recentDays()));
    }

    private boolean answerExists(String id) {
        return db.query(() -> Sql.one(db.connection(), "SELECT 1 FROM answers WHERE id = ?", rs -> true,
                id.strip().toLowerCase(Locale.ROOT)) != null);
    }
}
