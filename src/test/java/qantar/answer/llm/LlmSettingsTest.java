package qantar.answer.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmSettingsTest {
    private static java.util.Optional<LlmSettings> read(Map<String, String> env) {
        return LlmSettings.read(env::get);
    }

    @Test
    void noModelIsConfiguredByDefault() {
        assertThat(read(Map.of())).isEmpty();
        assertThat(read(Map.of("QANTAR_LLM_API_KEY", "k", "QANTAR_LLM_TIMEOUT_SECONDS", "3"))).isEmpty();
    }

    @Test
    void anOpenAiCompatibleServerNeedsOnlyItsUrlAndModel() {
        LlmSettings s = read(Map.of("QANTAR_LLM_BASE_URL", "http://127.0.0.1:8080/v1", "QANTAR_LLM_MODEL", "qwen")).orElseThrow();
        assertThat(s.provider()).isEqualTo(LlmSettings.Provider.OPENAI);
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.apiKey()).isNull();
    }

    @Test
    void ollamaHasItsOwnDefaultUrlAndTheTimeoutIsSettable() {
        LlmSettings s = read(Map.of("QANTAR_LLM_PROVIDER", "Ollama", "QANTAR_LLM_MODEL", "llama3", "QANTAR_LLM_TIMEOUT_SECONDS", "2.5")).orElseThrow();
        assertThat(s.baseUrl()).isEqualTo("http://localhost:11434");
        assertThat(s.timeout()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void wrongSettingsAreNamed() {
        assertThatThrownBy(() -> read(Map.of("QANTAR_LLM_PROVIDER", "gpt", "QANTAR_LLM_MODEL", "m"))).hasMessageContaining("QANTAR_LLM_PROVIDER");
        assertThatThrownBy(() -> read(Map.of("QANTAR_LLM_BASE_URL", "http://x/v1"))).hasMessageContaining("QANTAR_LLM_MODEL");
        assertThatThrownBy(() -> read(Map.of("QANTAR_LLM_MODEL", "m", "QANTAR_LLM_BASE_URL", "localhost:1"))).hasMessageContaining("QANTAR_LLM_BASE_URL");
        assertThatThrownBy(() -> read(Map.of("QANTAR_LLM_MODEL", "m", "QANTAR_LLM_TIMEOUT_SECONDS", "-1"))).hasMessageContaining("TIMEOUT");
    }

    @Test
    void theKeyIsNeverShown() {
        LlmSettings s = read(Map.of("QANTAR_LLM_MODEL", "m", "QANTAR_LLM_API_KEY", "sk-secret-123")).orElseThrow();
        assertThat(s.toString()).doesNotContain("sk-secret-123");
    }
}
