package qantar.answer;

import java.util.List;
import qantar.corpus.Lang;
import qantar.corpus.Side;

/**
 * One passage as shown in an answer. {@code translated} is true when the text is not in the
 * source's own language; {@code lang} is the language of the text shown. {@code summary} is true
 * for a model-written sentence that passed the citation guard; {@code cites} then lists every
 * passage it cites ({@code passageId} is the first), and is empty for a passage shown as it is.
 */
public record Statement(Side side, String speaker, String text, String passageId, String sourceId, boolean quote,
                        boolean translated, Lang lang, String caution, boolean summary, List<String> cites) {

    public Statement {
        cites = cites == null ? List.of() : List.copyOf(cites);
    }

    /** A passage shown as it is. */
    public Statement(Side side, String speaker, String text, String passageId, String sourceId, boolean quote,
                     boolean translated, Lang lang, String caution) {
        this(side, speaker, text, passageId, sourceId, quote, translated, lang, caution, false, List.of());
    }
}
