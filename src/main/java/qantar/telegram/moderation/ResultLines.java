package qantar.telegram.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import qantar.moderation.Insights;
import qantar.moderation.Proposal;
import qantar.moderation.Reports;
import qantar.moderation.Review;
import qantar.store.CorpusStore;
import qantar.telegram.render.Html;

/** What the moderators' commands list under their answer, one Telegram HTML block per entry, everything escaped. */
final class ResultLines {
    private ResultLines() {
    }

    static List<String> queue(List<Review.ReviewItem> items) {
        return items.stream().map(ResultLines::item).toList();
    }

    static List<String> reports(List<Reports.Report> reports) {
        return reports.stream().map(x -> "<code>" + x.id() + "</code> · answer <code>" + Html.esc(x.answerId()) + "</code> · "
                + Html.esc(x.reason()) + (x.comment() == null ? "" : " — " + Html.esc(x.comment()))).toList();
    }

    static List<String> gaps(List<Insights.Gap> gaps) {
        return gaps.stream().map(g -> g.count() + "× " + Html.esc(g.question())
                + String.format(Locale.ROOT, " (%.2f%s)", g.bestScore(), g.outOfScope() ? ", out of scope" : "")).toList();
    }

    static List<String> stats(Insights.Stats s) {
        return List.of("questions/day: " + counts(s.questionsPerDay()), "languages: " + counts(s.languages()),
                "sides shown: " + counts(s.sidesShown()), "nothing shown: " + s.nothingShown(), "reports: " + counts(s.reports()));
    }

    /** One line per revision: when, who, what, why. */
    static List<String> history(List<CorpusStore.Revision> revisions) {
        List<String> out = new ArrayList<>();
        for (CorpusStore.Revision r : revisions) {
            String at = r.createdAt().length() >= 16 ? r.createdAt().substring(0, 16).replace('T', ' ') : r.createdAt();
            out.add(Html.esc("#" + r.id() + " " + at + " · " + r.author() + " · " + r.action() + " · " + r.reason()));
        }
        return out;
    }

    private static String item(Review.ReviewItem i) {
        Proposal p = i.proposal();
        StringBuilder s = new StringBuilder("<b>" + p.id() + "</b> · " + p.kind().name().toLowerCase(Locale.ROOT)
                + " · " + Html.esc(p.passageId() != null ? p.passageId() : p.sourceId()) + " · by " + p.author() + " · " + Html.esc(p.reason()));
        if (p.kind() == Proposal.Kind.CREATE) {
            var passage = p.passage();
            s.append("\n").append(Html.esc(passage.side().id() + " · " + passage.speaker()));
            passage.texts().forEach((l, t) -> s.append("\n").append(l.code()).append(": ").append(Html.esc(t)));
        }
        i.diff().forEach(d -> s.append("\n<code>").append(Html.esc(d)).append("</code>"));
        return s.toString();
    }

    private static String counts(Map<String, Integer> m) {
        return m.isEmpty() ? "—" : String.join(", ", m.entrySet().stream().map(e -> Html.esc(e.getKey()) + " " + e.getValue()).toList());
    }
}
