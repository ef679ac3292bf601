package qantar.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Writes a corpus in the knowledge/ format, so the live corpus can be reviewed in git and read back. */
public final class CorpusWriter {
    private CorpusWriter() {
    }

    public static void write(Corpus corpus, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sources"));
        Map<String, List<Passage>> bySource = new LinkedHashMap<>();
        corpus.passages().forEach(p -> bySource.computeIfAbsent(p.sourceId(), k -> new ArrayList<>()).add(p));
        for (Source s : corpus.sources()) {
            List<Passage> passages = bySource.getOrDefault(s.id(), List.of());
            if (!passages.isEmpty()) {
                Files.writeString(dir.resolve("sources").resolve(s.id() + ".yaml"), sourceYaml(s, passages), StandardCharsets.UTF_8);
            }
        }
        List<Object> topics = new ArrayList<>();
        corpus.topics().forEach(t -> topics.add(map("id", t.id(), "label", langs(t.labels()))));
        Files.writeString(dir.resolve("topics.yaml"), yaml().dump(topics), StandardCharsets.UTF_8);
        List<Object> glossary = new ArrayList<>();
        corpus.glossary().forEach(g -> glossary.add(g.anchor() ? map("anchor", true, "terms", g.terms())
                : g.context() ? map("context", true, "terms", g.terms()) : map("terms", g.terms())));
        Files.writeString(dir.resolve("glossary.yaml"), yaml().dump(glossary), StandardCharsets.UTF_8);
        List<Object> timeline = new ArrayList<>();
        corpus.timeline().forEach(i -> timeline.add(map("date", i.date(), "title", langs(i.title()), "passages", i.passageIds())));
        Files.writeString(dir.resolve("timeline.yaml"), yaml().dump(timeline), StandardCharsets.UTF_8);
    }

    public static String sourceYaml(Source s, List<Passage> passages) {
        Map<String, Object> m = map("id", s.id(), "title", s.title(), "publisher", s.publisher(), "date", s.date(),
                "url", s.url(), "language", s.language());
        if (s.mirrorOf() != null) {
            m.put("mirror_of", s.mirrorOf());
        }
        if (s.note() != null) {
            m.put("note", s.note());
        }
        if (s.side() != null) {
            m.put("side", s.side().id());
        }
        List<Object> items = new ArrayList<>();
        for (Passage p : passages) {
            Map<String, Object> pm = map("id", p.id(), "side", p.side().id(),
                    "speaker", p.speakers().isEmpty() ? Map.of("en", p.speaker()) : langs(p.speakers()), "topics", p.topics());
            if (p.original() != null) {
                pm.put("original", p.original().code());
            }
            if (p.quote()) {
                pm.put("quote", true);
            }
            if (p.said() != null) {
                pm.put("said", p.said());
            }
            if (p.sameAs() != null) {
                pm.put("same_as", p.sameAs());
            }
            pm.put("text", langs(p.texts()));
            if (!p.asks().isEmpty()) {
                Map<String, List<String>> asks = new LinkedHashMap<>();
                for (Lang l : List.of(Lang.RU, Lang.EN, Lang.KK)) {
                    if (p.asks().containsKey(l)) {
                        asks.put(l.code(), p.asks().get(l));
                    }
                }
                pm.put("asks", asks);
            }
            if (!p.caution().isEmpty()) {
                pm.put("caution", langs(p.caution()));
            }
            items.add(pm);
        }
        m.put("passages", items);
        return yaml().dump(m);
    }

    private static Map<String, String> langs(Map<Lang, String> texts) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Lang l : List.of(Lang.RU, Lang.EN, Lang.KK)) {
            if (texts.containsKey(l)) {
                m.put(l.code(), texts.get(l));
            }
        }
        return m;
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Yaml yaml() {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setAllowUnicode(true);
        o.setWidth(120);
        o.setIndicatorIndent(2);
        o.setIndentWithIndicator(true);
        return new Yaml(o);
    }
}
