package qantar.answer;

import java.util.List;
import java.util.Set;
import qantar.corpus.Lang;
import qantar.corpus.Side;
import qantar.search.Retriever.Retrieval;

/**
 * Turns the retrieved passages into the statements of an answer. The extractive composer is the
 * default; a model-written one (qantar.answer.llm) may be plugged in by configuration.
 */
@FunctionalInterface
public interface Composer {
    /** The statements for the question, in side order; {@code sides} empty means all sides. */
    List<Statement> statements(String question, Retrieval retrieval, Lang lang, Set<Side> sides);
}
