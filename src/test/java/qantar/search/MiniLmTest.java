package qantar.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import qantar.corpus.CorpusReader;

/** Our run of the model against langchain4j's own, on texts of the shipped corpus. */
class MiniLmTest {
    private static ExecutorService pool;
    private static MiniLm model;

    @BeforeAll
    static void load() {
        pool = Executors.newFixedThreadPool(2);
        model = new MiniLm(pool);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    @Test
    void givesLangchain4jsVectorsInTheOrderOfTheTexts() {
        List<String> all = CorpusReader.read(Path.of("knowledge")).orThrow().passages().stream()
                .map(IndexDocuments::vectorText).distinct().toList();
        // every 40th text, and the longest (cut at the tokenizer's 128 tokens)
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 40) {
            texts.add(all.get(i));
        }
        all.stream().sorted(Comparator.comparingInt(String::length).reversed()).limit(3).forEach(texts::add);
        texts.add("A question: how many people died in January 2022?");

        var reference = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
        List<float[]> ours = model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(e -> e.vector()).toList();
        assertThat(ours).hasSameSizeAs(texts);
        for (int i = 0; i < texts.size(); i++) {
            float[] theirs = reference.embed(texts.get(i)).content().vector();
            assertThat(cosine(ours.get(i), theirs)).as(texts.get(i)).isGreaterThanOrEqualTo(0.9999);
        }
        assertThat(model.embed(texts.get(0)).content().vector()).containsExactly(ours.get(0));
    }

    @Test
    void refusesABlankTextAsLangchain4jDoes() {
        assertThatThrownBy(() -> model.embed("  ")).isInstanceOf(IllegalArgumentException.class);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
