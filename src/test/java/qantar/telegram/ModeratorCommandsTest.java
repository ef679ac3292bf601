package qantar.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import qantar.corpus.Lang;
import qantar.moderation.Moderation;
import qantar.moderation.PassageDraft;
import qantar.moderation.Team;
import qantar.telegram.TelegramWorld.Sent;
import qantar.telegram.moderation.ModerationBot;
import qantar.telegram.render.Html;

/**
 * Moderation through the real bot, wired exactly as `serve` wires it ({@link ModerationBot}), and
 * the strict fake Bot API (issue 5's "done when").
 */
@ParameterizedClass
@EnumSource(Intake.class)
class ModeratorCommandsTest {
    @Parameter
    Intake intake;

    static final long ADMIN = 1001;
    static final long ALICE = 2002;
    static final long BOB = 3003;
    static final long CITIZEN = BotHarness.USER;
    static final String REFUSED = "This command is not available to you.";

    static final String NEW_SOURCE = """
            id: n1
            title: Almaty after the unrest
            publisher: Vlast.kz
            date: "2022-02-01"
            url: https://vlast.kz/example
            language: en
            side: independent
            passages:
              - id: n1-detained
                side: independent
                speaker: {en: "Vlast.kz", ru: "Vlast.kz", kk: "Vlast.kz"}
                topics: [detentions]
                original: en
                text:
                  en: Vlast.kz counted 96 detained journalists at the Green Bazaar in Almaty.
                asks:
                  en: ["How many journalists were detained at the Green Bazaar?", "What did Vlast.kz count?"]
            """;

    @TempDir
    Path tmp;
    BotHarness h;
    Moderation mod;
    ModerationBot.Wired w;

    @BeforeEach
    void start() {
        h = new BotHarness(intake, tmp, TestCorpus.write(tmp.resolve("knowledge"), false), BotHarness.QUICK, (app, settings) -> {
            w = BotHarness.moderated(app, settings, Team.parseAdmins("1001"));
            mod = w.moderation();
            return w.bot();
        });
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private Sent say(long user, String text) {
        return h.ask(user, "en", text);
    }

    private Sent sendFile(long user, String name, String content) {
        int before = h.api.sentTo(user).size();
        h.api.privateDocument(user, "en", name, content.getBytes(StandardCharsets.UTF_8));
        return h.next(user, before, "the document " + name);
    }

    private static String proposalId(Sent s) {
        Matcher id = Pattern.compile("<code>(\\d+)</code>").matcher(s.html());
        assertThat(id.find()).as(s.html()).isTrue();
        return id.group(1);
    }

    private void grantBoth() {
        assertThat(say(ADMIN, "/grant 2002").text()).contains("User 2002 is now a moderator");
        assertThat(say(ADMIN, "/grant 3003").text()).contains("User 3003 is now a moderator");
    }

    private long rows(String sql, Object... args) {
        return h.app.database().query(() -> {
            try (var ps = h.app.database().connection().prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    @Test
    void aUserIdPastTheLongRangeIsABadIdAnsweredAndAudited() {
        assertThat(say(ADMIN, "/grant 9223372036854775808").text()).contains("Give a numeric Telegram user id");
        assertThat(mod.access().audit().latest(10)).anyMatch(e -> e.actor() == ADMIN && e.action().equals("grant") && e.outcome().equals("error"));
    }

    @Test
    void grantProposeApproveAndACitizenSeesTheNewPassageWhileCitizensCommandsChangeNothing() {
        grantBoth();
        Sent proposed = say(ALICE, "/propose t1 official en\n"
                + "asks: How many police cars were burned? | What did the Prosecutor General say about police cars?\n"
                + "On 6 January 2022 the Prosecutor General's Office said 347 police cars had been burned in Almaty & <elsewhere>.");
        assertThat(proposed.text()).contains("waiting for another moderator's review");
        String id = proposalId(proposed);

        // a citizen's /approve and /grant: the same plain refusal, nothing changes, both logged
        assertThat(say(CITIZEN, "/approve " + id).text()).isEqualTo(REFUSED);
        assertThat(say(CITIZEN, "/grant " + CITIZEN).text()).isEqualTo(REFUSED);
        assertThat(mod.access().isModerator(CITIZEN)).isFalse();
        assertThat(mod.review().queue(BOB).value()).singleElement().satisfies(i -> assertThat(i.proposal().pending()).isTrue());

        assertThat(say(BOB, "/review").text()).contains("t1-m1", "347 police cars", "& <elsewhere>");
        int aliceBefore = h.api.sentTo(ALICE).size();
        assertThat(say(BOB, "/approve " + id).text()).contains("is approved");
        // the author is told, in their private chat
        assertThat(h.next(ALICE, aliceBefore, "the author's notice").text())
                .contains("Your proposal " + id + " (t1-m1) was approved");

        Sent answer = say(CITIZEN, "How many police cars were burned in Almaty in January 2022?");
        assertThat(answer.text()).contains("347 police cars");
        assertThat(say(BOB, "/history t1-m1").text()).contains("2002 · create");
        assertThat(h.api.refusals()).isEmpty();
        assertThat(mod.access().audit().latest(100)).anyMatch(e -> e.actor() == CITIZEN && e.action().equals("approve") && e.outcome().equals("refused"))
                .anyMatch(e -> e.actor() == CITIZEN && e.action().equals("grant") && e.outcome().equals("refused"));
    }

    @Test
    void theAuthorLearnsWhyTheirProposalWasRejectedInTheirOwnLanguage() {
        grantBoth();
        Sent menu = say(ALICE, "/lang");
        int beforeLang = h.api.sentTo(ALICE).size();
        h.api.press(ALICE, menu, "lang:ru");
        h.next(ALICE, beforeLang, "the language choice");
        String id = proposalId(say(ALICE, "/propose t1 official en\nasks: How many cars burned? | What did the ministry say about cars?\nThe ministry said 12 cars <b>burned</b>."));
        int aliceBefore = h.api.sentTo(ALICE).size();
        assertThat(say(BOB, "/reject " + id + " no <source> for this figure").text()).contains("is rejected");
        Sent notice = h.next(ALICE, aliceBefore, "the author's notice");
        assertThat(notice.text()).isEqualTo("Ваше предложение " + id + " (t1-m1) отклонено. Причина: no <source> for this figure");
        assertThat(h.api.refusals()).isEmpty();
    }

    @Test
    void aCitizensThumbsDownGoesToTheModerationQueueWithoutTheirIdAndModeratorsSeeIt() {
        grantBoth();
        Sent answer = say(CITIZEN, TestCorpus.TOLL_RU);
        String answerId = answer.data("dn:").substring(3);
        int before = h.api.sentTo(CITIZEN).size();
        h.api.press(CITIZEN, answer, "dn:" + answerId);
        Sent ask = h.next(CITIZEN, before, "what is wrong");
        int edits = h.api.sentTo(CITIZEN).size();
        String first = h.api.press(CITIZEN, ask, "why:" + answerId + ":fact");
        h.next(CITIZEN, edits, "the stored notice");
        // the same report again (a second tap, or the press handled again after a crash) stays one report
        String again = h.api.press(CITIZEN, ask, "why:" + answerId + ":fact");
        FakeBotApi.await(() -> h.api.callbackAnswered(first) && h.api.callbackAnswered(again), Duration.ofSeconds(15), "both presses answered");

        Sent list = say(BOB, "/feedback");
        assertThat(list.text()).contains("Open reports: 1", answerId, "fact");
        // the reporter's raw id is nowhere with the feedback: not in tg_feedback, not in mod_reports
        assertThat(rows("SELECT COUNT(*) FROM tg_feedback WHERE answer_id = ?", answerId)).isEqualTo(1); // one vote per user and answer, kept anonymously
        assertThat(rows("SELECT COUNT(*) FROM tg_feedback WHERE user_id = ? OR chat_id = ?", CITIZEN, CITIZEN)).isZero();
        assertThat(rows("SELECT COUNT(*) FROM mod_reports WHERE answer_id = ? AND reason = 'fact'", answerId)).isEqualTo(1);
        // A keyed hash is hex and may hold the id's digits by chance: the reporter is only a 32-digit hex tag there.
        assertThat(rows("SELECT COUNT(*) FROM mod_reports WHERE length(user_hash) <> 32 OR user_hash GLOB '*[^0-9a-f]*' OR comment LIKE ?",
                "%" + CITIZEN + "%")).isZero();

        String reportId = Pattern.compile("<code>(\\d+)</code> · answer").matcher(list.html()).results().findFirst().orElseThrow().group(1);
        assertThat(say(BOB, "/resolve " + reportId + " not_an_issue").text()).contains("resolved: not_an_issue");
        assertThat(say(BOB, "/feedback").text()).contains("No open reports");
    }

    @Test
    void aModeratorsSourceFileBecomesOneProposalOrIsRefusedWithLineNumbers() {
        grantBoth();
        String broken = NEW_SOURCE.replace("    side: independent", "    side: bystander");
        Sent refused = sendFile(ALICE, "n1.yaml", broken);
        assertThat(refused.text()).contains("nothing was added", "n1.yaml:10", "bystander");
        assertThat(mod.review().queue(BOB).value()).isEmpty();

        Sent accepted = sendFile(ALICE, "n1.yaml", NEW_SOURCE);
        assertThat(accepted.text()).contains("source n1", "1 new");
        String id = proposalId(accepted);
        int aliceBefore = h.api.sentTo(ALICE).size();
        assertThat(say(BOB, "/approve " + id).text()).contains("is approved");
        assertThat(h.app.live().corpus().passagesById()).containsKey("n1-detained");
        assertThat(h.next(ALICE, aliceBefore, "the author's notice").text()).contains("Your proposal " + id + " (n1) was approved");

        // not a .yaml file: refused before anything is downloaded
        assertThat(sendFile(ALICE, "notes.txt", "hello").text()).contains("send a source file (.yaml)");
        assertThat(h.api.refusals()).isEmpty();
    }

    @Test
    void aCitizensDocumentGetsThePoliteNotTextReplyAndProposesNothing() {
        Sent reply = sendFile(CITIZEN, "n1.yaml", NEW_SOURCE);
        assertThat(reply.text()).isEqualTo("I can only read text. Please write your question in words.");
        assertThat(rows("SELECT COUNT(*) FROM mod_proposals")).isZero();
        assertThat(h.api.calls("getfile")).isEmpty();
        assertThat(mod.access().audit().latest(10)).anyMatch(e -> e.actor() == CITIZEN && e.action().equals("upload") && e.outcome().equals("refused"));
    }

    @Test
    void editAndRetireInChatProposeWhatTheirLinesSayAndAMalformedEditIsExplainedToModeratorsOnly() {
        grantBoth();
        assertThat(say(CITIZEN, "/edit t1-toll-225 de\ntext").text()).isEqualTo(REFUSED);
        assertThat(say(ALICE, "/edit t1-toll-225 de\ntext").text()).contains("Unknown language de");
        assertThat(say(ALICE, "/edit t1-toll-225\nasks.de: Wie viele?\ntext").text()).contains("asks.de");
        String edit = proposalId(say(ALICE, "/edit t1-toll-225 en\nreason: wording\nThe office gave 225 as the toll."));
        String retire = proposalId(say(ALICE, "/retire t1-toll-225 superseded"));
        assertThat(mod.review().queue(BOB).value()).extracting(i -> String.valueOf(i.proposal().id())).containsExactly(edit, retire);
        assertThat(mod.review().queue(BOB).value().get(0).diff()).anyMatch(l -> l.startsWith("+ text.en: The office gave 225 as the toll."));
        assertThat(mod.review().queue(BOB).value().get(0).proposal().reason()).isEqualTo("wording");
        assertThat(mod.access().audit().latest(20))
                .anyMatch(e -> e.actor() == CITIZEN && e.action().equals("edit") && e.outcome().equals("refused"))
                .anyMatch(e -> e.actor() == ALICE && e.action().equals("edit") && e.outcome().equals("error") && e.detail().equals("mod.bad_field"));
    }

    @Test
    void aLongReviewQueueComesInMessagesOfAtMostAHundredEntitiesSoTelegramKeepsTheirFormatting() {
        grantBoth();
        for (int i = 0; i < 20; i++) { // edits: each shows a word diff per changed field, one entity per line
            PassageDraft now = PassageDraft.of(mod.proposing().current("t1-toll-225").orElseThrow().passage());
            Map<Lang, String> texts = new EnumMap<>(now.texts());
            texts.put(Lang.EN, "The office gave figure " + i + " for the dead.");
            Map<Lang, List<String>> asks = new EnumMap<>(now.asks());
            asks.put(Lang.EN, List.of("How many died by count " + i + "?", "What was figure " + i + "?"));
            PassageDraft changed = now.withTexts(texts).withAsks(asks).withTopics(List.of("death_toll", "detentions"))
                    .withSpeakers(Map.of(Lang.EN, "Prosecutor General's Office " + i, Lang.RU, "Prosecutor General's Office " + i,
                            Lang.KK, "Prosecutor General's Office " + i));
            assertThat(mod.proposing().edit(ALICE, "t1-toll-225", changed, null, "wording " + i).ok()).isTrue();
        }
        int before = h.api.sentTo(BOB).size();
        h.api.privateText(BOB, "en", "/review");
        FakeBotApi.await(() -> h.api.sentTo(BOB).size() > before && h.bot.outboxPending() == 0, Duration.ofSeconds(20), "the queue");
        List<Sent> out = h.api.sentTo(BOB).subList(before, h.api.sentTo(BOB).size());
        assertThat(out.stream().mapToInt(m -> Html.entities(m.html())).sum()).as("more than one message can carry").isGreaterThan(Html.MAX_ENTITIES);
        assertThat(out).allMatch(m -> Html.entities(m.html()) <= Html.MAX_ENTITIES, "at most 100 entities");
        String all = String.join("\n", out.stream().map(Sent::text).toList());
        for (int i = 0; i < 20; i++) {
            assertThat(all).contains("wording " + i);
        }
    }

    @Test
    void aModerationCommandInAGroupIsSentToThePrivateChatAndAudited() {
        grantBoth();
        int before = h.api.sentTo(-500).size();
        h.api.groupText(-500, ALICE, "/review", null);
        Sent reply = h.next(-500, before, "the reply in the group");
        assertThat(reply.text()).contains("личном чате");
        h.api.groupText(-500, CITIZEN, "/grant 4004", null);
        h.next(-500, before + 1, "the citizen's reply in the group");
        h.api.groupText(-500, ADMIN, "/export", null);
        h.next(-500, before + 2, "the reply to /export in the group");
        assertThat(h.api.documents()).isEmpty();
        assertThat(mod.access().audit().latest(10)).anyMatch(e -> e.actor() == ADMIN && e.action().equals("export") && e.outcome().equals("refused"));
        assertThat(mod.access().audit().latest(10)).anyMatch(e -> e.actor() == ALICE && e.action().equals("review") && e.outcome().equals("refused"))
                .anyMatch(e -> e.actor() == CITIZEN && e.action().equals("grant") && e.outcome().equals("refused"));
        assertThat(mod.access().isModerator(CITIZEN)).isFalse();
    }

    @Test
    void exportSendsTheLiveCorpusAsAZipToAdministratorsOnly() throws IOException {
        assertThat(say(CITIZEN, "/export").text()).isEqualTo(REFUSED);
        grantBoth();
        assertThat(say(ALICE, "/export").text()).isEqualTo(REFUSED);
        assertThat(h.api.documents()).isEmpty();

        int before = h.api.sentTo(ADMIN).size();
        h.api.privateText(ADMIN, "en", "/export");
        FakeBotApi.await(() -> !h.api.documents().isEmpty() || h.api.sentTo(ADMIN).size() > before, Duration.ofSeconds(15), "the export");
        assertThat(h.api.sentTo(ADMIN).subList(before, h.api.sentTo(ADMIN).size())).as("no message instead of the document").isEmpty();
        TelegramWorld.Document doc = h.api.documents().get(0);
        assertThat(doc.chatId()).isEqualTo(ADMIN);
        assertThat(doc.fileName()).endsWith(".zip");
        assertThat(doc.caption()).contains("Exported", "sources");
        List<String> names = new ArrayList<>();
        String t1 = null;
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(doc.bytes()))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                names.add(e.getName());
                String text = new String(z.readAllBytes(), StandardCharsets.UTF_8);
                if (e.getName().equals("knowledge/sources/t1.yaml")) {
                    t1 = text;
                }
            }
        }
        assertThat(names).contains("knowledge/topics.yaml", "knowledge/sources/t1.yaml");
        assertThat(t1).contains("t1-toll-225");
        assertThat(h.api.refusals()).isEmpty();
    }

    @Test
    void consoleGivesAModeratorAOneTimeLinkAndACitizenTheUsualRefusal() {
        grantBoth();
        Sent link = say(ALICE, "/console");
        Matcher t = Pattern.compile("/console/login\\?t=(\\S+)").matcher(link.text());
        assertThat(t.find()).as(link.text()).isTrue();
        assertThat(link.text()).contains("valid 10 minutes");
        var first = w.console().login(t.group(1));
        assertThat(first.ok()).isTrue();
        assertThat(first.value().session().userId()).isEqualTo(ALICE);
        assertThat(first.value().session().lang()).isEqualTo(qantar.corpus.Lang.EN);
        assertThat(w.console().login(t.group(1)).ok()).as("a link works once").isFalse();

        assertThat(say(CITIZEN, "/console").text()).isEqualTo(REFUSED);
        assertThat(mod.access().audit().latest(20)).anyMatch(e -> e.actor() == CITIZEN && e.action().equals("console_link") && e.outcome().equals("refused"));
    }
}
