package qantar.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Kazakh in Latin letters is told from English and read as the Cyrillic a Russian keyboard gives. */
class KazakhLatinTest {
    @Test
    void kazakhInLatinLettersIsToldFromEnglish() {
        assertThat(KazakhLatin.written("qansha adam qaza boldy")).isTrue();
        assertThat(KazakhLatin.written("Qañtar oqiğasy turaly qysqaşa aityp beriñiz")).isTrue();
        assertThat(KazakhLatin.written("Tokayev ne dedi?")).isTrue();
        assertThat(KazakhLatin.written("What is Qantar?")).isFalse();
        assertThat(KazakhLatin.written("How many people died in Qaraganda?")).isFalse();
        assertThat(KazakhLatin.written("Interior Ministry")).isFalse();
    }

    @Test
    void itsWordsAreReadInCyrillic() {
        assertThat(KazakhLatin.cyrillic("Qangtar oqighasynda qansha adam qaza boldy?")).isEqualTo("Кантар окигасында канша адам каза болды?");
        assertThat(KazakhLatin.cyrillic("Qañtar oqiğasy turaly qysqaşa aityp beriñiz")).isEqualTo("Кантар окигасы туралы кыскаша айтып бериниз");
        // y or i after a vowel is й, y between two vowels nothing; acronyms stay as written
        assertThat(KazakhLatin.cyrillic("Tokayev qalay dedi, HRW ne deydi?")).isEqualTo("Токаев калай деди, HRW не дейди?");
        assertThat(KazakhLatin.cyrillic("Mangystau")).isEqualTo("Мангыстау");
    }
}
