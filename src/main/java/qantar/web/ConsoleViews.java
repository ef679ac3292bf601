package qantar.web;

import java.util.List;
import java.util.Map;
import qantar.moderation.Diff;

/** What the console's templates show; built by the Console* handlers, so templates compute nothing. */
public final class ConsoleViews {
    private ConsoleViews() {
    }

    /** Every console page: the page, the session's CSRF token for its forms, whether admin links show, which section is open. */
    public record Frame(Page page, String csrf, boolean admin, long user, String section) {
        public String t(String key) {
            return page.t(key);
        }

        public String code() {
            return page.code();
        }
    }

    /** A message above the page: what the last action came to. */
    public record Flash(boolean ok, String text) {
    }

    public record FieldDiff(String name, List<Diff.Words> words) {
    }

    public record Card(long id, String kind, String target, String targetLink, long author, String reason, String created,
                       boolean own, List<FieldDiff> fields, String extra) {
    }

    public record QueueView(Frame frame, Flash flash, List<Card> cards) {
    }

    public record Option(String value, String label, boolean selected) {
    }

    public record Row(String id, String side, String source, String speaker, String topics, String text) {
    }

    /** {@code source}: the source filtered on, when it is a live one (its file can be edited), else null. */
    public record BrowseView(Frame frame, String q, List<Option> sides, List<Option> topics, List<Option> sources, List<Row> rows,
                             int total, String source) {
    }

    public record RevisionItem(long id, String at, String author, String action, String reason, List<FieldDiff> fields) {
    }

    /**
     * A passage form's fields by name (side, speaker.en, topics, text.ru, asks.kk, caution.en,
     * original, quote, said, same_as, source, reason, base) and the validator's problems beside them.
     */
    public record Form(String action, boolean create, Map<String, String> values, Map<String, List<String>> errors,
                       List<String> general, List<Option> sides, List<Option> sources, List<Option> originals) {
        public String v(String name) {
            return values.getOrDefault(name, "");
        }

        public List<String> e(String name) {
            return errors.getOrDefault(name, List.of());
        }

        public boolean checked(String name) {
            return "true".equals(values.get(name));
        }
    }

    public record PassageView(Frame frame, Flash flash, String id, String live, Form form, List<RevisionItem> history) {
    }

    public record FormView(Frame frame, Flash flash, Form form) {
    }

    public record SourceFileView(Frame frame, Flash flash, String yaml) {
    }

    public record ReportItem(long id, String answerId, String reason, String comment, String created) {
    }

    public record ReportsView(Frame frame, Flash flash, List<ReportItem> reports) {
    }

    public record GapItem(String question, int count, String score, boolean outOfScope, String proposeLink) {
    }

    public record GapsView(Frame frame, List<GapItem> gaps, int days) {
    }

    public record StatsView(Frame frame, int days, List<Charts.Chart> charts, int nothingShown) {
    }

    public record Member(long id, String role) {
    }

    public record TeamView(Frame frame, Flash flash, List<Member> members) {
    }

    public record AuditItem(long id, String at, long actor, String action, String target, String outcome, String detail) {
    }

    public record AuditView(Frame frame, String actor, String action, String outcome, List<AuditItem> entries) {
    }
}
