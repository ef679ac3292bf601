package qantar.corpus;

import java.util.List;

/** The corpus is invalid; carries every error found so all can be fixed in one pass. */
public class CorpusException extends RuntimeException {
    private final List<Problem> problems;

    public CorpusException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the corpus, first: " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
