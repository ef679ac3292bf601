package qantar.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import qantar.corpus.GlossaryGroup;
import qantar.corpus.Lang;
import qantar.corpus.Passage;
import qantar.corpus.Side;
import qantar.corpus.Source;
import qantar.corpus.TimelineItem;
import qantar.corpus.Topic;
import qantar.json.Json;
import qantar.store.CorpusJsonRecords.GlossaryJson;
import qantar.store.CorpusJsonRecords.PassageJson;
import qantar.store.CorpusJsonRecords.SourceJson;
import qantar.store.CorpusJsonRecords.TimelineJson;
import qantar.store.CorpusJsonRecords.TopicJson;

/** The JSON form of corpus records in the database: canonical (sorted keys) so digests compare. */
public final class CorpusJson {
    private static final ObjectWriter WRITER = Json.MAPPER.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private CorpusJson() {
    }

    public static String source(Source s) {
        return write(new SourceJson(s.id(), s.title(), s.publisher(), s.date(), s.url(), s.language(), s.mirrorOf(), s.note(),
                s.side() == null ? null : s.side().id()));
    }

    public static Source source(String json) {
        SourceJson n = read(json, SourceJson.class);
        return new Source(n.id(), n.title(), n.publisher(), n.date(), n.url(), n.language(), n.mirrorOf(), n.note(),
                n.side() == null ? null : side(n.side()));
    }

    public static String passage(Passage p) {
        Map<String, List<String>> asks = null;
        // Only when present, so passages without them keep the digests they had.
        if (!p.asks().isEmpty()) {
            asks = new TreeMap<>();
            for (Map.Entry<Lang, List<String>> e : p.asks().entrySet()) {
                asks.put(e.getKey().code(), e.getValue());
            }
        }
        boolean ownSpeakers = !p.speakers().isEmpty() && !p.speakers().equals(Map.of(Lang.EN, p.speaker()));
        return write(new PassageJson(p.id(), p.sourceId(), p.side().id(), p.speaker(), p.topics(), codes(p.texts()),
                p.original() == null ? null : p.original().code(), p.quote(), p.said(),
                p.caution().isEmpty() ? null : codes(p.caution()), asks, p.sameAs(), ownSpeakers ? codes(p.speakers()) : null));
    }

    public static Passage passage(String json) {
        PassageJson n = read(json, PassageJson.class);
        Map<Lang, List<String>> asks = new EnumMap<>(Lang.class);
        if (n.asks() != null) {
            n.asks().forEach((code, qs) -> asks.put(lang(code), qs));
        }
        return new Passage(n.id(), n.sourceId(), side(n.side()), n.speaker(), n.topics(), langs(n.text()),
                n.original() == null ? null : lang(n.original()), n.quote(), n.said(), langs(n.caution()), asks, n.sameAs(),
                n.speakers() != null ? langs(n.speakers()) : Map.of(Lang.EN, n.speaker()));
    }

    public static String topics(List<Topic> topics) {
        return write(topics.stream().map(t -> new TopicJson(t.id(), codes(t.labels()))).toList());
    }

    public static List<Topic> topics(String json) {
        return Arrays.stream(read(json, TopicJson[].class)).map(n -> new Topic(n.id(), langs(n.label()))).toList();
    }

    public static String glossary(List<GlossaryGroup> groups) {
        return write(groups.stream().map(g -> new GlossaryJson(g.anchor(), g.context(), g.place(), g.terms())).toList());
    }

    public static List<GlossaryGroup> glossary(String json) {
        return Arrays.stream(read(json, GlossaryJson[].class)).map(n -> new GlossaryGroup(n.anchor(), n.context(), n.place(), n.terms())).toList();
    }

    public static String timeline(List<TimelineItem> items) {
        return write(items.stream().map(i -> new TimelineJson(i.date(), codes(i.title()), i.passageIds())).toList());
    }

    public static List<TimelineItem> timeline(String json) {
        return Arrays.stream(read(json, TimelineJson[].class)).map(n -> new TimelineItem(n.date(), langs(n.title()), n.passages())).toList();
    }

    private static Map<String, String> codes(Map<Lang, String> m) {
        Map<String, String> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k.code(), v));
        return out;
    }

    private static Map<Lang, String> langs(Map<String, String> m) {
        Map<Lang, String> out = new EnumMap<>(Lang.class);
        if (m != null) {
            m.forEach((code, v) -> out.put(lang(code), v));
        }
        return out;
    }

    private static Lang lang(String code) {
        return Lang.fromCode(code).orElseThrow(() -> new StoreException("corrupt JSON in the database: unknown language '" + code + "'", null));
    }

    private static Side side(String id) {
        return Side.fromId(id).orElseThrow(() -> new StoreException("corrupt JSON in the database: unknown side '" + id + "'", null));
    }

    private static String write(Object o) {
        try {
            return WRITER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("corrupt JSON in the database: " + e.getOriginalMessage(), e);
        }
    }
}
