package qantar.corpus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The curated corpus: sources with their passages, plus topics, glossary and timeline. */
public record Corpus(List<Source> sources, List<Passage> passages, List<Topic> topics,
                     List<GlossaryGroup> glossary, List<TimelineItem> timeline) {

    public Corpus {
        sources = List.copyOf(sources);
        passages = List.copyOf(passages);
        topics = List.copyOf(topics);
        glossary = List.copyOf(glossary);
        timeline = List.copyOf(timeline);
    }

    public Map<String, Source> sourcesById() {
        Map<String, Source> m = new LinkedHashMap<>();
        sources.forEach(s -> m.put(s.id(), s));
        return m;
    }

    public Map<String, Passage> passagesById() {
        Map<String, Passage> m = new LinkedHashMap<>();
        passages.forEach(p -> m.put(p.id(), p));
        return m;
    }

    /** The passages the timeline cites, the curated key items of the events, in the timeline's order. */
    public Set<String> timelinePassageIds() {
        Set<String> ids = new LinkedHashSet<>();
        timeline.forEach(t -> ids.addAll(t.passageIds()));
        return Collections.unmodifiableSet(ids);
    }

    /** The topic of a passage stating its side's overall account of the events (knowledge/README.md). */
    public static final String POSITION = "position";

    /**
     * The passages an overview may show though the question's words did not find them: those stating
     * a side's overall account ({@value #POSITION}) and those the timeline cites. A few dozen, however
     * large the corpus.
     */
    public List<Passage> keyPassages() {
        Set<String> timeline = timelinePassageIds();
        return passages.stream().filter(p -> p.topics().contains(POSITION) || timeline.contains(p.id())).toList();
    }

    public Optional<Topic> topic(String id) {
        return topics.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
