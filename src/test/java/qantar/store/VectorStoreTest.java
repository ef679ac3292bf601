package qantar.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import qantar.testing.Engine;

@ParameterizedClass
@EnumSource(Engine.class)
class VectorStoreTest {
    @Parameter
    Engine engine;

    @TempDir
    Path tmp;

    @Test
    void vectorsComeBackBitForBitAndAStoredOneIsNotReplaced() {
        try (Database db = engine.open(tmp)) {
            VectorStore vectors = new VectorStore(db);
            float[] v = {0.25f, -1.5f, Float.MIN_VALUE, 3.0e38f};
            vectors.put("minilm", Map.of("h1", v));
            vectors.put("minilm", Map.of("h1", new float[] {9f, 9f, 9f, 9f}, "h2", new float[] {1f}));
            Map<String, float[]> back = vectors.get("minilm", List.of("h1", "h2", "missing"));
            assertThat(back).containsOnlyKeys("h1", "h2");
            assertThat(back.get("h1")).containsExactly(v);
            assertThat(vectors.get("other-model", List.of("h1"))).isEmpty();
        }
    }
}
