package qantar.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PassageTest {
    /** Whatever reads a passage's first text must read the same one after every start of the program. */
    @Test
    void itsTextsAsksAndCautionsGoInLanguageOrderWhateverOrderTheyCameIn() {
        Map<Lang, String> texts = new LinkedHashMap<>();
        texts.put(Lang.KK, "kk");
        texts.put(Lang.EN, "en");
        texts.put(Lang.RU, "ru");
        Map<Lang, List<String>> asks = new LinkedHashMap<>();
        asks.put(Lang.EN, List.of("en?"));
        asks.put(Lang.RU, List.of("ru?"));
        Passage p = new Passage("p1", "s1", Side.OFFICIAL, "Speaker", List.of(), texts, Lang.EN, false, null, texts, asks, null);
        assertThat(p.texts().keySet()).containsExactly(Lang.RU, Lang.EN, Lang.KK);
        assertThat(p.caution().keySet()).containsExactly(Lang.RU, Lang.EN, Lang.KK);
        assertThat(p.asks().keySet()).containsExactly(Lang.RU, Lang.EN);
        assertThatThrownBy(() -> p.texts().put(Lang.RU, "changed")).isInstanceOf(UnsupportedOperationException.class);
    }
}
