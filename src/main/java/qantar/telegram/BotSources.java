package qantar.telegram;

import java.util.function.Supplier;
import qantar.answer.AnswerService;
import qantar.config.Texts;
import qantar.corpus.Corpus;
import qantar.store.Database;

/**
 * What the bot uses of the application: the answers, the texts, the database (its inbox, outbox
 * and users' settings live there) and the corpus with its revision, read anew on every use because
 * a reload replaces them.
 */
public record BotSources(AnswerService answers, Texts texts, Database database, Supplier<Corpus> corpus, Supplier<Long> revision) {
}
