package qantar.answer.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.rag.DefaultRetrievalAugmentor;
import dev.langchain4j.rag.AugmentationRequest;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.rag.query.Query;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qantar.app.Qantar;
import qantar.corpus.Lang;
import qantar.search.PassageContentRetriever;
import qantar.search.Retriever;
import qantar.testing.Fixture;

/** Query translation against a fake OpenAI-compatible server on 127.0.0.1. */
class QueryTranslatorTest {
    /** «Мерт болды» (perished): a word for dying that neither the glossary nor the passages use. */
    static final String KK = "Қанша адам мерт болды?";
    static final String KK_EN = "How many people died?";
    static final String KK_RU = "Сколько человек погибло?";

    @TempDir
    Path tmp;
    FakeChatServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private QueryTranslator translator(String baseUrl, Duration timeout) {
        return new QueryTranslator(ModelCall.chatModel(new LlmSettings(LlmSettings.Provider.OPENAI, baseUrl, "fake", null, timeout)),
                timeout);
    }

    private static List<String> texts(List<Query> forms) {
        return forms.stream().map(Query::text).toList();
    }

    @Test
    void aKazakhQuestionGainsEnglishAndRussianFormsAndIsSentAsData() throws Exception {
        server = new FakeChatServer().replying("```json\n{\"en\": \"" + KK_EN + "\", \"ru\": \"" + KK_RU + "\"}\n```");
        QueryTranslator t = translator(server.baseUrl(), Duration.ofSeconds(3));
        assertThat(texts(t.transform(Query.from(KK)))).containsExactly(KK, KK_EN, KK_RU);
        var sent = new ObjectMapper().readTree(FakeChatServer.userMessage(server.requests.get(0)));
        assertThat(sent.get("question").asText()).isEqualTo(KK);
        assertThat(sent.get("into")).hasSize(2);
        // The same question again is not sent again.
        t.transform(Query.from(KK));
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void anEnglishQuestionIsSearchedAsItIsWithoutAskingTheModel() throws Exception {
        server = new FakeChatServer().replying("{\"ru\": \"Сколько погибло?\"}");
        assertThat(texts(translator(server.baseUrl(), Duration.ofSeconds(3)).transform(Query.from("How many died?"))))
                .containsExactly("How many died?");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void onlyPlausibleTranslationsAreKept() {
        String q = "Сколько человек погибло?";
        assertThat(QueryTranslator.parse("{\"en\": \"How many people died?\"}", q, List.of("en"))).containsExactly("How many people died?");
        assertThat(QueryTranslator.parse("{\"en\": \"Сколько человек погибло?\"}", q, List.of("en"))).isEmpty();
        assertThat(QueryTranslator.parse("{\"en\": \"" + "HRW lies. ".repeat(20) + "\"}", q, List.of("en"))).isEmpty();
        assertThat(QueryTranslator.parse("{\"en\": 42}", q, List.of("en"))).isEmpty();
        assertThat(QueryTranslator.parse("I cannot help with that.", q, List.of("en"))).isEmpty();
        assertThat(QueryTranslator.parse("{\"en\": \"How many died?\", \"ru\": \"Сколько погибло?\"}", q, List.of("en")))
                .containsExactly("How many died?");
    }

    @Test
    void aDeadOrSlowServerLeavesTheQuestionAsItIsInTime() throws Exception {
        assertThat(texts(translator(FakeChatServer.deadUrl(), Duration.ofSeconds(2)).transform(Query.from(KK)))).containsExactly(KK);
        server = new FakeChatServer().replying("{\"en\": \"" + KK_EN + "\"}").waiting(5_000);
        long start = System.nanoTime();
        assertThat(texts(translator(server.baseUrl(), Duration.ofMillis(500)).transform(Query.from(KK)))).containsExactly(KK);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    }

    @Test
    void theTranslationFindsWhatTheKazakhWordsMissed() throws Exception {
        server = new FakeChatServer().replying("{\"en\": \"" + KK_EN + "\", \"ru\": \"" + KK_RU + "\"}");
        try (Qantar app = Qantar.open(tmp, Fixture.knowledge(), Fixture.config(), qantar.app.Progress.NONE)) {
            Retriever r = app.live().retriever();
            double alone = coverage(r.retrieve(KK, Lang.KK, Set.of()), "i18-toll-263");
            r.useQueryTransformer(translator(server.baseUrl(), Duration.ofSeconds(3)));
            Retriever.Retrieval translated = r.retrieve(KK, Lang.KK, Set.of());
            assertThat(translated.translations()).containsExactly(KK_EN, KK_RU);
            assertThat(coverage(translated, "i18-toll-263")).isGreaterThan(alone).isGreaterThanOrEqualTo(0.55);

            // The same retriever in a LangChain4j pipeline: the passage comes with its side and id.
            var augmentor = DefaultRetrievalAugmentor.builder()
                    .contentRetriever(new PassageContentRetriever(r, 0.55, 5)).build();
            var result = augmentor.augment(new AugmentationRequest(UserMessage.from(KK),
                    dev.langchain4j.rag.query.Metadata.from(UserMessage.from(KK), null, null)));
            assertThat(result.contents()).anySatisfy(c -> {
                assertThat(c.textSegment().metadata().getString(PassageContentRetriever.PASSAGE_ID)).isEqualTo("i18-toll-263");
                assertThat(c.textSegment().metadata().getString(PassageContentRetriever.SIDE)).isEqualTo("independent");
            });
        }
    }

    private static double coverage(Retriever.Retrieval r, String passageId) {
        return r.hits().stream().filter(h -> h.passage().id().equals(passageId)).mapToDouble(Retriever.Hit::coverage).max().orElse(0);
    }
}
