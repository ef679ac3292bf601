package qantar.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import qantar.telegram.TelegramWorld.Sent;
import qantar.telegram.api.TelegramStore;

/** One bot per intake for the whole class: the group test has its group, each inline query its own id. */
@ParameterizedClass
@EnumSource(Intake.class)
class GroupsAndInlineTest {
    @Parameter
    Intake intake;

    static final long GROUP = -100123;
    static final long MEMBER = 777;

    @TempDir
    static Path tmp;
    static BotHarness h;

    @BeforeParameterizedClassInvocation
    static void start(Intake intake) {
        h = BotHarness.quick(intake, tmp.resolve(intake.name()));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        h.close();
    }

    /** The bot's answer to inline query {@code id}, once it came. */
    private static JsonNode inlineAnswer(String id) {
        FakeBotApi.await(() -> h.api.calls("answerinlinequery").stream().anyMatch(c -> c.path("inline_query_id").asText().equals(id)),
                Duration.ofSeconds(15), "the inline answer");
        return h.api.calls("answerinlinequery").stream().filter(c -> c.path("inline_query_id").asText().equals(id)).findFirst().orElseThrow();
    }

    private void handled(int updateId) {
        FakeBotApi.await(() -> h.api.confirmed(updateId) && h.bot.outboxPending() == 0
                && new TelegramStore(h.app.database()).handled(updateId), Duration.ofSeconds(10), "update " + updateId + " handled");
    }

    @Test
    void inAGroupTheBotAnswersMentionsRepliesAndAskButIgnoresChatter() {
        handled(h.api.groupText(GROUP, MEMBER, "Всем привет, кто идёт на обед?", null));
        handled(h.api.groupText(GROUP, MEMBER, "Сколько человек погибло? январских событий", null));
        handled(h.api.groupText(GROUP, MEMBER, "/nosuch", null)); // an unknown bare command may be for another bot
        handled(h.api.groupText(GROUP, MEMBER, "/ask@some_other_bot Сколько человек погибло?", null));
        // another bot whose name starts with ours is not a mention of ours
        handled(h.api.groupText(GROUP, MEMBER, "@" + FakeBotApi.BOT_USERNAME + "Fake " + TestCorpus.TOLL_RU, null));
        assertThat(h.api.sentTo(GROUP)).isEmpty();

        int mention = h.api.groupText(GROUP, MEMBER, "@" + FakeBotApi.BOT_USERNAME + " " + TestCorpus.TOLL_RU, null);
        Sent first = h.api.awaitSent(s -> s.chatId() == GROUP, "an answer to the mention");
        assertThat(first.replyTo()).isEqualTo(h.api.messageId(mention));
        assertThat(first.text()).contains("Официальная позиция", "225 погибших").doesNotContain("@" + FakeBotApi.BOT_USERNAME);
        // compact: the buttons to go deeper are in private chat, not in the group
        assertThat(first.hasButton("side:")).isFalse();
        assertThat(first.hasButton("src:")).isTrue();

        int reply = h.api.groupText(GROUP, MEMBER, "Сколько человек задержали после январских событий?", first.messageId());
        Sent second = h.api.awaitSent(s -> s.chatId() == GROUP && s.replyTo() != null && s.replyTo() == h.api.messageId(reply), "an answer to the reply");
        assertThat(second.text()).contains("4404");

        int ask = h.api.groupText(GROUP, MEMBER, "/ask@" + FakeBotApi.BOT_USERNAME + " " + TestCorpus.TOLL_RU, null);
        h.api.awaitSent(s -> s.chatId() == GROUP && s.replyTo() != null && s.replyTo() == h.api.messageId(ask), "an answer to /ask");
        assertThat(h.api.sentTo(GROUP)).hasSize(3);
        assertThat(h.api.refusals()).isEmpty();
    }

    @Test
    void anInlineQueryGetsUpToFiveCompleteSourcedAnswersEachWithItsId() {
        String q = h.api.inlineQuery(MEMBER, "How many people died in the January events?");
        JsonNode results = inlineAnswer(q).path("results");
        assertThat(results.size()).isBetween(2, 5);
        for (JsonNode r : results) {
            String id = r.path("id").asText();
            String text = TelegramHtml.parse(r.path("input_message_content").path("message_text").asText());
            assertThat(text).contains("Answer: " + id, "Sources");
            assertThat(r.path("reply_markup").toString()).contains("https://t.me/" + FakeBotApi.BOT_USERNAME + "?start=a_" + id);
            assertThat(h.app.answers().find(id)).isPresent();
        }
        assertThat(results.get(0).path("title").asText()).isEqualTo("All sides");
        assertThat(h.api.refusals()).isEmpty();
    }

    @Test
    void anEmptyInlineQueryIsAnsweredWithNoResults() {
        String q = h.api.inlineQuery(MEMBER, "  ");
        assertThat(inlineAnswer(q).path("results").size()).isZero();
    }
}
