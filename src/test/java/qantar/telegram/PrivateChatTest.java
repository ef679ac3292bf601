package qantar.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import qantar.telegram.TelegramWorld.Sent;

/** One bot per intake for the whole class; each test talks to it from a private chat of its own. */
@ParameterizedClass
@EnumSource(Intake.class)
class PrivateChatTest {
    @Parameter
    Intake intake;

    @TempDir
    static Path tmp;
    static BotHarness h;
    static long nextUser = 5000;
    long user;

    @BeforeParameterizedClassInvocation
    static void start(Intake intake) {
        h = BotHarness.quick(intake, tmp.resolve(intake.name()));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        h.close();
    }

    @BeforeEach
    void newChat() {
        user = nextUser++;
    }

    private Sent ask(String text) {
        return h.ask(user, "ru", text);
    }

    @Test
    void startIsAnsweredWithTheSidesANeutralityNoteAndLanguageChoice() {
        Sent s = ask("/start");
        assertThat(s.text()).contains("Qantar Sources", "Официальная позиция", "Книга Млечина", "Human Rights Watch",
                "Независимые журналисты", "Я не говорю от себя");
        assertThat(s.hasButton("lang:ru")).isTrue();
        assertThat(s.hasButton("lang:kk")).isTrue();
        assertThat(s.hasButton("lang:en")).isTrue();
        assertThat(h.api.refusals()).isEmpty();
    }

    @Test
    void theCommandMenuIsSetInRussianKazakhAndEnglish() {
        List<JsonNode> calls = h.api.calls("setmycommands");
        assertThat(calls).extracting(c -> c.path("language_code").asText("")).contains("ru", "kk", "en", "");
        for (JsonNode c : calls) {
            assertThat(c.path("commands").toString()).contains("\"start\"", "\"help\"", "\"sides\"", "\"sources\"",
                    "\"timeline\"", "\"lang\"", "\"cite\"", "\"about\"");
        }
        JsonNode kk = calls.stream().filter(c -> c.path("language_code").asText("").equals("kk")).findFirst().orElseThrow();
        assertThat(kk.toString()).contains("Тараптар");
    }

    @Test
    void aRussianQuestionGetsASideLabelledHtmlAnswerWithSourceLinksAndButtons() {
        long answersBefore = h.bot.counters().answers();
        Sent s = ask(TestCorpus.TOLL_RU);
        assertThat(s.html()).contains("🏛 <b>Официальная позиция</b>", "<b>Human Rights Watch</b>", "<b>Независимые журналисты</b>");
        assertThat(s.text()).contains("225 погибших", "По этому вопросу в корпусе ничего не нашлось от: Книга Млечина", "Источники");
        // corpus text is escaped: the fake (like Telegram) would refuse the message otherwise
        assertThat(s.html()).contains("&lt;от рук силовиков&gt; &amp;", "<a href=\"https://example.org/news/t1?a=1&amp;b=2\">");
        assertThat(s.text()).containsPattern("Ответ: [a-z2-9]{8}");
        assertThat(s.hasButton("src:")).isTrue();
        assertThat(s.hasButton("cite:")).isTrue();
        assertThat(s.hasButton("side:")).isTrue();
        assertThat(s.markup().toString()).contains("official", "hrw", "independent").doesNotContain("mlechin_book");
        assertThat(s.hasButton("up:")).isTrue();
        assertThat(s.hasButton("dn:")).isTrue();
        assertThat(h.api.calls("sendchataction")).isNotEmpty();
        assertThat(h.api.refusals()).isEmpty();
        assertThat(h.bot.counters().answers() - answersBefore).isEqualTo(1);
    }

    @Test
    void userTextIsEscapedInTheAnswer() {
        Sent s = ask("<b>Сколько</b> человек погибло & почему? январских событий");
        assertThat(s.html()).contains("&lt;b&gt;Сколько&lt;/b&gt;", "&amp; почему");
        assertThat(h.api.refusals()).isEmpty();
    }

    @Test
    void stickersPhotosVoiceBlankAndHugeTextsGetAShortPoliteReply() {
        for (String kind : List.of("sticker", "photo", "voice")) {
            int before = h.api.sentTo(user).size();
            h.api.privateMedia(user, kind);
            FakeBotApi.await(() -> h.api.sentTo(user).size() > before, Duration.ofSeconds(10), kind);
            assertThat(h.api.sentTo(user).get(before).text()).contains("только текст");
        }
        assertThat(ask("   ").text()).contains("вопрос словами");
        assertThat(ask("а".repeat(5000)).text()).contains("слишком длинно");
        assertThat(ask("/nosuchcommand").text()).contains("не знаю");
        assertThat(ask("Какая погода в Париже?").text()).contains("январских событиях 2022");
        assertThat(h.api.refusals()).isEmpty();
    }

    @Test
    void aMessageOfControlCharactersAloneGetsAPoliteRequestForWords() {
        assertThat(ask("\u0007\u200b\u0000\u001b").text()).isEqualTo("Напишите, пожалуйста, вопрос словами.");
    }
}
