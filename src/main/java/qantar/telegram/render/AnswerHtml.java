package qantar.telegram.render;

import static qantar.telegram.render.Html.b;
import static qantar.telegram.render.Html.esc;
import static qantar.telegram.render.Html.i;
import static qantar.telegram.render.Html.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import qantar.answer.Answer;
import qantar.answer.SourceRef;
import qantar.answer.Statement;
import qantar.config.Texts;
import qantar.corpus.Lang;
import qantar.corpus.Side;

/**
 * Answers in Telegram HTML, every word in the language the caller gives: the answer's own, so an
 * answer reads in one language whatever the interface language.
 */
public final class AnswerHtml {
    /** A statement longer than this is cut, so a single block always fits in a message. */
    private static final int MAX_STATEMENT = 3000;
    private static final int COMPACT_PER_SIDE = 1;
    /** Compact statements are cut near here (one phone screen for up to five sides). */
    private static final int COMPACT_STATEMENT = 240;
    private static final int SHORT_STATEMENT = 200;
    private static final int COMPACT_TITLE = 60;
    private static final int FULL_TITLE = 160;

    private final Texts texts;

    public AnswerHtml(Texts texts) {
        this.texts = texts;
    }

    /** How much of an answer a message shows. */
    public enum Form {
        /** Every statement, in as many messages as it takes. */
        FULL,
        /** A private chat's default: each side's best statement, one message, one phone screen. */
        COMPACT,
        /** Groups and inline: shorter still. */
        SHORT
    }

    /**
     * The answer as one or more messages. Compact forms keep one statement per side, cut long ones,
     * list only the sources they cite, and always fit one message.
     */
    public List<String> answer(Answer a, Lang ui, Form form) {
        List<String> blocks = new ArrayList<>();
        blocks.add("❓ " + i(Html.cut(a.question(), 300)));
        if (a.statements().isEmpty()) {
            blocks.add("");
            blocks.add(esc(a.message() != null ? a.message() : texts.get(a.inScope() ? "nothing_found" : "out_of_scope", ui)));
            blocks.add(idLine(a, ui));
            return List.of(String.join("\n", blocks));
        }
        boolean full = form == Form.FULL;
        // sources are numbered as cited: all of them in a full answer, only those shown in a compact one
        Map<String, Integer> numbers = new java.util.LinkedHashMap<>();
        if (full) {
            a.sources().forEach(src -> numbers.put(src.id(), numbers.size() + 1));
        }
        for (Side side : Side.values()) {
            List<Statement> statements = a.statements(side);
            int shown = 0;
            for (Statement s : statements) {
                if (!full && shown >= COMPACT_PER_SIDE) {
                    break;
                }
                int n = numbers.computeIfAbsent(s.sourceId(), k -> numbers.size() + 1);
                String line = statement(a, s, n, ui, full ? MAX_STATEMENT : form == Form.COMPACT ? COMPACT_STATEMENT : SHORT_STATEMENT);
                // a side's header travels with its first statement, so a split never leaves it alone
                blocks.add(shown++ == 0 ? "\n" + header(side, ui) + "\n" + line : line);
            }
        }
        if (!a.sidesMissing().isEmpty()) {
            blocks.add("");
            blocks.add(i(texts.get("sides_missing", ui, "sides", labels(a.sidesMissing(), ui))));
        }
        blocks.add("");
        blocks.add(b(texts.get("sources", ui)));
        Map<String, SourceRef> byId = a.sources().stream().collect(Collectors.toMap(SourceRef::id, x -> x, (x, y) -> x));
        numbers.forEach((id, n) -> {
            SourceRef s = byId.get(id);
            if (s != null) {
                blocks.add(n + ". " + link(s.url(), Html.cut(s.title(), full ? FULL_TITLE : COMPACT_TITLE)) + ", " + esc(s.date()));
            }
        });
        blocks.add("");
        blocks.add(idLine(a, ui));
        List<String> parts = Html.pack(blocks, Html.MAX_MESSAGE);
        if (!full && parts.size() > 1) {
            // one message only: drop trailing source lines until it fits, keeping the id line
            List<String> shorter = new ArrayList<>(blocks);
            while (Html.pack(shorter, Html.MAX_MESSAGE).size() > 1 && shorter.size() > 3) {
                shorter.remove(shorter.size() - 3);
            }
            return List.of(String.join("\n", shorter).strip());
        }
        return parts;
    }

    public String header(Side side, Lang ui) {
        return texts.emoji(side) + " " + b(texts.label(side, ui));
    }

    private String statement(Answer a, Statement s, int n, Lang ui, int maxText) {
        StringBuilder line = new StringBuilder("• ");
        line.append(b(s.speaker())).append(": ");
        String text = Html.cut(s.text(), maxText);
        line.append(s.quote() ? "«" + esc(text) + "»" : esc(text));
        int at = a.citation(s.sourceId());
        SourceRef src = at > 0 ? a.sources().get(at - 1) : null;
        line.append(' ').append(src == null ? "[" + n + "]" : link(src.url(), "[" + n + "]"));
        List<String> tags = new ArrayList<>();
        if (s.summary()) {
            tags.add(summaryOf(s, ui)); // model-written: never passed off as a source's own words
        }
        if (s.quote()) {
            tags.add(texts.get("quote", ui));
        }
        if (s.translated()) {
            tags.add(texts.get("translation", ui));
        }
        if (!tags.isEmpty()) {
            line.append(' ').append(i("(" + String.join(", ", tags) + ")"));
        }
        if (s.caution() != null && !s.caution().isBlank()) {
            line.append("\n   ⚠️ ").append(i(texts.get("caution", ui) + ": " + Html.cut(s.caution(), 500)));
        }
        if (s.nearest()) {
            line.append("\n   ≈ ").append(i(texts.get("nearest", ui)));
        }
        return line.toString();
    }

    /** "summary of [p:ID], [p:ID]": the passages a model-written sentence stands on. */
    String summaryOf(Statement s, Lang ui) {
        List<String> ids = s.cites().isEmpty() ? List.of(s.passageId()) : s.cites();
        return texts.get("summary_of", ui, "passages", ids.stream().map(id -> "[p:" + id + "]").collect(Collectors.joining(", ")));
    }

    private String idLine(Answer a, Lang ui) {
        return esc(texts.get("answer_id", ui)) + ": <code>" + esc(a.id()) + "</code>";
    }

    String labels(List<Side> sides, Lang ui) {
        return sides.stream().map(s -> texts.label(s, ui)).collect(Collectors.joining(", "));
    }

    /** The answer's sources in full: title, publisher, date, link, side. */
    public List<String> sources(Answer a, Lang ui) {
        List<String> blocks = new ArrayList<>();
        blocks.add(b(texts.get("sources", ui)) + " — <code>" + esc(a.id()) + "</code>");
        int n = 1;
        for (SourceRef s : a.sources()) {
            StringBuilder line = new StringBuilder();
            line.append('\n').append(n++).append(". ").append(texts.emoji(s.side())).append(' ')
                    .append(link(s.url(), Html.cut(s.title(), 300))).append('\n')
                    .append("   ").append(esc(Html.cut(s.publisher(), 300))).append(", ").append(esc(s.date()));
            if (s.mirrorOf() != null && !s.mirrorOf().isBlank()) {
                line.append('\n').append("   ").append(i(texts.get("mirror_of", ui, "what", Html.cut(s.mirrorOf(), 200))));
            }
            blocks.add(line.toString());
        }
        if (a.sources().isEmpty()) {
            blocks.add(esc(texts.get("tg.no_sources", ui)));
        }
        return Html.pack(blocks, Html.MAX_MESSAGE);
    }

    /**
     * A citation as plain text inside &lt;pre&gt; (one tap copies it): question, date, every
     * statement with its source, and the deep link that reopens the answer.
     */
    public List<String> citation(Answer a, Lang ui, String deepLink) {
        List<String> plain = new ArrayList<>();
        plain.add("Qantar Sources · " + texts.get("answer_id", ui) + " " + a.id());
        plain.add(texts.get("question", ui) + ": " + a.question());
        plain.add(texts.get("tg.cite_date", ui) + ": " + a.createdAt().substring(0, Math.min(10, a.createdAt().length()))
                + " (" + texts.get("tg.cite_revision", ui) + " " + a.revision() + ")");
        Map<String, SourceRef> byId = a.sources().stream().collect(Collectors.toMap(SourceRef::id, s -> s, (x, y) -> x));
        for (Side side : Side.values()) {
            List<Statement> statements = a.statements(side);
            if (statements.isEmpty()) {
                continue;
            }
            StringBuilder block = new StringBuilder("\n").append(texts.label(side, ui).toUpperCase(java.util.Locale.ROOT));
            plain.add(block.toString());
            for (Statement s : statements) {
                SourceRef src = byId.get(s.sourceId());
                StringBuilder line = new StringBuilder("- ").append(s.speaker()).append(": ")
                        .append(Html.cut(s.text(), MAX_STATEMENT));
                if (src != null) {
                    line.append("\n  ").append(Html.cut(src.title(), 300)).append(", ").append(src.publisher())
                            .append(", ").append(src.date()).append("\n  ").append(src.url());
                }
                plain.add(line.toString());
            }
        }
        if (a.statements().isEmpty()) {
            plain.add("\n" + texts.get(a.inScope() ? "nothing_found" : "out_of_scope", ui));
        }
        if (!a.sidesMissing().isEmpty()) {
            plain.add("\n" + texts.get("sides_missing", ui, "sides", labels(a.sidesMissing(), ui)));
        }
        plain.add("\n" + deepLink);
        List<String> escaped = plain.stream().map(Html::esc).toList();
        List<String> parts = Html.pack(escaped, Html.MAX_MESSAGE);
        return parts.stream().map(p -> "<pre>" + p + "</pre>").toList();
    }
}
