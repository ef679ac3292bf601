package qantar.answer.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import qantar.json.Json;

/**
 * One request to the configured chat model that never keeps the user waiting past its time limit:
 * a timeout, an error or an empty reply is an empty result, logged without the request's text.
 */
final class ModelCall {
    private static final Logger LOG = LoggerFactory.getLogger(ModelCall.class);
    private static final ExecutorService CALLS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "qantar-llm");
        t.setDaemon(true);
        return t;
    });

    private ModelCall() {
    }

    /** No retries: a retry would only spend the user's time budget on a server that just failed. */
    static ChatModel chatModel(LlmSettings s) {
        return switch (s.provider()) {
            case OPENAI -> OpenAiChatModel.builder().baseUrl(s.baseUrl()).modelName(s.model())
                    // Local OpenAI-compatible servers need no key, but the client wants one.
                    .apiKey(s.apiKey() == null ? "none" : s.apiKey())
                    .temperature(0.0).timeout(s.timeout()).maxRetries(0).build();
            case OLLAMA -> OllamaChatModel.builder().baseUrl(s.baseUrl()).modelName(s.model())
                    .temperature(0.0).timeout(s.timeout()).maxRetries(0).build();
        };
    }

    /** The model's reply within {@code timeout}; {@code purpose} names the call in the log. */
    static Optional<String> ask(ChatModel model, String system, String user, Duration timeout, String purpose) {
        long start = System.nanoTime();
        CompletableFuture<ChatResponse> call = CompletableFuture.supplyAsync(
                () -> model.chat(SystemMessage.from(system), UserMessage.from(user)), CALLS);
        try {
            ChatResponse r = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String text = r == null || r.aiMessage() == null ? null : r.aiMessage().text();
            if (text == null || text.isBlank()) {
                LOG.warn("The model gave an empty reply; {}", purpose);
                return Optional.empty();
            }
            return Optional.of(text);
        } catch (TimeoutException e) {
            call.cancel(true);
            LOG.warn("The model did not answer within {} ms; {}", timeout.toMillis(), purpose);
        } catch (ExecutionException e) {
            LOG.warn("The model failed after {} ms ({}); {}", (System.nanoTime() - start) / 1_000_000, causes(e), purpose);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("The model could not be asked ({}); {}", e.getClass().getSimpleName(), purpose);
        }
        return Optional.empty();
    }

    /** The JSON object in a model's reply, which may wrap it in a code fence or words. */
    static Optional<JsonNode> json(String reply) {
        int from = reply.indexOf('{');
        int to = reply.lastIndexOf('}');
        if (from < 0 || to <= from) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readTree(reply.substring(from, to + 1)));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** What went wrong, by exception class only (messages may quote the request): "RateLimitException < HttpException". */
    private static String causes(ExecutionException e) {
        List<String> names = new ArrayList<>();
        for (Throwable t = e.getCause(); t != null && names.size() < 3; t = t.getCause() == t ? null : t.getCause()) {
            names.add(t.getClass().getSimpleName());
        }
        return String.join(" < ", names);
    }
}
