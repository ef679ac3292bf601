package qantar.answer;

import qantar.corpus.Lang;
import qantar.corpus.Side;

/**
 * One passage as shown in an answer. {@code translated} is true when the text is not in the
 * source's own language; {@code lang} is the language of the text shown.
 */
public record Statement(Side side, String speaker, String text, String passageId, String sourceId, boolean quote,
                        boolean translated, Lang lang, String caution) {
}
