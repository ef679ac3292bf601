package qantar.answer;

import java.util.List;
import java.util.Set;
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
        return new SubjectTopics(qantar.search.QuestionTopics.of(hits.stream().limit(top).map(Hit::passage).toList(), count));
    }

    /** Whether the passage is labelled with one of the question's topics. */
    boolean holds(Passage p) {
        return topics == null || p.topics().stream().anyMatch(topics::contains);
    }

    Set<String> topics() {
        return topics == null ? Set.of() : topics;
    }
}
