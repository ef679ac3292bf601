package qantar.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import qantar.corpus.Passage;

/**
 * What a question is about, read from the corpus's own topic labels: the topics most common among
 * its best candidates, of every side together.
 */
public final class QuestionTopics {
    private QuestionTopics() {
    }

    /**
     * The {@code count} topics most often labelled among the passages (best first); ties go to the
     * topic met first, that is on the better passage.
     */
    public static Set<String> of(List<Passage> bestFirst, int count) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        bestFirst.forEach(p -> p.topics().forEach(t -> seen.merge(t, 1, Integer::sum)));
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(seen.entrySet());
        ranked.sort((a, b) -> b.getValue() - a.getValue()); // stable: ties keep the order met
        return ranked.stream().limit(count).map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }
}
