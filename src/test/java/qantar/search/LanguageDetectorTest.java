package qantar.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import qantar.corpus.Corpus;
import qantar.corpus.CorpusReader;
import qantar.corpus.Lang;

/** The language a question is read in, word by word: its letters, common words and endings. */
class LanguageDetectorTest {
    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Сколько человек погибло в январе 2022 года?       | RU
            Что говорит ОДКБ о вводе войск?                   | RU
            Пытали ли задержанных в Алматы?                   | RU
            Сколько адам погибло?                             | RU
            Қаңтар оқиғасында қанша адам қаза болды?          | KK
            Тоқаев не деді?                                   | KK
            ОДКБ туралы не белгілі?                           | KK
            Кантар окигасында канша адам каза болды?          | KK
            Алматыда не болды, канша адам?                    | KK
            Жанаозенде не болды, ким кинали?                  | KK
            ескертусиз ок ату буйрыгын ким берди              | KK
            токаев кантар окигасынын жылдыгында не деди озы?  | KK
            Усталгандардын туыстары прокуратурадан не сурады? | KK
            Что означает «Қанды қаңтар»?                      | RU
            Почему книгу про Қаңтар так и не напечатали?      | RU
            Кто был осужден и кто отстранен?                  | RU
            Путин                                             | RU
            Что Human Rights Foundation пишет о роли ОДКБ?    | RU
            qansha adam qaza boldy                            | KK
            Qañtar oqiğasy turaly qysqaşa aityp beriñiz       | KK
            What is Qantar?                                   | EN
            How many people died in January 2022?            | EN
            Why did the protests start in Zhanaozen?          | EN
            Что известно о Bloody January в Алматы?           | RU
            What did Токаев say about the CSTO troops?        | EN
            Что сказал Tokayev о войсках ОДКБ?                | RU
            2022                                              | RU
            """)
    void tellsTheLanguageOfAQuestion(String question, Lang expected) {
        assertThat(LanguageDetector.detect(question)).isEqualTo(expected);
    }

    /** The shipped corpus's asks, the Kazakh ones also as typed without Kazakh letters (0.991 and 1.0 when this was set). */
    @Test
    void theCorpusAsksAreReadInTheirLanguage() {
        Corpus corpus = CorpusReader.read(Path.of("knowledge")).orThrow();
        List<String> russian = corpus.passages().stream().flatMap(p -> p.asks().getOrDefault(Lang.RU, List.of()).stream()).toList();
        List<String> kazakh = corpus.passages().stream().flatMap(p -> p.asks().getOrDefault(Lang.KK, List.of()).stream()).toList();
        assertThat(share(russian, Lang.RU)).isGreaterThanOrEqualTo(0.995);
        assertThat(share(kazakh, Lang.KK)).isGreaterThanOrEqualTo(0.995);
        assertThat(share(kazakh.stream().map(LanguageDetectorTest::withoutKazakhLetters).toList(), Lang.KK)).isGreaterThanOrEqualTo(0.98);
    }

    private static double share(List<String> questions, Lang lang) {
        assertThat(questions).hasSizeGreaterThan(1000);
        return questions.stream().filter(q -> LanguageDetector.detect(q) == lang).count() / (double) questions.size();
    }

    /** As people type Kazakh on a Russian keyboard: қ as к, ү as у... */
    private static String withoutKazakhLetters(String s) {
        String from = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";
        String to = "агкноуухиАГКНОУУХИ";
        StringBuilder b = new StringBuilder(s.length());
        s.chars().forEach(c -> b.append(from.indexOf(c) >= 0 ? to.charAt(from.indexOf(c)) : (char) c));
        return b.toString();
    }
}
