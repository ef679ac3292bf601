package qantar.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import qantar.answer.Answer;
import qantar.answer.SourceRef;
import qantar.answer.Statement;
import qantar.config.Texts;
import qantar.corpus.Lang;
import qantar.corpus.Side;

/**
 * A stored answer as its public page shows it: exactly the statements first shown, by side, with
 * speakers, source dates and numbered sources, the sides with nothing, and ready citations.
 */
public record AnswerView(Page page, String id, String question, String date, long revision, String message,
                         List<SideBlock> sides, String missing, List<SourceLine> sources, String url, String jsonUrl,
                         String citePlain, String apa) {

    public record SideBlock(String id, String emoji, String label, List<StatementLine> statements) {
    }

    /** {@code nearest}: the note that the statement is only the nearest its side has, or null. */
    public record StatementLine(String speaker, String text, boolean quote, int number, String sourceDate, String tags,
                                String caution, String nearest) {
    }

    public record SourceLine(int number, String title, String publisher, String date, String url, String kind, String copyOf) {
    }

    static AnswerView of(Answer a, Texts texts, String baseUrl) {
        Lang lang = a.language();
        Map<String, SourceRef> byId = new LinkedHashMap<>();
        a.sources().forEach(s -> byId.put(s.id(), s));
        List<SideBlock> sides = new ArrayList<>();
        for (Side side : Side.values()) {
            List<StatementLine> lines = new ArrayList<>();
            for (Statement s : a.statements(side)) {
                SourceRef src = byId.get(s.sourceId());
                List<String> tags = new ArrayList<>();
                if (s.quote()) {
                    tags.add(texts.get("quote", lang));
                }
                if (s.translated()) {
                    tags.add(texts.get("translation", lang));
                }
                lines.add(new StatementLine(s.speaker(), s.text(), s.quote(), a.citation(s.sourceId()), src == null ? "" : src.date(),
                        tags.isEmpty() ? "" : "(" + String.join(", ", tags) + ")", s.caution(),
                        s.nearest() ? texts.get("nearest", lang) : null));
            }
            if (!lines.isEmpty()) {
                sides.add(new SideBlock(side.id(), texts.emoji(side), texts.label(side, lang), lines));
            }
        }
        List<SourceLine> sources = new ArrayList<>();
        int n = 1;
        for (SourceRef s : a.sources()) {
            sources.add(new SourceLine(n++, s.title(), s.publisher(), s.date(), s.url(), texts.label(s.side(), lang), s.mirrorOf()));
        }
        String missing = a.sidesMissing().isEmpty() ? null
                : texts.get("sides_missing", lang, "sides", String.join(", ", a.sidesMissing().stream().map(x -> texts.label(x, lang)).toList()));
        String url = baseUrl + "/a/" + a.id();
        String day = a.createdAt().length() >= 10 ? a.createdAt().substring(0, 10) : a.createdAt();
        String description = a.statements().isEmpty() ? (a.message() == null ? "" : a.message())
                : a.statements().get(0).speaker() + ": " + a.statements().get(0).text();
        String title = a.question() + " · Qantar Sources";
        Page page = new Page(lang, title, List.of(
                new Page.Meta("og:type", "article"),
                new Page.Meta("og:site_name", "Qantar Sources"),
                new Page.Meta("og:title", a.question()),
                new Page.Meta("og:description", cut(description, 200)),
                new Page.Meta("og:url", url),
                new Page.Meta("twitter:card", "summary"),
                new Page.Meta("twitter:title", a.question()),
                new Page.Meta("twitter:description", cut(description, 200))), texts);
        String plain = "Qantar Sources · " + texts.get("answer_id", lang) + " " + a.id() + "\n"
                + texts.get("question", lang) + ": " + a.question() + "\n"
                + texts.get("web.answered", lang) + " " + day + ", " + texts.get("web.revision", lang) + " " + a.revision() + "\n" + url;
        return new AnswerView(page, a.id(), a.question(), day, a.revision(), a.statements().isEmpty() ? a.message() : null,
                sides, missing, sources, url, url + ".json", plain, apa(a, day, url));
    }

    /** An APA-style reference: author (the project), date, title with the answer id, URL. */
    static String apa(Answer a, String day, String url) {
        String when = day;
        try {
            when = LocalDate.parse(day).format(DateTimeFormatter.ofPattern("yyyy, MMMM d", Locale.ENGLISH));
        } catch (RuntimeException e) {
            // a stored date in another shape is cited as it is
        }
        return "Qantar Sources. (" + when + "). " + a.question() + " [Sourced answer " + a.id() + ", corpus revision "
                + a.revision() + "]. " + url;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1).stripTrailing() + "…";
    }
}
