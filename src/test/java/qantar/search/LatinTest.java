package qantar.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Transliterator;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import qantar.corpus.CorpusReader;
import qantar.testing.Fixture;

/** The shortcut for ASCII words gives what the rules give. */
class LatinTest {
    @Test
    void everyAsciiWordOfTheCorpusComesOutAsTheRulesMakeIt() {
        Transliterator rules = Transliterator.createFromRules("test-latin", Latin.RULES, Transliterator.FORWARD);
        Set<String> words = new TreeSet<>(Set.of("Tokayev", "CSTO", "2022", "o'clock", "x-ray", "A.B", "~`!@#$%^&*()_+={}[]|\\:;\"'<>,.?/", "\t"));
        CorpusReader.read(Fixture.knowledge()).orThrow().passages()
                .forEach(p -> p.texts().values().forEach(t -> words.addAll(java.util.List.of(t.split("\\s+")))));
        int ascii = 0;
        for (String w : words) {
            if (w.chars().allMatch(c -> c < 0x80)) {
                ascii++;
                assertThat(Latin.of(w)).as(w).isEqualTo(rules.transliterate(w));
            }
        }
        assertThat(ascii).isGreaterThan(100);
        assertThat(Latin.of("Жаңаөзен")).isEqualTo(rules.transliterate("Жаңаөзен"));
    }
}
