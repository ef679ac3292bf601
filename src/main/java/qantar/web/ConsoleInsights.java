package qantar.web;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import qantar.moderation.ConsoleAccess.Session;
import qantar.moderation.Insights;
import qantar.moderation.Feedback;
import qantar.moderation.Reports;
import qantar.moderation.Result;
import qantar.web.ConsoleViews.Flash;

/** Citizens' reports (resolved fixed or not an issue), the gaps with "propose a passage", and the stats as charts. */
record ConsoleInsights(Feedback feedback, ConsoleRoutes routes) {
    void reports(Context ctx) {
        showReports(ctx, null);
    }

    void resolve(Context ctx) {
        Session s = routes.session(ctx);
        String status = ConsoleForms.oneLine(ctx.formParam("status"));
        String note = ConsoleForms.oneLine(ctx.formParam("note"));
        Result<Reports.Report> r = feedback.resolve(s.userId(), ctx.pathParam("id"), status, note);
        routes.outcome(ctx, r, 422).ifPresent(flash -> showReports(ctx, flash));
    }

    private void showReports(Context ctx, Flash flash) {
        Session s = routes.session(ctx);
        Result<List<Reports.Report>> r = feedback.open(s.userId());
        if (routes.refused(ctx, r)) {
            return;
        }
        List<ConsoleViews.ReportItem> items = r.value().stream().map(x -> new ConsoleViews.ReportItem(x.id(), x.answerId(), x.reason(),
                x.comment(), ConsoleReview.short16(x.createdAt()))).toList();
        routes.html(ctx, "console/reports.jte", new ConsoleViews.ReportsView(routes.frame(ctx, "console.reports", "reports"), flash, items));
    }

    void gaps(Context ctx) {
        Session s = routes.session(ctx);
        Result<List<Insights.Gap>> r = feedback.gaps(s.userId(), 50);
        if (routes.refused(ctx, r)) {
            return;
        }
        List<ConsoleViews.GapItem> items = r.value().stream().map(g -> new ConsoleViews.GapItem(g.question(), g.count(),
                String.format(Locale.ROOT, "%.2f", g.bestScore()), g.outOfScope(),
                "/console/new?ask=" + URLEncoder.encode(g.question(), StandardCharsets.UTF_8))).toList();
        routes.html(ctx, "console/gaps.jte", new ConsoleViews.GapsView(routes.frame(ctx, "console.gaps", "gaps"), items,
                feedback.recentDays()));
    }

    void stats(Context ctx) {
        Session s = routes.session(ctx);
        Result<Insights.Stats> r = feedback.stats(s.userId());
        if (routes.refused(ctx, r)) {
            return;
        }
        Insights.Stats st = r.value();
        List<Charts.Chart> charts = List.of(
                Charts.bars("per-day", routes.text(s, "console.chart_days"), st.questionsPerDay()),
                Charts.bars("languages", routes.text(s, "console.chart_languages"), st.languages()),
                Charts.bars("sides", routes.text(s, "console.chart_sides"), st.sidesShown()),
                Charts.bars("reports", routes.text(s, "console.chart_reports"), st.reports()));
        routes.html(ctx, "console/stats.jte", new ConsoleViews.StatsView(routes.frame(ctx, "console.stats", "stats"), st.days(), charts,
                st.nothingShown()));
    }
}
