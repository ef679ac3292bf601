package qantar.answer;

import java.util.List;
import qantar.corpus.Lang;
import qantar.corpus.Side;

/**
 * One passage as shown in an answer. {@code translated} is true when the text is not in the
 * source's own language; {@code lang} is the language of the text shown. {@code summary} is true
 * for a model-written sentence that passed the citation guard; {@code cites} then lists every
 * passage it cites ({@code passageId} is the first), and is empty for a passage shown as it is.
 * {@code also} are the other passages of the same fact cluster: the same fact from other sources,
 * shown once. {@code nearest} is true when the statement is only the nearest its side has to the
 * question, likely not an answer to it: shown so, not as the side's answer.
 */
public record Statement(Side side, String speaker, String text, String passageId, String sourceId, boolean quote,
                        boolean translated, Lang lang, String caution, boolean summary, List<String> cites,
                        List<Also> also, boolean nearest) {

    /** Another passage stating the same fact, and its source. */
    public record Also(String passageId, String sourceId) {
    }

    public Statement {
        cites = cites == null ? List.of() : List.copyOf(cites);
        also = also == null ? List.of() : List.copyOf(also);
    }

    public Statement(Side side, String speaker, String text, String passageId, String sourceId, boolean quote,
                     boolean translated, Lang lang, String caution, boolean summary, List<String> cites, List<Also> also) {
        this(side, speaker, text, passageId, sourceId, quote, translated, lang, caution, summary, cites, also, false);
    }

    public Statement(Side side, String speaker, String text, String passageId, String sourceId, boolean quote,
                     boolean translated, Lang lang, String caution, boolean summary, List<String> cites) {
        this(side, speaker, text, passageId, sourceId, quote, translated, lang, caution, summary, cites, List.of());
    }

    /** A passage shown as it is. */
    public Statement(Side side, String speaker, String text, String passageId, String sourceId, boolean quote,
                     boolean translated, Lang lang, String caution) {
        this(side, speaker, text, passageId, sourceId, quote, translated, lang, caution, false, List.of());
    }

    public Statement withAlso(List<Also> others) {
        return new Statement(side, speaker, text, passageId, sourceId, quote, translated, lang, caution, summary, cites, others, nearest);
    }

    /** The same statement shown as the nearest its side has, not as an answer. */
    public Statement asNearest() {
        return new Statement(side, speaker, text, passageId, sourceId, quote, translated, lang, caution, summary, cites, also, true);
    }

    /** Every passage this statement stands on: its own, the ones it cites, and its cluster's. */
    public List<String> passageIds() {
        List<String> ids = new java.util.ArrayList<>(List.of(passageId));
        cites.stream().filter(c -> !ids.contains(c)).forEach(ids::add);
        also.stream().map(Also::passageId).filter(c -> !ids.contains(c)).forEach(ids::add);
        return ids;
    }
}
