package qantar.web;

import java.util.function.Supplier;
import qantar.answer.AnswerService;
import qantar.config.Texts;
import qantar.corpus.Corpus;
import qantar.store.CorpusStore;
import qantar.store.Database;

/**
 * What the web pages use of the application: the answers, the texts and the live corpus (read anew
 * on every page, because a reload replaces it); the corpus store, whose stored passages the console's
 * forms edit; and, for a console with moderation services of its own ({@code web} alone), the
 * database and the reload that follows an approved change.
 */
public record WebSources(AnswerService answers, Texts texts, Database database, CorpusStore corpusStore, Supplier<Corpus> corpus,
        Runnable reload) {
}
