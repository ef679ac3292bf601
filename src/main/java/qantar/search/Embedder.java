package qantar.search;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The in-process sentence embedding model behind hybrid retrieval: all-MiniLM-L6-v2, quantized,
 * shipped inside the jar (no download at run time). It understands English only, so it embeds the
 * English text of passages and an English form of the question.
 *
 * <p>QANTAR_VECTORS turns it on or off ({@code on}, the default, or {@code off}). Where its native
 * runtime cannot load, search goes on without vectors.
 */
public final class Embedder {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Embedder.class);
    private static volatile Optional<Embedder> shared;

    private final EmbeddingModel model;
    private final String id;

    Embedder(EmbeddingModel model, String id) {
        this.model = model;
        this.id = id;
    }

    /**
     * The embedder QANTAR_VECTORS asks for, loaded once per process (the model takes most of a second).
     *
     * @throws IllegalArgumentException when the setting is neither on nor off
     */
    public static Optional<Embedder> fromSetting(String setting) {
        String v = setting == null || setting.isBlank() ? "on" : setting.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "off", "false", "0", "no" -> Optional.empty();
            case "on", "true", "1", "yes" -> miniLm();
            default -> throw new IllegalArgumentException("QANTAR_VECTORS must be on or off, not '" + setting + "'");
        };
    }

    private static synchronized Optional<Embedder> miniLm() {
        if (shared == null) {
            try {
                shared = Optional.of(new Embedder(new AllMiniLmL6V2QuantizedEmbeddingModel(), "all-minilm-l6-v2-q"));
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("vectors are off: the embedding model cannot run here ({})", e.toString());
                shared = Optional.empty();
            }
        }
        return shared;
    }

    /** Names the model, so vectors of another model are never mixed in. */
    public String id() {
        return id;
    }

    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }

    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model.embedAll(segments).content().stream().map(e -> e.vector()).toList();
    }
}
