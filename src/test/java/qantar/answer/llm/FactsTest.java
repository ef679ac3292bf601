package qantar.answer.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the citation guard compares of a sentence and its passage: figures, dates, names, negations. */
class FactsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            погибли 20 000 человек      | 20000
            died: 20,000 people         | 20000
            задержаны 4 404 человека    | 4404
            ущерб 1,5 млрд              | 1.5
            в 2022 году 500 задержанных | 2022 500
            номер 007                   | 7
            """)
    void figuresCompareHoweverTheirDigitsAreGrouped(String text, String numbers) {
        assertThat(Facts.of(text).numbers).containsExactly(numbers.split(" "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            5 января 2022 года       | 5 | 1 | 2022
            on January 5th           | 5 | 1 |
            January 5, 2022          | 5 | 1 | 2022
            2022-01-05               | 5 | 1 | 2022
            05.01.22                 | 5 | 1 | 2022
            5 қаңтарда               | 5 | 1 |
            """)
    void datesAreReadInEveryLanguageAndNotAgainAsFigures(String text, int day, int month, Integer year) {
        Facts f = Facts.of(text);
        assertThat(f.dates).containsExactly(new Facts.Date(day, month, year));
        assertThat(f.numbers).isEmpty();
    }

    @Test
    void aDateWithoutItsYearIsTheSameDayAsOneWithIt() {
        assertThat(new Facts.Date(5, 1, null).sameDay(new Facts.Date(5, 1, 2022))).isTrue();
        assertThat(new Facts.Date(5, 1, 2021).sameDay(new Facts.Date(5, 1, 2022))).isFalse();
        assertThat(new Facts.Date(6, 1, null).sameDay(new Facts.Date(5, 1, null))).isFalse();
    }

    @Test
    void aNumberBeforeAWordThatIsNoMonthStaysAFigure() {
        Facts f = Facts.of("5 марок и 12 маяков");
        assertThat(f.dates).isEmpty();
        assertThat(f.numbers).containsExactly("5", "12");
    }

    @Test
    void aFigureAfterADateIsNoYearUnlessItLooksLikeOne() {
        Facts f = Facts.of("6 января 1000 человек");
        assertThat(f.dates).containsExactly(new Facts.Date(6, 1, null));
        assertThat(f.numbers).containsExactly("1000");
    }

    @Test
    void capitalisedWordsAreNamesFoldedAndFirstWordIsFlagged() {
        Facts f = Facts.of("Токаев заявил, что Назарбаев’s ёлка и Кара-Мурза здесь");
        assertThat(f.firstWord).isEqualTo("токаев");
        assertThat(f.names).containsExactly("токаев", "назарбаев", "кара-мурза");
        assertThat(f.words).contains("елка");
        assertThat(f.prefixes()).contains("токае", "т", "мурза", "кара");
    }

    @Test
    void negationsDenyTheWordBesideThemInEachLanguage() {
        Facts ru = Facts.of("войска не стреляли");
        assertThat(ru.negated).containsExactly("стрел");
        assertThat(ru.affirmed).doesNotContain("стрел").contains("войск");
        assertThat(Facts.of("troops didn't shoot").negated).containsExactly("shoot");
        assertThat(Facts.of("әскер атқан жоқ").negated).containsExactly("атқан");
        assertThat(Facts.of("войска стреляли").affirmed).contains("стрел");
    }
}
