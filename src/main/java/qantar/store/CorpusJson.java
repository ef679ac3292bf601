package qantar.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
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

/** The JSON form of corpus records in the database: canonical (sorted keys) so digests compare. */
public final class CorpusJson {
    static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private CorpusJson() {
    }

    public static String source(Source s) {
        Map<String, Object> m = new TreeMap<>();
        m.put("id", s.id());
        m.put("title", s.title());
        m.put("publisher", s.publisher());
        m.put("date", s.date());
        m.put("url", s.url());
        m.put("language", s.language());
        putIf(m, "mirror_of", s.mirrorOf());
        putIf(m, "note", s.note());
        putIf(m, "side", s.side() == null ? null : s.side().id());
        return write(m);
    }

    public static Source source(String json) {
        JsonNode n = read(json);
        return new Source(n.path("id").asText(), n.path("title").asText(), n.path("publisher").asText(),
                n.path("date").asText(), n.path("url").asText(), n.path("language").asText(),
                textOrNull(n, "mirror_of"), textOrNull(n, "note"),
                textOrNull(n, "side") == null ? null : Side.fromId(textOrNull(n, "side")).orElse(null));
    }

    public static String passage(Passage p) {
        Map<String, Object> m = new TreeMap<>();
        m.put("id", p.id());
        m.put("source_id", p.sourceId());
        m.put("side", p.side().id());
        m.put("speaker", p.speaker());
        m.put("topics", p.topics());
        m.put("text", langs(p.texts()));
        putIf(m, "original", p.original() == null ? null : p.original().code());
        m.put("quote", p.quote());
        putIf(m, "said", p.said());
        if (!p.caution().isEmpty()) {
            m.put("caution", langs(p.caution()));
        }
        // Only when present, so passages without them keep the digests they had.
        if (!p.asks().isEmpty()) {
            Map<String, List<String>> asks = new TreeMap<>();
            p.asks().forEach((l, qs) -> asks.put(l.code(), qs));
            m.put("asks", asks);
        }
        putIf(m, "same_as", p.sameAs());
        if (!p.speakers().isEmpty() && !p.speakers().equals(Map.of(Lang.EN, p.speaker()))) {
            m.put("speakers", langs(p.speakers()));
        }
        return write(m);
    }

    public static Passage passage(String json) {
        JsonNode n = read(json);
        List<String> topics = new ArrayList<>();
        n.path("topics").forEach(t -> topics.add(t.asText()));
        String original = textOrNull(n, "original");
        return new Passage(n.path("id").asText(), n.path("source_id").asText(),
                Side.fromId(n.path("side").asText()).orElseThrow(), n.path("speaker").asText(), topics,
                langs(n.path("text")), original == null ? null : Lang.fromCode(original).orElseThrow(),
                n.path("quote").asBoolean(), textOrNull(n, "said"), langs(n.path("caution")), asks(n.path("asks")),
                textOrNull(n, "same_as"), n.has("speakers") ? langs(n.path("speakers")) : Map.of(Lang.EN, n.path("speaker").asText()));
    }

    private static Map<Lang, List<String>> asks(JsonNode n) {
        Map<Lang, List<String>> out = new EnumMap<>(Lang.class);
        n.fields().forEachRemaining(e -> Lang.fromCode(e.getKey()).ifPresent(l -> {
            List<String> qs = new ArrayList<>();
            e.getValue().forEach(q -> qs.add(q.asText()));
            out.put(l, qs);
        }));
        return out;
    }

    public static String topics(List<Topic> topics) {
        List<Object> out = new ArrayList<>();
        topics.forEach(t -> out.add(Map.of("id", t.id(), "label", langs(t.labels()))));
        return write(out);
    }

    public static List<Topic> topics(String json) {
        List<Topic> out = new ArrayList<>();
        read(json).forEach(n -> out.add(new Topic(n.path("id").asText(), langs(n.path("label")))));
        return out;
    }

    public static String glossary(List<GlossaryGroup> groups) {
        List<Object> out = new ArrayList<>();
        groups.forEach(g -> out.add(Map.of("anchor", g.anchor(), "context", g.context(), "terms", g.terms())));
        return write(out);
    }

    public static List<GlossaryGroup> glossary(String json) {
        List<GlossaryGroup> out = new ArrayList<>();
        read(json).forEach(n -> {
            List<String> terms = new ArrayList<>();
            n.path("terms").forEach(t -> terms.add(t.asText()));
            out.add(new GlossaryGroup(n.path("anchor").asBoolean(), n.path("context").asBoolean(), terms));
        });
        return out;
    }

    public static String timeline(List<TimelineItem> items) {
        List<Object> out = new ArrayList<>();
        items.forEach(i -> out.add(Map.of("date", i.date(), "title", langs(i.title()), "passages", i.passageIds())));
        return write(out);
    }

    public static List<TimelineItem> timeline(String json) {
        List<TimelineItem> out = new ArrayList<>();
        read(json).forEach(n -> {
            List<String> ids = new ArrayList<>();
            n.path("passages").forEach(t -> ids.add(t.asText()));
            out.add(new TimelineItem(n.path("date").asText(), langs(n.path("title")), ids));
        });
        return out;
    }

    private static Map<String, String> langs(Map<Lang, String> m) {
        Map<String, String> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k.code(), v));
        return out;
    }

    private static Map<Lang, String> langs(JsonNode n) {
        Map<Lang, String> out = new EnumMap<>(Lang.class);
        n.fields().forEachRemaining(e -> Lang.fromCode(e.getKey()).ifPresent(l -> out.put(l, e.getValue().asText())));
        return out;
    }

    private static void putIf(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static String textOrNull(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new StoreException("corrupt JSON in the database: " + e.getOriginalMessage(), e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("corrupt JSON in the database: " + e.getOriginalMessage(), e);
        }
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
