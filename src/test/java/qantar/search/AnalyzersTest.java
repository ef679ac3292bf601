package qantar.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import qantar.corpus.Lang;

/** What each index field makes of the words people type, so that a question meets its passages. */
class AnalyzersTest {
    private static final Analyzer FIELDS = Analyzers.perField();

    private static List<String> tokens(String field, String text) {
        return Analyzers.tokens(FIELDS, field, text);
    }

    @Test
    void russianKeepsTheWordsItsStopSetWouldDropAndStemsForms() {
        assertThat(tokens(Analyzers.RU, "Сколько человек погибло")).contains("человек");
        assertThat(tokens(Analyzers.RU, "были")).isNotEmpty();
        assertThat(tokens(Analyzers.RU, "погибли")).isEqualTo(tokens(Analyzers.RU, "погибло"));
        assertThat(tokens(Analyzers.RU, "Задержанных")).isEqualTo(tokens(Analyzers.RU, "задержанные"));
        assertThat(tokens(Analyzers.RU, "ёлка")).isEqualTo(tokens(Analyzers.RU, "елка"));
        // families are neither the city of Semey nor seven
        assertThat(tokens(Analyzers.RU, "семьям")).isEqualTo(tokens(Analyzers.RU, "семьи"))
                .isNotEqualTo(tokens(Analyzers.RU, "Семей")).isNotEqualTo(tokens(Analyzers.RU, "семь"));
        assertThat(tokens(Analyzers.RU, "и в на")).isEmpty();
    }

    @Test
    void englishDropsPossessivesAndStems() {
        assertThat(tokens(Analyzers.EN, "Tokayev's troops were deployed")).containsExactly("tokayev", "troop", "deploi");
        assertThat(tokens(Analyzers.EN, "the of and")).isEmpty();
    }

    @Test
    void kazakhFoldsItsLettersAndCutsSuffixesToAPrefix() {
        List<String> written = tokens(Analyzers.KK, "қаңтардағы");
        assertThat(written).containsExactly("канта");
        assertThat(tokens(Analyzers.KK, "Қаңтарда")).isEqualTo(written);
        assertThat(tokens(Analyzers.KK, "кантарда")).isEqualTo(written); // typed without Kazakh letters
        assertThat(tokens(Analyzers.KK, "қанша адам мен")).containsExactly("адам"); // Kazakh question and function words go
        assertThat(tokens(Analyzers.KK, "какой")).isEmpty(); // a Russian stop word, as the field folds it
    }

    @Test
    void theTransliteratedFieldMeetsNamesAcrossScripts() {
        assertThat(tokens(Analyzers.TRANSLIT, "Жаңаөзен")).isEqualTo(tokens(Analyzers.TRANSLIT, "Zhanaozen"))
                .isEqualTo(tokens(Analyzers.TRANSLIT, "Жанаозен"));
        assertThat(tokens(Analyzers.TRANSLIT, "Тоқаев")).isEqualTo(tokens(Analyzers.TRANSLIT, "Tokayev"));
        assertThat(tokens(Analyzers.TRANSLIT, "ОДКБ CSTO")).containsExactly("odkb", "csto");
        assertThat(tokens(Analyzers.TRANSLIT, "Ак Орда 225")).containsExactly("orda", "225"); // under four letters only figures stay
    }

    @ParameterizedTest
    @ValueSource(strings = {Analyzers.RU, Analyzers.EN, Analyzers.KK, Analyzers.TRANSLIT, Analyzers.ASK_RU})
    void everyFieldReadsAFigureTheSameHoweverItsDigitsAreGrouped(String field) {
        List<String> plain = tokens(field, "20000");
        assertThat(plain).containsExactly("20000");
        assertThat(tokens(field, "20 000")).isEqualTo(plain);
        assertThat(tokens(field, "20,000")).isEqualTo(plain);
        assertThat(tokens(field, "20\u00a0000")).isEqualTo(plain);
        assertThat(tokens(field, "4.404")).containsExactly("4404");
    }

    @Test
    void digitGroupsAreJoinedOnlyBeforeThreeDigits() {
        assertThat(Analyzers.joinDigitGroups("20 000 и 4.404, а 1,5 и 2022 2023")).isEqualTo("20000 и 4404, а 1,5 и 2022 2023");
    }

    @Test
    void eachLanguageHasItsQuestionField() {
        assertThat(Analyzers.askField(Lang.RU)).isEqualTo(Analyzers.ASK_RU);
        assertThat(Analyzers.askField(Lang.EN)).isEqualTo(Analyzers.ASK_EN);
        assertThat(Analyzers.askField(Lang.KK)).isEqualTo(Analyzers.ASK_KK);
    }
}
