package qantar.app;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import qantar.answer.AnswerService;
import qantar.corpus.Corpus;
import qantar.corpus.Passage;
import qantar.corpus.Source;
import qantar.search.Analyzers;
import qantar.search.Frames;
import qantar.search.PassageIndex;
import qantar.search.RetrievalSettings;
import qantar.search.Retriever;
import qantar.store.CorpusStore;

/**
 * The corpus answers are given from, with the index and the retriever kept in step with the store:
 * read on first need (a stored answer needs none of it), and read again after a change made here
 * (import, moderation) or, when followed, committed by another process.
 */
public final class LiveCorpus implements AnswerService.CorpusView, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveCorpus.class);

    private final CorpusStore store;
    private final PassageIndex index;
    private final Retriever retriever;
    /** The corpus as read, null until first needed. */
    private volatile Read read;
    /** Taken only to read the corpus the first time; nothing else is locked while it is held. */
    private final Object loading = new Object();
    private volatile long revision;
    private ScheduledExecutorService follower;

    /** The corpus with what answers look up in it. */
    private record Read(Corpus corpus, Map<String, Source> sources, Set<String> timelinePassages, List<Passage> keyPassages) {
        Read(Corpus corpus) {
            this(corpus, corpus.sourcesById(), corpus.timelinePassageIds(), corpus.keyPassages());
        }
    }

    private LiveCorpus(CorpusStore store, PassageIndex index, long revision, Read read, Frames frames, RetrievalSettings settings) {
        this.store = store;
        this.index = index;
        this.revision = revision;
        this.read = read;
        this.retriever = new Retriever(index, this::corpus, frames, settings);
    }

    /** Brings the index up to the stored corpus when the revision moved since it was built (reading the corpus for that). */
    static LiveCorpus open(CorpusStore store, PassageIndex index, Frames frames, RetrievalSettings settings, Progress progress) {
        // The revision first: a change committed in between is then read again by the next reload, never missed.
        long revision = store.revision();
        StartupTrace.mark("index opened");
        Read read = null;
        if (index.builtRevision() != revision) {
            Analyzers.prepareTranslit();
            Corpus corpus = store.load();
            read = new Read(corpus);
            StartupTrace.mark("corpus loaded");
            index.update(corpus.passages(), corpus.topics(), revision, progress.start("Indexing", corpus.passages().size()));
            StartupTrace.mark("index updated");
        }
        return new LiveCorpus(store, index, revision, read, frames, settings);
    }

    public Retriever retriever() {
        return retriever;
    }

    public Corpus corpus() {
        return read().corpus();
    }

    @Override
    public Map<String, Source> sources() {
        return read().sources();
    }

    @Override
    public List<Passage> keyPassages() {
        return read().keyPassages();
    }

    @Override
    public Set<String> timelinePassages() {
        return read().timelinePassages();
    }

    @Override
    public long revision() {
        return revision;
    }

    /**
     * Re-reads the corpus after it changed and updates the index at once: only the passages with a
     * revision since the last reload are read and rewritten, and questions are answered from the
     * previous index meanwhile (this lock is not the one searches take).
     */
    public synchronized void reload() {
        Corpus corpus = read().corpus();
        long rev = store.revision();
        Set<String> changed = new HashSet<>();
        Corpus c = store.loadSince(corpus, revision, changed);
        if (c.topics().equals(corpus.topics())) {
            index.updateChanged(c.passages(), c.topics(), rev, changed);
        } else {
            index.update(c.passages(), c.topics(), rev, null); // topic labels are in every document of the topic
        }
        retriever.update(c);
        read = new Read(c);
        revision = rev;
    }

    /**
     * The corpus, read from the store the first time it is needed. Should another process have
     * moved the revision since open, the index is brought up to the corpus read, as a reload would.
     */
    private Read read() {
        Read r = read;
        if (r != null) {
            return r;
        }
        synchronized (loading) {
            if (read == null) {
                long rev = store.revision();
                Corpus c = store.load();
                if (rev != revision) {
                    index.update(c.passages(), c.topics(), rev, null);
                    revision = rev;
                }
                read = new Read(c);
            }
            return read;
        }
    }

    /**
     * Follows changes that other processes commit to the shared database (a `corpus import`, the
     * moderators of a `serve` beside a `web`): every {@code seconds} the stored corpus revision is
     * compared with this one, and a newer one is loaded. Stops with {@link #close}.
     */
    public synchronized void follow(int seconds) {
        if (follower == null) {
            follower = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "qantar-revisions");
                t.setDaemon(true);
                return t;
            });
            follower.scheduleWithFixedDelay(this::reloadIfNewer, seconds, seconds, TimeUnit.SECONDS);
        }
    }

    /** Loads the stored corpus when its revision is newer than the one answering now; true when it was. */
    public boolean reloadIfNewer() {
        try {
            if (store.revision() == revision) {
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

    /** Stops following. */
    @Override
    public synchronized void close() {
        if (follower != null) {
            follower.shutdownNow();
        }
    }
}
