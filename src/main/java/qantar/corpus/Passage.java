package qantar.corpus;

import java.util.List;
import java.util.Map;

/**
 * One statement of one speaker, tied to one source. {@code texts} holds the statement in each
 * language we have; every text except the one in {@code original} (null when the source is in
 * another language) is a translation and is shown as one.
 */
public record Passage(String id, String sourceId, Side side, String speaker, List<String> topics,
                      Map<Lang, String> texts, Lang original, boolean quote, String said,
                      Map<Lang, String> caution) {

    public Passage {
        topics = List.copyOf(topics);
        texts = Map.copyOf(texts);
        caution = caution == null ? Map.of() : Map.copyOf(caution);
    }

    public boolean isTranslation(Lang lang) {
        return lang != original;
    }
}
