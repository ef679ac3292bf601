package qantar.moderation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import qantar.corpus.Lang;
import qantar.corpus.Passage;
import qantar.corpus.Side;

/**
 * A passage as a moderator writes it, before it has an id: what the bot's /propose and /edit and
 * the console's forms all hand to {@link Proposing}. {@code speakers} and {@code topics} may be
 * null, "not given": a new passage then takes its source's publisher and the topic its source's
 * passages use most, an edit keeps the passage's. Everything else is taken as given and checked
 * by the corpus validator.
 */
public record PassageDraft(String sourceId, Side side, Lang original, Map<Lang, String> texts, Map<Lang, String> speakers,
                           List<String> topics, Map<Lang, List<String>> asks, boolean quote, String said, String sameAs,
                           Map<Lang, String> caution) {
    public PassageDraft {
        texts = copy(texts);
        asks = copy(asks);
        caution = copy(caution);
        speakers = speakers == null ? null : copy(speakers);
        topics = topics == null ? null : List.copyOf(topics);
    }

    /** A passage as it is, to change some of its fields. */
    public static PassageDraft of(Passage p) {
        Map<Lang, String> speakers = new EnumMap<>(Lang.class);
        for (Lang l : Lang.values()) {
            speakers.put(l, p.speaker(l));
        }
        return new PassageDraft(p.sourceId(), p.side(), p.original(), p.texts(), speakers, p.topics(), p.asks(), p.quote(),
                p.said(), p.sameAs(), p.caution());
    }

    public PassageDraft withTexts(Map<Lang, String> texts) {
        return new PassageDraft(sourceId, side, original, texts, speakers, topics, asks, quote, said, sameAs, caution);
    }

    public PassageDraft withSpeakers(Map<Lang, String> speakers) {
        return new PassageDraft(sourceId, side, original, texts, speakers, topics, asks, quote, said, sameAs, caution);
    }

    public PassageDraft withTopics(List<String> topics) {
        return new PassageDraft(sourceId, side, original, texts, speakers, topics, asks, quote, said, sameAs, caution);
    }

    public PassageDraft withAsks(Map<Lang, List<String>> asks) {
        return new PassageDraft(sourceId, side, original, texts, speakers, topics, asks, quote, said, sameAs, caution);
    }

    public PassageDraft withQuote(boolean quote) {
        return new PassageDraft(sourceId, side, original, texts, speakers, topics, asks, quote, said, sameAs, caution);
    }

    public PassageDraft withSaid(String said) {
        return new PassageDraft(sourceId, side, original, texts, speakers, topics, asks, quote, said, sameAs, caution);
    }

    public PassageDraft withSameAs(String sameAs) {
        return new PassageDraft(sourceId, side, original, texts, speakers, topics, asks, quote, said, sameAs, caution);
    }

    /** The passage this draft stands for under {@code id}; the one-language speaker is the English one, else the first given. */
    Passage passage(String id) {
        Map<Lang, String> who = speakers == null ? Map.of() : speakers;
        String english = who.getOrDefault(Lang.EN, who.values().stream().findFirst().orElse(""));
        return new Passage(id, sourceId, side, english, topics == null ? List.of() : topics, texts, original, quote, said, caution,
                asks, sameAs, who);
    }

    private static <V> Map<Lang, V> copy(Map<Lang, V> m) {
        Map<Lang, V> out = new EnumMap<>(Lang.class);
        if (m != null) {
            out.putAll(m);
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
