package qantar.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import qantar.corpus.Passage;
import qantar.search.Retriever.Hit;

/**
 * What a question is about, read from the corpus's own topic labels: the topics most common among
 * its best candidates. A passage that shares a word with the question but none of these topics
 * («began» for a trial that began, "amnesty" for Amnesty International) is on another subject. It
 * looks at the candidates of every side together, so one side's topics decide nothing alone.
 */
final class SubjectTopics {
    /** No topics taken: every passage passes. */
    static final SubjectTopics ANY = new SubjectTopics(null);

    private final Set<String> topics;

    private SubjectTopics(Set<String> topics) {
        this.topics = topics;
    }

    /**
     * The {@code count} topics most often labelled among the first {@code top} hits (best first);
     * ties go to the topic met first, that is on the better hit.
     */
    static SubjectTopics of(List<Hit> hits, int top, int count) {
        if (top <= 0 || count <= 0 || hits.isEmpty()) {
            return ANY;
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        hits.stream().limit(top).forEach(h -> h.passage().topics().forEach(t -> seen.merge(t, 1, Integer::sum)));
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(seen.entrySet());
        ranked.sort((a, b) -> b.getValue() - a.getValue()); // stable: ties keep the order met
        return new SubjectTopics(ranked.stream().limit(count).map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet()));
    }

    /** Whether the passage is labelled with one of the question's topics. */
    boolean holds(Passage p) {
        return topics == null || p.topics().stream().anyMatch(topics::contains);
    }

    Set<String> topics() {
        return topics == null ? Set.of() : topics;
    }
}
