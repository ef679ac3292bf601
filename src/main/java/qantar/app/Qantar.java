package qantar.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import qantar.answer.AnswerService;
import qantar.answer.llm.LlmComposer;
import qantar.answer.llm.LlmSettings;
import qantar.answer.llm.QueryTranslator;
import qantar.config.Locations;
import qantar.config.ScopeRules;
import qantar.config.Texts;
import qantar.search.Frames;
import qantar.search.RetrievalSettings;
import qantar.corpus.Corpus;
import qantar.corpus.CorpusReader;
import qantar.corpus.Source;
import qantar.search.Analyzers;
import qantar.search.Embedder;
import qantar.search.PassageIndex;
import qantar.search.Retriever;
import qantar.search.ShippedVectors;
import qantar.store.VectorCache;
import qantar.store.AnswerStore;
import qantar.store.CorpusStore;
import qantar.store.Database;
import qantar.store.Sha256;
import qantar.store.VectorStore;

/**
 * The running program: database, live corpus, index and answer service, wired once. On opening it
 * imports knowledge/ when the folder changed since the last import (so a fresh clone just works)
 * and updates the index when the corpus revision moved.
 */
public final class Qantar implements AutoCloseable {
    private final List<String> problems;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Qantar.class);

    private final Database db;
    private final CorpusStore corpusStore;
    private final PassageIndex index;
    private final Texts texts;
    private final Retriever retriever;
    private final AnswerService answers;
    private final Path knowledgeDir;
    /** The live corpus, read on first need: a stored answer needs none of it. */
    private volatile Live live;
    /** Taken only to read the corpus the first time; nothing else is locked while it is held. */
    private final Object loading = new Object();
    private volatile long revision;
    private java.util.concurrent.ScheduledExecutorService follower;

    private Qantar(Path dataDir, Database.Location store, Path knowledgeDir, Path configDir, Progress progress, Optional<Embedder> embedder) {
        this.knowledgeDir = knowledgeDir;
        this.texts = Texts.load(configDir);
        StartupTrace.mark("config (messages)");
        this.db = Database.open(dataDir, store);
        StartupTrace.mark("database open + migrations");
        try {
            this.corpusStore = new CorpusStore(db);
            this.problems = KnowledgeImport.ifChanged(knowledgeDir, corpusStore, progress);
            StartupTrace.mark("knowledge/ checked or imported");
            // The vectors shipped with the corpus, for texts the database has none of: a first start embeds nothing.
            VectorCache vectors = knowledgeDir == null ? new VectorStore(db) : new VectorStore(db).orElse(ShippedVectors.in(knowledgeDir));
            this.index = PassageIndex.open(dataDir.resolve("index"), embedder, vectors);
            // The revision first: a change committed in between is then read again by the next reload, never missed.
            this.revision = corpusStore.revision();
            StartupTrace.mark("index opened");
            if (index.builtRevision() != revision) {
                Analyzers.prepareTranslit();
                Corpus corpus = corpusStore.load();
                this.live = new Live(corpus);
                StartupTrace.mark("corpus loaded");
                index.update(corpus.passages(), corpus.topics(), revision, progress.start("Indexing", corpus.passages().size()));
                StartupTrace.mark("index updated");
            }
            this.retriever = new Retriever(index, () -> live().corpus(), Frames.load(configDir.resolve("frames.yaml")), RetrievalSettings.DEFAULT);
            this.answers = new AnswerService(retriever, ScopeRules.load(configDir), texts, new AnswerStore(db), new AnswerService.CorpusView() {
                @Override
                public Map<String, Source> sources() {
                    return live().sources();
                }

                @Override
                public long revision() {
                    return revision;
                }

                @Override
                public java.util.Set<String> timelinePassages() {
                    return live().timelinePassages();
                }

                @Override
                public Map<String, qantar.corpus.Passage> passages() {
                    return live().corpus().passagesById();
                }
            });
            // With a model (QANTAR_LLM_*): questions also searched in translation, and model-written answers.
            LlmSettings.fromEnvironment().ifPresent(s -> {
                LOG.info("Model: {}", s);
                LlmComposer composer = LlmComposer.of(s, answers.extractive());
                answers.useComposer(composer);
                retriever.useQueryTransformer(new QueryTranslator(composer.model(), s.translationTimeout()));
            });
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        StartupTrace.mark("opened (retriever, answer service)");
    }

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
        return new Qantar(dataDir, store, knowledgeDir, configDir, progress, embedder);
    }

    /** The problems of knowledge/ that kept it from being imported at open, empty when it was fine. */
    public List<String> corpusProblems() {
        return problems;
    }

    /**
     * Re-reads the live corpus after it changed (import, moderation) and updates the index at once:
     * only the passages with a revision since the last reload are read and rewritten, and questions
     * are answered from the previous index meanwhile (this lock is not the one searches take).
     */
    public synchronized void reload() {
        Corpus corpus = live().corpus();
        long rev = corpusStore.revision();
        Set<String> changed = new HashSet<>();
        Corpus c = corpusStore.loadSince(corpus, revision, changed);
        if (c.topics().equals(corpus.topics())) {
            index.updateChanged(c.passages(), c.topics(), rev, changed);
        } else {
            index.update(c.passages(), c.topics(), rev, null); // topic labels are in every document of the topic
        }
        retriever.update(c);
        live = new Live(c);
        revision = rev;
    }

    /** The live corpus with what answers look up in it. */
    private record Live(Corpus corpus, Map<String, Source> sources, Set<String> timelinePassages) {
        Live(Corpus corpus) {
            // The passages the timeline cites: the curated key items of the events.
            this(corpus, corpus.sourcesById(), corpus.timeline().stream().flatMap(t -> t.passageIds().stream())
                    .collect(java.util.stream.Collectors.toUnmodifiableSet()));
        }
    }

    /**
     * The live corpus, read from the store the first time it is needed. Should another process have
     * moved the revision since open, the index is brought up to the corpus read, as a reload would.
     */
    private Live live() {
        Live l = live;
        if (l != null) {
            return l;
        }
        synchronized (loading) {
            if (live == null) {
                long rev = corpusStore.revision();
                Corpus c = corpusStore.load();
                if (rev != revision) {
                    index.update(c.passages(), c.topics(), rev, null);
                    revision = rev;
                }
                live = new Live(c);
            }
            return live;
        }
    }

    public AnswerService answers() {
        return answers;
    }

    /** The passage index (for {@code bench}: a baseline search on the same index). */
    public PassageIndex index() {
        return index;
    }

    public Retriever retriever() {
        return retriever;
    }

    public Texts texts() {
        return texts;
    }

    public Corpus corpus() {
        return live().corpus();
    }

    public long revision() {
        return revision;
    }

    public CorpusStore corpusStore() {
        return corpusStore;
    }

    public Database database() {
        return db;
    }

    public Path knowledgeDir() {
        return knowledgeDir;
    }

    /**
     * Follows changes that other processes commit to the shared database (a `corpus import`, the
     * moderators of a `serve` beside a `web`): every {@code seconds} the stored corpus revision is
     * compared with this one, and a newer one is loaded. Stops with {@link #close}.
     */
    public synchronized void followRevisions(int seconds) {
        if (follower == null) {
            follower = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "qantar-revisions");
                t.setDaemon(true);
                return t;
            });
            follower.scheduleWithFixedDelay(this::reloadIfNewer, seconds, seconds, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** Loads the stored corpus when its revision is newer than the one answering now; true when it was. */
    public boolean reloadIfNewer() {
        try {
            if (corpusStore.revision() == revision) {
                return false;
            }
            reload();
            LOG.info("corpus revision {} loaded (changed by another process)", revision);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("checking for a newer corpus revision failed (tried again later): {}", e.toString());
            return false;
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (follower != null) {
                follower.shutdownNow();
            }
        }
        index.close();
        db.close();
    }
}
