package qantar.answer.llm;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the optional chat model is: QANTAR_LLM_PROVIDER (openai, for any OpenAI-compatible server,
 * or ollama), QANTAR_LLM_BASE_URL, QANTAR_LLM_MODEL, QANTAR_LLM_API_KEY and
 * QANTAR_LLM_TIMEOUT_SECONDS (default 10). No model is configured when none of the first three is set.
 */
public record LlmSettings(Provider provider, String baseUrl, String model, String apiKey, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public enum Provider {
        OPENAI("https://api.openai.com/v1"), OLLAMA("http://localhost:11434");

        final String defaultUrl;

        Provider(String defaultUrl) {
            this.defaultUrl = defaultUrl;
        }
    }

    /** The settings in the environment; empty, with a warning, when they are wrong. */
    public static Optional<LlmSettings> fromEnvironment() {
        try {
            return read(qantar.config.Locations::setting);
        } catch (IllegalArgumentException e) {
            org.slf4j.LoggerFactory.getLogger(LlmSettings.class).warn("No model is used: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Translating the question comes before retrieval and the summary after it, both within what a
     * user will wait: the translation gets a quarter of the timeout (at least a second).
     */
    public Duration translationTimeout() {
        Duration floor = timeout.compareTo(Duration.ofSeconds(1)) < 0 ? timeout : Duration.ofSeconds(1);
        Duration quarter = timeout.dividedBy(4);
        return quarter.compareTo(floor) < 0 ? floor : quarter;
    }

    /**
     * The settings read through {@code setting} (a name to its value or null), empty when no model
     * is configured.
     *
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    public static Optional<LlmSettings> read(UnaryOperator<String> setting) {
        String provider = value(setting, "QANTAR_LLM_PROVIDER");
        String url = value(setting, "QANTAR_LLM_BASE_URL");
        String model = value(setting, "QANTAR_LLM_MODEL");
        if (provider == null && url == null && model == null) {
            return Optional.empty();
        }
        Provider p;
        try {
            p = provider == null ? Provider.OPENAI : Provider.valueOf(provider.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("QANTAR_LLM_PROVIDER must be openai or ollama, not '" + provider + "'");
        }
        if (model == null) {
            throw new IllegalArgumentException("QANTAR_LLM_MODEL is not set (the model's name on the server)");
        }
        if (url != null && !url.matches("https?://\\S+")) {
            throw new IllegalArgumentException("QANTAR_LLM_BASE_URL must be an http(s) URL, not '" + url + "'");
        }
        Duration timeout = DEFAULT_TIMEOUT;
        String t = value(setting, "QANTAR_LLM_TIMEOUT_SECONDS");
        if (t != null) {
            try {
                double seconds = Double.parseDouble(t);
                if (!(seconds > 0 && seconds <= 600)) {
                    throw new NumberFormatException();
                }
                timeout = Duration.ofMillis(Math.round(seconds * 1000));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("QANTAR_LLM_TIMEOUT_SECONDS must be a number of seconds from 0 to 600, not '" + t + "'");
            }
        }
        return Optional.of(new LlmSettings(p, url == null ? p.defaultUrl : url, model, value(setting, "QANTAR_LLM_API_KEY"), timeout));
    }

    private static String value(UnaryOperator<String> setting, String name) {
        String v = setting.apply(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return provider.name().toLowerCase(Locale.ROOT) + " " + model + " at " + baseUrl + ", timeout " + timeout.toMillis() + " ms"
                + (apiKey == null ? "" : ", with an API key");
    }
}
