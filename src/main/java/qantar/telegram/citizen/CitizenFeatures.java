package qantar.telegram.citizen;

import java.util.function.LongConsumer;
import java.util.function.Supplier;
import qantar.answer.AnswerService;
import qantar.config.Texts;
import qantar.corpus.Corpus;
import qantar.telegram.api.Counters;
import qantar.telegram.api.TelegramStore;
import qantar.telegram.route.CommandRegistry;
import qantar.telegram.route.Languages;
import qantar.telegram.route.Questions;

/**
 * What citizens use, built and registered as one: questions and their buttons, inline mode, the
 * core commands and the corpus browser. The rest of the bot sees only {@link #questions()}.
 */
public final class CitizenFeatures {
    private final AnswerFlow flow;

    /** {@code corpus} and {@code revision} are read anew on every use: they change when the corpus is reloaded. */
    public CitizenFeatures(AnswerService answers, Texts texts, Supplier<Corpus> corpus, Supplier<Long> revision, TelegramStore store,
                           Languages languages, Counters counters, LongConsumer typing, Supplier<String> botUsername,
                           int questionsPerMinute, CommandRegistry registry) {
        AnswerForms forms = new AnswerForms(store);
        this.flow = new AnswerFlow(answers, texts, new FloodGuard(questionsPerMinute), counters, typing, botUsername, forms, store);
        flow.register(registry);
        new CoreCommands(texts, flow, languages, forms, corpus, revision).register(registry);
        new CorpusBrowser(texts, corpus).register(registry);
    }

    public Questions questions() {
        return flow;
    }

    /** Sends citizens' 👎 reports there besides counting the vote. */
    public void reportsTo(ReportSink sink) {
        flow.reportsTo(sink);
    }
}
