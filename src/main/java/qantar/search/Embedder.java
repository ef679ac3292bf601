package qantar.search;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The in-process sentence embedding model behind hybrid retrieval: all-MiniLM-L6-v2, quantized,
 * shipped inside the jar (no download at run time). It understands English only, so it embeds the
 * English text of passages and an English form of the question.
 *
 * <p>The model is loaded on first use, not at start: a stored answer, or an index whose vectors are
 * all known, needs none (loading takes most of a second). Batches are embedded on a pool with one
 * thread per core.
 *
 * <p>QANTAR_VECTORS turns it on or off ({@code on}, the default, or {@code off}). Where its native
 * runtime cannot load, {@link #embed} and {@link #embedAll} throw {@link Unavailable} and search goes
 * on without vectors.
 */
public final class Embedder {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Embedder.class);
    private static final String MINI_LM = "all-minilm-l6-v2-q";
    private static volatile Embedder shared;

    private final Supplier<EmbeddingModel> load;
    private final String id;
    private volatile EmbeddingModel model;
    private volatile RuntimeException failure;
    private final java.util.concurrent.atomic.AtomicLong embedded = new java.util.concurrent.atomic.AtomicLong();

    Embedder(EmbeddingModel model, String id) {
        this(() -> model, id);
    }

    private Embedder(Supplier<EmbeddingModel> load, String id) {
        this.load = load;
        this.id = id;
    }

    /** The model cannot run on this machine (its native runtime did not load). */
    public static final class Unavailable extends RuntimeException {
        Unavailable(Throwable cause) {
            super("the embedding model cannot run here: " + cause, cause);
        }
    }

    /**
     * The embedder QANTAR_VECTORS asks for, one per process.
     *
     * @throws IllegalArgumentException when the setting is neither on nor off
     */
    public static Optional<Embedder> fromSetting(String setting) {
        String v = setting == null || setting.isBlank() ? "on" : setting.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "off", "false", "0", "no" -> Optional.empty();
            case "on", "true", "1", "yes" -> Optional.of(miniLm());
            default -> throw new IllegalArgumentException("QANTAR_VECTORS must be on or off, not '" + setting + "'");
        };
    }

    private static synchronized Embedder miniLm() {
        if (shared == null) {
            shared = new Embedder(() -> new MiniLm(pool()), MINI_LM);
        }
        return shared;
    }

    /** One thread per core, daemons so they never keep the program alive. */
    private static Executor pool() {
        int cores = Runtime.getRuntime().availableProcessors();
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(cores, cores, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "embedder-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m != null) {
            return m;
        }
        synchronized (this) {
            if (failure != null) {
                throw failure;
            }
            if (model == null) {
                try {
                    model = load.get();
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn("vectors are off: the embedding model cannot run here ({})", e.toString());
                    failure = new Unavailable(e);
                    throw failure;
                }
            }
            return model;
        }
    }

    /**
     * Starts loading the model on a daemon thread and returns at once: for a caller that will embed
     * soon and has other work first (a fresh question reads the corpus before it embeds).
     */
    public void loadInBackground() {
        if (model == null && failure == null) {
            Thread t = new Thread(() -> {
                try {
                    model();
                } catch (Unavailable e) {
                    // logged once by model(); embed then reports it to its caller
                }
            }, "embedder-load");
            t.setDaemon(true);
            t.start();
        }
    }

    /** Names the model, so vectors of another model are never mixed in. */
    public String id() {
        return id;
    }

    public float[] embed(String text) {
        float[] v = model().embed(text).content().vector();
        embedded.incrementAndGet();
        return v;
    }

    /** Embeds the texts in parallel, one per core at a time. */
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        List<float[]> out = model().embedAll(segments).content().stream().map(e -> e.vector()).toList();
        embedded.addAndGet(out.size());
        return out;
    }

    /** How many texts this model has embedded in this process: what a start that should embed nothing is checked by. */
    public long embedded() {
        return embedded.get();
    }
}
