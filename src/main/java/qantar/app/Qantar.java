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
    private List<String> problems = List.of();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Qantar.class);
    /** Files modified this recently are read even if their stamp is unchanged (see {@link #stamp}). */
    static final java.time.Duration RECENT = java.time.Duration.ofSeconds(2);

    private final Database db;
    private final CorpusStore corpusStore;
    private final PassageIndex index;
    private final Texts texts;
    private final Retriever retriever;
    private final AnswerService answers;
    private final Path knowledgeDir;
    private volatile Corpus corpus;
    private volatile Map<String, Source> sources;
    private volatile long revision;
    private java.util.concurrent.ScheduledExecutorService follower;

    private Qantar(Path dataDir, Database.Location store, Path knowledgeDir, Path configDir, Progress progress) {
        this.knowledgeDir = knowledgeDir;
        this.texts = Texts.load(configDir);
        this.db = Database.open(dataDir, store);
        try {
            this.corpusStore = new CorpusStore(db);
            importIfChanged(progress);
            // The vectors shipped with the corpus, for texts the database has none of: a first start embeds nothing.
            VectorCache vectors = knowledgeDir == null ? new VectorStore(db) : new VectorStore(db).orElse(ShippedVectors.in(knowledgeDir));
            this.index = PassageIndex.open(dataDir.resolve("index"), Embedder.fromSetting(Locations.setting("QANTAR_VECTORS")), vectors);
            // The revision first: a change committed in between is then read again by the next reload, never missed.
            this.revision = corpusStore.revision();
            this.corpus = corpusStore.load();
            this.sources = corpus.sourcesById();
            if (index.builtRevision() != revision) {
                Analyzers.prepareTranslit();
                index.update(corpus.passages(), corpus.topics(), revision, progress.start("Indexing", corpus.passages().size()));
            }
            this.retriever = new Retriever(index, corpus, Frames.load(configDir.resolve("frames.yaml")), RetrievalSettings.DEFAULT);
            this.answers = new AnswerService(retriever, ScopeRules.load(configDir), texts, new AnswerStore(db), new AnswerService.CorpusView() {
                @Override
                public Map<String, Source> sources() {
                    return sources;
                }

                @Override
                public long revision() {
                    return revision;
                }
            });
            // With a model (QANTAR_LLM_*): questions also searched in translation, and model-written answers.
            LlmSettings.fromEnvironment().ifPresent(s -> {
                LOG.info("Model: {}", s);
                LlmComposer composer = LlmComposer.of(s);
                answers.useComposer(composer);
                retriever.useQueryTransformer(new QueryTranslator(composer.model(), s.translationTimeout()));
            });
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The program with its store where the environment says ({@link Database.Location#of}). */
    public static Qantar open(Path dataDir, Path knowledgeDir, Path configDir, Progress progress) {
        return open(dataDir, Database.Location.of(dataDir), knowledgeDir, configDir, progress);
    }

    public static Qantar open(Path dataDir, Database.Location store, Path knowledgeDir, Path configDir, Progress progress) {
        return new Qantar(dataDir, store, knowledgeDir, configDir, progress);
    }

    /**
     * Imports knowledge/ if its files changed since the last import. Invalid files are never imported,
     * not even partly: with a corpus already in the database the program keeps serving that last good
     * corpus and logs every problem with its file and line (see {@link #corpusProblems}); with none,
     * there is nothing to answer from and opening fails.
     */
    private void importIfChanged(Progress progress) {
        if (knowledgeDir == null || !Files.isDirectory(knowledgeDir)) {
            return;
        }
        // Names, sizes and modification times first: when none changed, the files are not read at all.
        String stamp = stamp(knowledgeDir);
        String known = corpusStore.meta("knowledge_digest");
        if (known != null && stamp != null && stamp.equals(corpusStore.meta("knowledge_stamp"))) {
            return;
        }
        // The files changed: an index update very likely follows, and it needs ICU, started meanwhile on the other core.
        Analyzers.prepareTranslit();
        String digest = digest(knowledgeDir);
        if (digest.equals(known)) {
            corpusStore.putMeta("knowledge_stamp", stamp == null ? "" : stamp);
            return;
        }
        CorpusReader.Result result = CorpusReader.read(knowledgeDir);
        if (!result.ok() && corpusStore.revision() > 0) {
            problems = result.errors().stream().map(Object::toString).toList();
            LOG.error("knowledge/ has {} problem(s) and was not imported; answering from the last good corpus (revision {})",
                    problems.size(), corpusStore.revision());
            problems.forEach(p -> LOG.error("  {}", p));
            return;
        }
        Corpus read = result.orThrow();
        IntConsumer bar = progress.start("Importing", read.passages().size());
        var report = corpusStore.importCorpus(read, "import of knowledge/", bar);
        // Moderators' versions win over knowledge/; say so, or an edit to a file seems to be ignored.
        report.conflicts().forEach(id -> LOG.warn("passage {} was changed by moderators since the last import; "
                + "its version in knowledge/ was not applied", id));
        corpusStore.putMeta("knowledge_digest", digest);
        corpusStore.putMeta("knowledge_stamp", stamp == null ? "" : stamp);
    }

    /**
     * A digest of every file's name, size and modification time (to the nanosecond where the file
     * system keeps it), or null when a file was modified in the last {@link #RECENT}: a file changed
     * again within the same clock tick would keep its time, so such a stamp is not trusted, and the
     * next start reads the files.
     */
    static String stamp(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            MessageDigest md = Sha256.digest();
            long recent = System.currentTimeMillis() - RECENT.toMillis();
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                var attrs = Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class);
                java.nio.file.attribute.FileTime modified = attrs.lastModifiedTime();
                if (modified.toMillis() >= recent) {
                    return null;
                }
                md.update((dir.relativize(f) + "\u0000" + attrs.size() + "\u0000"
                        + modified.to(java.util.concurrent.TimeUnit.NANOSECONDS) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
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
        long rev = corpusStore.revision();
        Set<String> changed = new HashSet<>();
        Corpus c = corpusStore.loadSince(corpus, revision, changed);
        if (c.topics().equals(corpus.topics())) {
            index.updateChanged(c.passages(), c.topics(), rev, changed);
        } else {
            index.update(c.passages(), c.topics(), rev, null); // topic labels are in every document of the topic
        }
        retriever.update(c);
        corpus = c;
        sources = c.sourcesById();
        revision = rev;
    }

    /** A digest of every file name and byte under the folder, to notice any change. */
    static String digest(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            MessageDigest md = Sha256.digest();
            List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
            for (Path f : sorted) {
                md.update(dir.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
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
        return corpus;
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
