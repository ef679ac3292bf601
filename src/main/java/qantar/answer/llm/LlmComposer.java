package qantar.answer.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import qantar.answer.Composer;
import qantar.answer.ExtractiveComposer;
import qantar.answer.Statement;
import qantar.config.Locations;
import qantar.corpus.Lang;
import qantar.corpus.Passage;
import qantar.corpus.Side;
import qantar.search.Retriever.Hit;

/**
 * Model-written answers: the model summarises each side's retrieved passages, and only sentences
 * that pass the {@link CitationGuard} are shown. The extractive answer is computed first and is
 * what the user gets for a side whose sentences all fail, and for the whole answer when the model
 * times out, fails or replies with nothing usable. The sides shown are always the extractive ones:
 * the model can neither add a side nor take one away.
 */
public final class LlmComposer implements Composer {
    private static final Logger LOG = LoggerFactory.getLogger(LlmComposer.class);
    /** Passages given to the model per side: the extractive choice first, then the next relevant. */
    static final int PASSAGES_PER_SIDE = 4;
    static final int SENTENCES_PER_SIDE = 3;
    private static final ExecutorService CALLS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "qantar-llm");
        t.setDaemon(true);
        return t;
    });

    private final ChatModel model;
    private final Duration timeout;
    private final ExtractiveComposer extractive = new ExtractiveComposer();

    public LlmComposer(ChatModel model, Duration timeout) {
        this.model = model;
        this.timeout = timeout;
    }

    /** The composer for the configured model, or empty (extractive answers) when none is, or the settings are wrong. */
    public static Optional<LlmComposer> fromEnvironment() {
        try {
            return LlmSettings.read(Locations::setting).map(LlmComposer::of);
        } catch (IllegalArgumentException e) {
            LOG.warn("No model-written answers: {}", e.getMessage());
            return Optional.empty();
        }
    }

    public static LlmComposer of(LlmSettings s) {
        LOG.info("Model-written answers: {}", s);
        return new LlmComposer(chatModel(s), s.timeout());
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

    @Override
    public List<Statement> statements(String question, List<Hit> hits, Lang lang, Set<Side> sides) {
        List<Statement> fallback = extractive.statements(hits, lang, sides);
        if (fallback.isEmpty()) {
            return fallback;
        }
        Map<Side, List<Statement>> bySide = new LinkedHashMap<>();
        fallback.forEach(s -> bySide.computeIfAbsent(s.side(), x -> new ArrayList<>()).add(s));
        Map<String, Passage> given = passages(hits, bySide);
        Optional<Map<Side, List<String>>> reply = ask(SummaryPrompt.user(question, lang, List.copyOf(given.values())))
                .flatMap(SummaryReply::parse);
        if (reply.isEmpty()) {
            return fallback;
        }
        long start = System.nanoTime();
        CitationGuard guard = new CitationGuard(given, question);
        List<Statement> out = new ArrayList<>();
        int kept = 0;
        int dropped = 0;
        for (var e : bySide.entrySet()) {
            List<Statement> written = new ArrayList<>();
            for (String item : reply.get().getOrDefault(e.getKey(), List.of())) {
                for (String sentence : CitationGuard.sentences(item)) {
                    CitationGuard.Verdict v = guard.check(e.getKey(), sentence);
                    if (v.passed() && written.size() < SENTENCES_PER_SIDE) {
                        written.add(statement(e.getKey(), v, lang));
                    } else if (!v.passed()) {
                        dropped++;
                        LOG.debug("Dropped a {} sentence: {}", e.getKey().id(), v.problem());
                    }
                }
            }
            kept += written.size();
            out.addAll(written.isEmpty() ? e.getValue() : written);
        }
        LOG.debug("Citation guard: {} sentences kept, {} dropped, in {} µs", kept, dropped, (System.nanoTime() - start) / 1000);
        return out;
    }

    /** For each side shown, its extractive passages, then the next relevant hits of that side. */
    private static Map<String, Passage> passages(List<Hit> hits, Map<Side, List<Statement>> bySide) {
        Map<String, Hit> byId = new LinkedHashMap<>();
        hits.forEach(h -> byId.putIfAbsent(h.passage().id(), h));
        Map<Side, List<Passage>> chosen = new EnumMap<>(Side.class);
        for (var e : bySide.entrySet()) {
            List<Passage> ps = chosen.computeIfAbsent(e.getKey(), x -> new ArrayList<>());
            e.getValue().forEach(s -> ps.add(byId.get(s.passageId()).passage()));
        }
        for (Hit h : hits) {
            List<Passage> ps = chosen.get(h.passage().side());
            if (ps != null && ps.size() < PASSAGES_PER_SIDE && h.coverage() >= ExtractiveComposer.RELEVANT && !ps.contains(h.passage())) {
                ps.add(h.passage());
            }
        }
        Map<String, Passage> out = new LinkedHashMap<>();
        chosen.values().forEach(ps -> ps.forEach(p -> out.put(p.id(), p)));
        return out;
    }

    /** A checked sentence as a statement: speaker, passage and source of the first passage it cites. */
    private static Statement statement(Side side, CitationGuard.Verdict v, Lang lang) {
        Passage first = v.cited().get(0);
        String caution = first.caution().isEmpty() ? null
                : first.caution().getOrDefault(lang, first.caution().getOrDefault(Lang.EN, first.caution().values().iterator().next()));
        return new Statement(side, first.speaker(), v.text(), first.id(), first.sourceId(), false,
                first.isTranslation(lang), lang, caution, true, v.cited().stream().map(Passage::id).toList());
    }

    /** What went wrong, by exception class only (messages may quote the request): "RateLimitException < HttpException". */
    private static String causes(ExecutionException e) {
        List<String> names = new ArrayList<>();
        for (Throwable t = e.getCause(); t != null && names.size() < 3; t = t.getCause() == t ? null : t.getCause()) {
            names.add(t.getClass().getSimpleName());
        }
        return String.join(" < ", names);
    }

    /** The model's reply within the timeout, or empty on a timeout, an error or an empty reply. */
    private Optional<String> ask(String user) {
        long start = System.nanoTime();
        CompletableFuture<ChatResponse> call = CompletableFuture.supplyAsync(
                () -> model.chat(SystemMessage.from(SummaryPrompt.SYSTEM), UserMessage.from(user)), CALLS);
        try {
            ChatResponse r = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String text = r == null || r.aiMessage() == null ? null : r.aiMessage().text();
            if (text == null || text.isBlank()) {
                LOG.warn("The model gave an empty reply; extractive answer");
                return Optional.empty();
            }
            return Optional.of(text);
        } catch (TimeoutException e) {
            call.cancel(true);
            LOG.warn("The model did not answer within {} ms; extractive answer", timeout.toMillis());
        } catch (ExecutionException e) {
            LOG.warn("The model failed after {} ms ({}); extractive answer", (System.nanoTime() - start) / 1_000_000,
                    causes(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("The model could not be asked ({}); extractive answer", e.getClass().getSimpleName());
        }
        return Optional.empty();
    }
}
