package qantar.corpus;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One statement of one speaker, tied to one source. {@code texts} holds the statement in each
 * language we have; every text except the one in {@code original} (null when the source is in
 * another language) is a translation and is shown as one.
 *
 * <p>{@code asks} are short questions the passage answers, per language, as citizens ask them: they
 * are searched beside the text, so a passage is found by what it answers, not only by the words it
 * uses. {@code sameAs} names the first passage of a fact cluster when this one states the same fact
 * from another source (null otherwise): an answer shows the cluster once, with every source.
 * {@code speaker} is the speaker's English form; {@code speakers} holds it in every language.
 */
public record Passage(String id, String sourceId, Side side, String speaker, List<String> topics,
                      Map<Lang, String> texts, Lang original, boolean quote, String said,
                      Map<Lang, String> caution, Map<Lang, List<String>> asks, String sameAs,
                      Map<Lang, String> speakers) {

    public Passage {
        topics = List.copyOf(topics);
        texts = inLangOrder(texts);
        caution = caution == null ? Map.of() : inLangOrder(caution);
        Map<Lang, List<String>> a = new EnumMap<>(Lang.class);
        if (asks != null) {
            asks.forEach((l, qs) -> a.put(l, List.copyOf(qs)));
        }
        asks = inLangOrder(a);
        speakers = speakers == null ? Map.of() : inLangOrder(speakers);
    }

    /**
     * An unmodifiable copy that iterates in {@link Lang} order. Not {@code Map.copyOf}: its order
     * changes from one run of the program to the next, and whatever takes a passage's first text
     * would then answer differently after each start.
     */
    private static <V> Map<Lang, V> inLangOrder(Map<Lang, V> m) {
        Map<Lang, V> out = new EnumMap<>(Lang.class);
        m.forEach((l, v) -> out.put(Objects.requireNonNull(l), Objects.requireNonNull(v)));
        return java.util.Collections.unmodifiableMap(out);
    }

    public Passage(String id, String sourceId, Side side, String speaker, List<String> topics,
                   Map<Lang, String> texts, Lang original, boolean quote, String said, Map<Lang, String> caution,
                   Map<Lang, List<String>> asks, String sameAs) {
        this(id, sourceId, side, speaker, topics, texts, original, quote, said, caution, asks, sameAs, Map.of());
    }

    /** A passage with no asks and in no cluster. */
    public Passage(String id, String sourceId, Side side, String speaker, List<String> topics,
                   Map<Lang, String> texts, Lang original, boolean quote, String said, Map<Lang, String> caution) {
        this(id, sourceId, side, speaker, topics, texts, original, quote, said, caution, Map.of(), null, Map.of());
    }

    /** The caution to show beside this passage in {@code lang} ({@link Lang#pick}); null when it has none. */
    public String caution(Lang lang) {
        return Lang.pick(caution, lang);
    }

    /** The speaker in {@code lang}, else in English. */
    public String speaker(Lang lang) {
        return speakers.getOrDefault(lang, speaker);
    }

    public boolean isTranslation(Lang lang) {
        return lang != original;
    }

    /** The id of the fact cluster this passage belongs to: its first passage's id. */
    public String clusterId() {
        return sameAs != null ? sameAs : id;
    }
}
