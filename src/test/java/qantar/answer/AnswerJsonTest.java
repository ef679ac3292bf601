package qantar.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import qantar.corpus.Lang;
import qantar.corpus.Side;

/** A stored answer reads back as it was written, and one that lacks a field or has a strange one is refused by name. */
class AnswerJsonTest {
    private final Answer answer = new Answer("abcd2345", "How many died?", Lang.EN, true,
            List.of(new Statement(Side.HRW, "Human Rights Watch", "At least 10 people were killed.", "h2-ten", "h2", false, false,
                            Lang.EN, null, true, List.of("h2-ten", "h2-more"), List.of(new Statement.Also("i18-ten", "i18"))),
                    new Statement(Side.OFFICIAL, "Prosecutor", "225 bodies.", "o11-toll", "o11", true, true, Lang.EN, "disputed"),
                    new Statement(Side.INDEPENDENT, "Azattyq", "Trials began.", "i9-trials", "i9", false, false, Lang.EN, null).asNearest()),
            List.of(Side.MLECHIN_BOOK), List.of(new SourceRef("h2", Side.HRW, "Killings", "HRW", "2022-01-26", "https://hrw.org", null),
                    new SourceRef("o11", Side.OFFICIAL, "Toll", "copy.kz", "2022-01-15", "https://copy.kz", "o10")),
            null, 7, "2026-12-01T10:00:00Z", 0.78);

    @Test
    void anAnswerReadsBackAsItWasWritten() {
        assertThat(AnswerJson.read(AnswerJson.write(answer, false))).isEqualTo(answer);
        assertThat(AnswerJson.read(AnswerJson.write(answer, true))).isEqualTo(answer);
    }

    @Test
    void optionalFieldsAppearOnlyWhenSet() {
        String json = AnswerJson.write(answer, false);
        assertThat(json).contains("\"summary\":true,\"cites\":[\"h2-ten\",\"h2-more\"],\"also\":[{\"passage_id\":\"i18-ten\",\"source_id\":\"i18\"}]")
                .contains("\"lang\":\"en\",\"caution\":\"disputed\"}").contains("\"mirror_of\":\"o10\"")
                .contains("\"lang\":\"en\",\"nearest\":true}").containsOnlyOnce("\"nearest\"")
                .doesNotContain("\"message\"").doesNotContain("\"mirror_of\":null");
    }

    @Test
    void aMissingOrUnknownFieldIsAnErrorNamingIt() {
        String json = AnswerJson.write(answer, false);
        assertThatThrownBy(() -> AnswerJson.read(json.replace("\"in_scope\":true,", ""))).hasMessageContaining("'in_scope'");
        assertThatThrownBy(() -> AnswerJson.read(json.replace("\"speaker\":\"Prosecutor\",", ""))).hasMessageContaining("'speaker'");
        assertThatThrownBy(() -> AnswerJson.read(json.replace("\"question\":", "\"colour\":\"blue\",\"question\":")))
                .hasMessageContaining("\"colour\"");
        assertThatThrownBy(() -> AnswerJson.read(json.replace("\"side\":\"hrw\"", "\"side\":\"nobody\""))).hasMessageContaining("'nobody'");
    }
}
