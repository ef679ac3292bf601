package qantar.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import qantar.answer.Answer;
import qantar.answer.SourceRef;
import qantar.answer.Statement;
import qantar.corpus.Lang;
import qantar.corpus.Side;
import qantar.telegram.render.AnswerHtml;

/**
 * Golden renders of the same answer in ru, kk and en: every word the bot writes around the
 * statements (headers, labels, "translation", "no material from", "sources", the id) is in the
 * answer's language. Run with -Dgolden.update=true to rewrite them after a deliberate change.
 */
class OneLanguageRenderTest {
    static Answer answer(Lang lang) {
        String text = switch (lang) {
            case RU -> "Генпрокуратура сообщила о 238 погибших.";
            case KK -> "Бас прокуратура 238 адам қаза болғанын хабарлады.";
            case EN -> "The Prosecutor General's Office reported 238 dead.";
        };
        String speaker = switch (lang) {
            case RU -> "Генеральная прокуратура";
            case KK -> "Бас прокуратура";
            case EN -> "Prosecutor General's Office";
        };
        List<Statement> statements = List.of(
                new Statement(Side.OFFICIAL, speaker, text, "o17-238", "o17", false, lang != Lang.RU, lang, null),
                new Statement(Side.HRW, "Human Rights Watch", "HRW: 10 killed in one incident.", "h2-10", "h2", false, true, Lang.EN, null));
        List<SourceRef> sources = List.of(
                new SourceRef("o17", Side.OFFICIAL, "Итоговые данные", "Kazinform", "2023-01-05", "https://example.org/o17", null),
                new SourceRef("h2", Side.HRW, "Killings in Almaty", "HRW", "2022-01-26", "https://example.org/h2", null));
        return new Answer("golden23", "?", lang, true, statements, List.of(Side.MLECHIN_BOOK, Side.INDEPENDENT), sources, null, 7,
                "2026-01-01T00:00:00Z", 1.0);
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void theFrameOfAnAnswerIsInTheAnswersLanguage(Lang lang) throws IOException {
        String html = new AnswerHtml(AnswerHtmlTest.TEXTS).answer(answer(lang), lang, AnswerHtml.Form.COMPACT).get(0);
        Path golden = Path.of("src/test/resources/fixture/golden/render-" + lang.code() + ".html");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, html);
        }
        assertThat(html).isEqualTo(Files.readString(golden));
        // and nothing of the other languages' frame
        for (Lang other : Lang.values()) {
            if (other != lang) {
                assertThat(html).doesNotContain(AnswerHtmlTest.TEXTS.get("sources", other))
                        .doesNotContain(AnswerHtmlTest.TEXTS.label(Side.OFFICIAL, other));
            }
        }
    }
}
