package qantar.answer;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import qantar.corpus.Passage;
import qantar.search.Concept;
import qantar.search.Frame;
import qantar.search.Retriever.Hit;
import qantar.search.Retriever.Retrieval;

/**
 * An overview ("what happened?") covers every passage on the events equally, so what a side shows
 * first are its key items, as the overview's frame names them: passages the timeline cites and
 * that carry the frame's topics first, then those with either, then the rest, each in the
 * retrieval's order. A small preference among equally covering passages is not enough here: the
 * word order of BM25 and vectors says little about what matters in the whole story.
 */
final class KeyItems {
    private KeyItems() {
    }

    /** The hits reordered with the key items first (a stable sort: the retrieval's order within each rank). */
    static List<Hit> first(Retrieval retrieval, Set<String> timeline) {
        List<Frame> frames = retrieval.concepts().stream().map(Concept::frame).filter(Objects::nonNull)
                .filter(Frame::standsAlone).distinct().toList();
        if (frames.isEmpty()) {
            return retrieval.hits();
        }
        return retrieval.hits().stream().sorted(Comparator.comparingInt((Hit h) -> -rank(h.passage(), frames, timeline))).toList();
    }

    private static int rank(Passage p, List<Frame> frames, Set<String> timeline) {
        boolean cited = frames.stream().anyMatch(Frame::timeline) && timeline.contains(p.id());
        boolean labelled = frames.stream().anyMatch(f -> p.topics().stream().anyMatch(f.topics()::contains));
        return (cited ? 2 : 0) + (labelled ? 1 : 0);
    }
}
