package qantar.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import qantar.corpus.Corpus;
import qantar.corpus.Passage;
import qantar.search.Concept;
import qantar.search.Frame;
import qantar.search.Retriever.Hit;
import qantar.search.Retriever.Retrieval;

/**
 * An overview ("what happened?") covers every passage on the events equally, so what a side shows
 * first are its key items: the passage stating the side's overall account of the events (topic
 * {@value Corpus#POSITION}, where the frame prefers that topic), then passages the timeline cites and that carry the overview frame's topics,
 * then those with either, then the rest; the timeline's items in the timeline's order, the rest in the retrieval's.
 * Where a side has its account or a timeline item, a "what happened" overview shows nothing else of it:
 * the rest were found by scene words alone ("January"). A small preference among
 * equally covering passages is not enough here: the word order of BM25 and vectors says little
 * about what matters in the whole story, and the key items are taken from the corpus even where the
 * question's words did not find them.
 */
final class KeyItems {
    private KeyItems() {
    }

    /**
     * The hits, and the key items of the corpus they lack, reordered with the key items first (a
     * stable sort: the retrieval's order within each rank, the added items after the found ones).
     */
    static List<Hit> first(Retrieval retrieval, Set<String> timeline, List<Passage> keyPassages) {
        List<Frame> frames = retrieval.concepts().stream().map(Concept::frame).filter(Objects::nonNull)
                .filter(Frame::standsAlone).distinct().toList();
        if (frames.isEmpty()) {
            return retrieval.hits();
        }
        // The timeline's items, unless a frame asks for the sides' accounts alone ("what are the versions?").
        boolean cites = frames.stream().anyMatch(Frame::timeline)
                && frames.stream().noneMatch(f -> !f.timeline() && f.topics().contains(Corpus.POSITION));
        // Whether the frame asks for the sides' accounts (the overview does; "day by day" does not, and
        // wins over a "briefly" beside it: the course of events alone is asked for).
        boolean positions = frames.stream().anyMatch(f -> f.topics().contains(Corpus.POSITION))
                && frames.stream().noneMatch(f -> f.timeline() && !f.topics().contains(Corpus.POSITION));
        java.util.function.Predicate<Passage> key = p -> positions && p.topics().contains(Corpus.POSITION) || cites && timeline.contains(p.id());
        // An overview is about the events as a whole, which every key item covers as well as the best
        // found passage does, whether the question's words found it or not.
        double covers = retrieval.bestCoverage();
        List<Hit> hits = new ArrayList<>();
        Set<String> found = new HashSet<>();
        for (Hit h : retrieval.hits()) {
            found.add(h.passage().id());
            hits.add(key.test(h.passage()) ? new Hit(h.passage(), h.score(), covers, h.asked()) : h);
        }
        keyPassages.stream().filter(p -> !found.contains(p.id()) && key.test(p))
                .sorted(Comparator.comparing(Passage::id))
                .forEach(p -> hits.add(new Hit(p, 0, covers)));
        // The question's words are only the scene here ("January", "Kazakhstan"), so the order they
        // found the timeline's items in says nothing: those come in the timeline's order, the start
        // of the events first.
        Map<String, Integer> order = new HashMap<>();
        timeline.forEach(id -> order.putIfAbsent(id, order.size()));
        Set<qantar.corpus.Side> keyed = new HashSet<>();
        hits.stream().map(Hit::passage).filter(key).forEach(p -> keyed.add(p.side()));
        return hits.stream().filter(h -> !positions || key.test(h.passage()) || !keyed.contains(h.passage().side())).sorted(Comparator.comparingInt((Hit h) -> -rank(h.passage(), frames, positions, cites, timeline))
                        .thenComparingInt(h -> cites ? order.getOrDefault(h.passage().id(), Integer.MAX_VALUE) : 0))
                .toList();
    }

    private static int rank(Passage p, List<Frame> frames, boolean positions, boolean cites, Set<String> timeline) {
        boolean position = positions && p.topics().contains(Corpus.POSITION);
        boolean cited = cites && timeline.contains(p.id());
        boolean labelled = frames.stream().anyMatch(f -> p.topics().stream().anyMatch(f.topics()::contains));
        return (position ? 4 : 0) + (cited ? 2 : 0) + (labelled ? 1 : 0);
    }
}
