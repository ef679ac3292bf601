package qantar.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MonthsTest {
    @Test
    void monthsAreKnownByTheirStemInEveryLanguage() {
        assertThat(Months.of("январе")).isEqualTo(1);
        assertThat(Months.of("Января")).isEqualTo(1);
        assertThat(Months.of("қаңтарда")).isEqualTo(1);
        assertThat(Months.of("мамыр")).isEqualTo(5);
        assertThat(Months.of("May")).isEqualTo(5);
        assertThat(Months.of("December")).isEqualTo(12);
    }

    @Test
    void aShortStemNamesAMonthOnlyAsTheWholeWord() {
        assertThat(Months.of("jan")).isEqualTo(1);
        assertThat(Months.of("dec")).isEqualTo(12);
        assertThat(Months.of("decision")).isZero();
        assertThat(Months.of("майских")).isZero();
        assertThat(Months.of("марок")).isZero();
    }
}
