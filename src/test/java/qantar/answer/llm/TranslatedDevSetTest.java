package qantar.answer.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import qantar.app.Progress;
import qantar.app.Qantar;
import qantar.eval.EvalItem;
import qantar.eval.EvalSet;
import qantar.eval.Evaluation;

/**
 * What query translation gains on the dev set when the model translates well: a fake model answers
 * with reference translations written for the dev questions (src/test/resources/eval). Searching
 * the translations too must not do worse than searching the question alone.
 */
class TranslatedDevSetTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void searchingWellTranslatedFormsTooDoesNoHarm() throws Exception {
        Map<String, Map<String, String>> reference = reference();
        // The questions with reference translations: the fake model knows no others.
        List<EvalItem> items = EvalSet.read(Path.of("knowledge/eval/dev.yaml")).stream()
                .filter(i -> i.lang() == qantar.corpus.Lang.EN || reference.containsKey(i.question())).toList();
        try (FakeChatServer server = new FakeChatServer().replying(user -> translate(user, reference));
                Qantar app = Qantar.open(tmp, Path.of("knowledge"), Path.of("config"), Progress.NONE)) {
            Evaluation.Totals alone = run(app, items, "as asked");
            app.live().retriever().useQueryTransformer(new QueryTranslator(
                    ModelCall.chatModel(new LlmSettings(LlmSettings.Provider.OPENAI, server.baseUrl(), "fake", null, Duration.ofSeconds(5))),
                    Duration.ofSeconds(5)));
            Evaluation.Totals translated = run(app, items, "with translations");
            assertThat(server.requests).hasSize(reference.size());
            assertThat(translated.recallAt5()).isGreaterThanOrEqualTo(alone.recallAt5());
            assertThat(translated.sideCoverage()).isGreaterThanOrEqualTo(alone.sideCoverage());
            assertThat(translated.scopeAccuracy()).isGreaterThanOrEqualTo(0.9);
        }
    }

    private static Evaluation.Totals run(Qantar app, List<EvalItem> items, String label) {
        Evaluation eval = new Evaluation(app.answers(), app.live().retriever(), app.live().corpus().passagesById());
        List<Evaluation.Result> results = items.stream().map(eval::run).toList();
        Evaluation.Totals t = Evaluation.totals(results);
        System.out.printf("dev set %s: recall@5 %.3f, side coverage %.3f, key facts %.3f, scope %.3f, mean %.1f ms%n", label,
                t.recallAt5(), t.sideCoverage(), t.factHitRate(), t.scopeAccuracy(), t.meanMillis());
        for (var lang : qantar.corpus.Lang.values()) {
            List<Evaluation.Result> of = results.stream().filter(r -> r.item().lang() == lang).toList();
            System.out.printf("  %s: recall@5 %.3f, side coverage %.3f%n", lang.code(),
                    Evaluation.totals(of).recallAt5(), Evaluation.totals(of).sideCoverage());
        }
        return t;
    }

    /** The fake model: the reference translations of the question in the request, in the languages asked. */
    private static String translate(String user, Map<String, Map<String, String>> reference) {
        try {
            var request = JSON.readTree(user);
            Map<String, String> known = reference.getOrDefault(request.path("question").asText(), Map.of());
            ObjectNode reply = JSON.createObjectNode();
            request.path("into").forEach(code -> {
                if (known.containsKey(code.asText())) {
                    reply.put(code.asText(), known.get(code.asText()));
                }
            });
            return reply.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, String>> reference() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/eval/dev-translations.yaml"))) {
            Map<String, Map<String, String>> out = new HashMap<>();
            for (Map<String, String> item : (List<Map<String, String>>) new Yaml().load(in)) {
                Map<String, String> forms = new HashMap<>(item);
                out.put(forms.remove("question"), forms);
            }
            return out;
        }
    }
}
