package qantar.answer;

import java.util.List;
import qantar.corpus.Lang;
import qantar.corpus.Side;

/**
 * An answer: statements grouped by side (in side order), the main sides with nothing on the
 * question, and the sources cited. {@code message} is set when there are no statements (out of
 * scope, or nothing in the corpus). {@code revision} is the corpus revision it was built from.
 */
public record Answer(String id, String question, Lang language, boolean inScope, List<Statement> statements,
                     List<Side> sidesMissing, List<SourceRef> sources, String message, long revision,
                     String createdAt, double bestCoverage) {

    public Answer {
        statements = List.copyOf(statements);
        sidesMissing = List.copyOf(sidesMissing);
        sources = List.copyOf(sources);
    }

    public List<Side> sidesShown() {
        return statements.stream().map(Statement::side).distinct().toList();
    }

    public List<Statement> statements(Side side) {
        return statements.stream().filter(s -> s.side() == side).toList();
    }

    /** 1-based number of a source in {@link #sources()}, used for citation marks like [2]. */
    public int citation(String sourceId) {
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).id().equals(sourceId)) {
                return i + 1;
            }
        }
        return 0;
    }
}
