package qantar.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LangTest {
    @Test
    void picksTheAskersLanguageElseEnglishElseAny() {
        Map<Lang, String> all = new EnumMap<>(Map.of(Lang.RU, "ру", Lang.EN, "en", Lang.KK, "қаз"));
        assertThat(Lang.pick(all, Lang.KK)).isEqualTo("қаз");
        assertThat(Lang.pick(Map.of(Lang.RU, "ру", Lang.EN, "en"), Lang.KK)).isEqualTo("en");
        assertThat(Lang.pick(Map.of(Lang.RU, "ру"), Lang.KK)).isEqualTo("ру");
        assertThat(Lang.pick(Map.of(), Lang.KK)).isNull();
    }
}
