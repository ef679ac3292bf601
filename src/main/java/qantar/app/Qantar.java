package qantar.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import qantar.answer.AnswerService;
import qantar.answer.llm.LlmComposer;
import qantar.answer.llm.LlmSettings;
import qantar.answer.llm.QueryTranslator;
import qantar.config.Locations;
import qantar.config.ScopeRules;
import qantar.config.Texts;
import qantar.search.AnswersThis;
import qantar.search.Embedder;
import qantar.search.Frames;
import qantar.search.PassageIndex;
import qantar.search.RetrievalSettings;
import qantar.search.ShippedVectors;
import qantar.store.AnswerStore;
import qantar.store.CorpusStore;
import qantar.store.Database;
import qantar.store.VectorCache;
import qantar.store.VectorStore;

/**
 * The running program: database, live corpus, index and answer service, wired once by {@link #open}.
 * On opening it imports knowledge/ when the folder changed since the last import (so a fresh clone
 * just works) and updates the index when the corpus revision moved; an empty data folder on the
 * shipped knowledge/ starts from the {@link StarterData} made at build time instead.
 *
 * @param index          the passage index (for {@code bench}: a baseline search on the same index)
 * @param corpusProblems the problems of knowledge/ that kept it from being imported at open, empty when it was fine
 */
public record Qantar(Database database, CorpusStore corpusStore, PassageIndex index, LiveCorpus live, Texts texts,
                     AnswerService answers, List<String> corpusProblems) implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Qantar.class);

    /** The program with its store where the environment says ({@link Database.Location#of}). */
    public static Qantar open(Path dataDir, Path knowledgeDir, Path configDir, Progress progress) {
        return open(dataDir, Database.Location.of(dataDir), knowledgeDir, configDir, progress);
    }

    public static Qantar open(Path dataDir, Database.Location store, Path knowledgeDir, Path configDir, Progress progress) {
        return open(dataDir, store, knowledgeDir, configDir, progress, Embedder.fromSetting(Locations.setting("QANTAR_VECTORS")));
    }

    /** With the embedding model given (empty: no vectors) rather than the one QANTAR_VECTORS names. */
    public static Qantar open(Path dataDir, Database.Location store, Path knowledgeDir, Path configDir, Progress progress,
                              Optional<Embedder> embedder) {
        Texts texts = Texts.load(configDir);
        StartupTrace.mark("config (messages)");
        String unpacked = StarterData.restoreIfNew(dataDir, store, knowledgeDir);
        if (unpacked != null) {
            StartupTrace.mark("starter data unpacked");
        }
        Database db = Database.open(dataDir, store);
        StartupTrace.mark("database open + migrations");
        try {
            CorpusStore corpusStore = new CorpusStore(db);
            List<String> problems = KnowledgeImport.ifChanged(knowledgeDir, corpusStore, progress, unpacked);
            StartupTrace.mark("knowledge/ checked or imported");
            // The vectors shipped with the corpus, for texts the database has none of: a first start embeds nothing.
            VectorCache vectors = knowledgeDir == null ? new VectorStore(db) : new VectorStore(db).orElse(ShippedVectors.in(knowledgeDir));
            PassageIndex index = PassageIndex.open(dataDir.resolve("index"), embedder, vectors);
            // With config/answers-this.yaml, the fitted "answers this" model orders and gates a side's passages.
            RetrievalSettings settings = RetrievalSettings.DEFAULT.with(AnswersThis.load(configDir.resolve("answers-this.yaml")));
            LiveCorpus live = LiveCorpus.open(corpusStore, index, Frames.load(configDir.resolve("frames.yaml")), settings, progress);
            Optional<LlmSettings> llm = LlmSettings.fromEnvironment();
            AnswerStore stored = new AnswerStore(db);
            long edition = stored.edition(AnswersMadeBy.of(configDir, embedder, llm));
            AnswerService answers = new AnswerService(live.retriever(), ScopeRules.load(configDir), texts, stored, live, edition);
            // With a model (QANTAR_LLM_*): questions also searched in translation, and model-written answers.
            llm.ifPresent(s -> {
                LOG.info("Model: {}", s);
                LlmComposer composer = LlmComposer.of(s, answers.extractive());
                answers.useComposer(composer);
                live.retriever().useQueryTransformer(new QueryTranslator(composer.model(), s.translationTimeout()));
            });
            StartupTrace.mark("opened (retriever, answer service)");
            return new Qantar(db, corpusStore, index, live, texts, answers, problems);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    @Override
    public void close() {
        live.close();
        index.close();
        database.close();
    }
}
