package qantar.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import qantar.testing.Fixture;

/** The shipped cue words of config/scope.yaml, and how a cue matches. */
class ScopeRulesTest {
    private static final ScopeRules SHIPPED = ScopeRules.load(Fixture.config());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            What's the weather in Paris tomorrow?       | true
            Какая ПОГОДА будет в Алматы?                 | true
            Какой курс доллара сегодня?                  | true
            Ертең ауа райы қандай болады?                | true
            Напиши стих про зиму                         | true
            Напиши стихотворение про январь              | true
            Сколько человек погибло в январе 2022 года? | false
            Были ли протесты в Алматы стихийными?        | false
            Что курсанты делали на площади?              | false
            What did the CSTO say about the troops?      | false
            """)
    void offTopicCuesMatchTheStartOfConsecutiveWords(String question, boolean offTopic) {
        assertThat(SHIPPED.offTopic(question)).isEqualTo(offTopic);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            курс доллара                 | true
            курсы, доллар                | true
            курс евро и доллара          | false
            доллар курс                  | false
            ёлка на площади              | true
            елки                         | false
            """)
    void aCueOfSeveralWordsNeedsThemInOrderAndDollarMeansTheWholeWord(String question, boolean offTopic, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("scope.yaml"), "off_topic:\n  - [курс доллар, Ёлка$]\n");
        assertThat(ScopeRules.load(dir).offTopic(question)).isEqualTo(offTopic);
    }
}
