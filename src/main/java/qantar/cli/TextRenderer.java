package qantar.cli;

import java.util.List;
import java.util.stream.Collectors;
import qantar.answer.Answer;
import qantar.answer.SourceRef;
import qantar.answer.Statement;
import qantar.config.Texts;
import qantar.corpus.Lang;
import qantar.corpus.Side;

/** An answer as plain text for a terminal: a header per side, numbered citations, a source list. */
final class TextRenderer {
    private final Texts texts;

    TextRenderer(Texts texts) {
        this.texts = texts;
    }

    String render(Answer a) {
        Lang lang = a.language();
        StringBuilder out = new StringBuilder();
        if (a.message() != null) {
            return out.append(a.message()).append('\n').toString();
        }
        for (Side side : Side.values()) {
            List<Statement> statements = a.statements(side);
            if (statements.isEmpty()) {
                continue;
            }
            out.append(texts.emoji(side)).append(' ').append(texts.label(side, lang).toUpperCase()).append('\n');
            for (Statement s : statements) {
                out.append("  • ").append(s.speaker()).append(": ").append(s.text())
                        .append(" [").append(a.citation(s.sourceId())).append(']').append(tags(s, lang)).append('\n');
                if (s.caution() != null) {
                    out.append("    ⚠ ").append(texts.get("caution", lang)).append(": ").append(s.caution()).append('\n');
                }
                if (s.nearest()) {
                    out.append("    ≈ ").append(texts.get("nearest", lang)).append('\n');
                }
            }
            out.append('\n');
        }
        if (!a.sidesMissing().isEmpty()) {
            out.append(texts.get("sides_missing", lang, "sides",
                    a.sidesMissing().stream().map(s -> texts.label(s, lang)).collect(Collectors.joining(", ")))).append("\n\n");
        }
        out.append(texts.get("sources", lang)).append('\n');
        int n = 1;
        for (SourceRef s : a.sources()) {
            out.append("  [").append(n++).append("] ").append(s.title()).append(" — ").append(s.publisher())
                    .append(", ").append(s.date()).append("\n      ").append(s.url()).append('\n');
        }
        out.append('\n').append(texts.get("answer_id", lang)).append(' ').append(a.id()).append('\n');
        return out.toString();
    }

    private String tags(Statement s, Lang lang) {
        StringBuilder t = new StringBuilder();
        if (s.summary()) {
            // model-written: never passed off as a source's own words
            List<String> ids = s.cites().isEmpty() ? List.of(s.passageId()) : s.cites();
            t.append(" (").append(texts.get("summary_of", lang, "passages",
                    ids.stream().map(id -> "[p:" + id + "]").collect(Collectors.joining(", ")))).append(')');
        }
        if (s.quote()) {
            t.append(" (").append(texts.get("quote", lang)).append(')');
        }
        if (s.translated()) {
            t.append(" (").append(texts.get("translation", lang)).append(')');
        }
        if (s.lang() != lang) {
            t.append(" (").append(texts.get("original_in", lang, "lang", texts.languageName(s.lang(), lang))).append(')');
        }
        return t.toString();
    }
}
