package qantar.answer.llm;

import dev.langchain4j.model.chat.ChatModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import qantar.answer.Composer;
import qantar.answer.ExtractiveComposer;
import qantar.answer.Statement;
import qantar.corpus.Lang;
import qantar.corpus.Passage;
import qantar.corpus.Side;
import qantar.search.Retriever.Hit;
import qantar.search.Retriever.Retrieval;

/**
 * Model-written answers: the model summarises each side's retrieved passages, and only sentences
 * that pass the {@link CitationGuard} are shown. The extractive answer is computed first and is
 * what the user gets for a side whose sentences all fail, and for the whole answer when the model
 * times out, fails or replies with nothing usable. The sides shown are always the extractive ones:
 * the model can neither add a side nor take one away.
 *
 * @param model      the chat model it writes with (shared with other uses of the same server)
 * @param extractive the service's own extractive composer: what the model starts from
 */
public record LlmComposer(ChatModel model, Duration timeout, ExtractiveComposer extractive) implements Composer {
    private static final Logger LOG = LoggerFactory.getLogger(LlmComposer.class);
    /** Passages given to the model per side: the extractive choice first, then the next relevant. */
    static final int PASSAGES_PER_SIDE = 4;
    static final int SENTENCES_PER_SIDE = 3;

    public static LlmComposer of(LlmSettings s, ExtractiveComposer extractive) {
        return new LlmComposer(ModelCall.chatModel(s), s.timeout(), extractive);
    }

    @Override
    public List<Statement> statements(String question, Retrieval retrieval, Lang lang, Set<Side> sides) {
        List<Hit> hits = retrieval.hits();
        List<Statement> fallback = extractive.statements(retrieval, lang, sides);
        if (fallback.isEmpty()) {
            return fallback;
        }
        Map<Side, List<Statement>> bySide = new LinkedHashMap<>();
        fallback.forEach(s -> bySide.computeIfAbsent(s.side(), x -> new ArrayList<>()).add(s));
        Map<String, Passage> given = passages(hits, bySide);
        Optional<Map<Side, List<String>>> reply = ModelCall.ask(model, SummaryPrompt.SYSTEM,
                SummaryPrompt.user(question, lang, List.copyOf(given.values())), timeout, "extractive answer")
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
            // A side that has only its nearest passage keeps saying so in the model's words.
            boolean nearest = e.getValue().stream().allMatch(Statement::nearest);
            for (String item : reply.get().getOrDefault(e.getKey(), List.of())) {
                for (String sentence : CitationGuard.sentences(item)) {
                    CitationGuard.Verdict v = guard.check(e.getKey(), sentence);
                    if (v.passed() && written.size() < SENTENCES_PER_SIDE) {
                        Statement w = statement(e.getKey(), v, lang);
                        written.add(nearest ? w.asNearest() : w);
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
    private Map<String, Passage> passages(List<Hit> hits, Map<Side, List<Statement>> bySide) {
        Map<String, Hit> byId = new LinkedHashMap<>();
        hits.forEach(h -> byId.putIfAbsent(h.passage().id(), h));
        Map<Side, List<Passage>> chosen = new EnumMap<>(Side.class);
        for (var e : bySide.entrySet()) {
            List<Passage> ps = chosen.computeIfAbsent(e.getKey(), x -> new ArrayList<>());
            e.getValue().forEach(s -> ps.add(byId.get(s.passageId()).passage()));
        }
        for (Hit h : hits) {
            List<Passage> ps = chosen.get(h.passage().side());
            if (ps != null && ps.size() < PASSAGES_PER_SIDE && h.coverage() >= extractive.relevant() && !ps.contains(h.passage())) {
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
        return new Statement(side, first.speaker(lang), v.text(), first.id(), first.sourceId(), false,
                first.isTranslation(lang), lang, first.caution(lang), true, v.cited().stream().map(Passage::id).toList());
    }
}
