package qantar.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import qantar.config.Texts;
import qantar.corpus.Corpus;
import qantar.corpus.Lang;
import qantar.corpus.Passage;
import qantar.corpus.Side;
import qantar.corpus.Source;
import qantar.corpus.TimelineItem;

/** The pages about the corpus itself: the search page, the sources by side, one source, the timeline. */
public final class CorpusViews {
    private CorpusViews() {
    }

    public record HomeView(Page page, List<String> examples) {
    }

    public record SourcesView(Page page, List<SideSources> sides) {
    }

    public record SideSources(String id, String emoji, String label, String about, List<SourceItem> sources) {
    }

    public record SourceItem(String id, String title, String publisher, String date, int passages) {
    }

    public record SourceView(Page page, Source source, String kind, List<PassageItem> passages) {
    }

    public record PassageItem(String id, String side, String speaker, String text, String tags) {
    }

    public record TimelineView(Page page, List<TimelineEntry> items) {
    }

    public record TimelineEntry(String date, String title, List<String> sourceIds) {
    }

    public record ErrorView(Page page, int status, String message) {
    }

    static Page page(Lang lang, String titleKey, Texts texts) {
        return new Page(lang, texts.get(titleKey, lang) + " · Qantar Sources", List.of(), texts);
    }

    static HomeView home(Lang lang, Texts texts) {
        return new HomeView(new Page(lang, "Qantar Sources", List.of(), texts),
                List.of(texts.get("web.example1", lang), texts.get("web.example2", lang), texts.get("web.example3", lang)));
    }

    /** The publishers by their own side, each with how many passages it carries. */
    static SourcesView sources(Corpus c, Lang lang, Texts texts) {
        Map<String, Long> counts = new java.util.HashMap<>();
        c.passages().forEach(p -> counts.merge(p.sourceId(), 1L, Long::sum));
        List<SideSources> sides = new ArrayList<>();
        for (Side side : Side.values()) {
            List<SourceItem> items = c.sources().stream().filter(s -> side(s, c) == side)
                    .map(s -> new SourceItem(s.id(), s.title(), s.publisher(), s.date(), counts.getOrDefault(s.id(), 0L).intValue()))
                    .sorted(java.util.Comparator.comparing(SourceItem::date).reversed()).toList();
            sides.add(new SideSources(side.id(), texts.emoji(side), texts.label(side, lang), texts.about(side, lang), items));
        }
        return new SourcesView(page(lang, "sources", texts), sides);
    }

    static SourceView source(Source s, Corpus c, Lang lang, Texts texts) {
        List<PassageItem> items = new ArrayList<>();
        for (Passage p : c.passages()) {
            if (!p.sourceId().equals(s.id())) {
                continue;
            }
            Lang shown = p.texts().containsKey(lang) ? lang : p.texts().keySet().iterator().next();
            String tags = (p.quote() ? texts.get("quote", lang) + " " : "") + (p.isTranslation(shown) ? texts.get("translation", lang) : "");
            items.add(new PassageItem(p.id(), texts.emoji(p.side()) + " " + texts.label(p.side(), lang), p.speaker(lang),
                    p.texts().get(shown), tags.isBlank() ? "" : "(" + tags.strip() + ")"));
        }
        return new SourceView(new Page(lang, s.title() + " · Qantar Sources", List.of(), texts), s,
                texts.label(side(s, c), lang), items);
    }

    static TimelineView timeline(Corpus c, Lang lang, Texts texts) {
        Map<String, Passage> byId = c.passagesById();
        List<TimelineEntry> items = new ArrayList<>();
        for (TimelineItem t : c.timeline()) {
            List<String> sources = t.passageIds().stream().map(byId::get).filter(java.util.Objects::nonNull)
                    .map(Passage::sourceId).distinct().toList();
            items.add(new TimelineEntry(t.date(), Lang.pick(t.title(), lang), sources));
        }
        return new TimelineView(page(lang, "web.timeline", texts), items);
    }

    /** A source's own side, or, for a record without one, the side of its first passage. */
    static Side side(Source s, Corpus c) {
        if (s.side() != null) {
            return s.side();
        }
        return c.passages().stream().filter(p -> p.sourceId().equals(s.id())).map(Passage::side).findFirst().orElse(Side.OTHER);
    }
}
