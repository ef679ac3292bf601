package qantar.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qantar.moderation.Moderation;
import qantar.telegram.FakeBotApi.Sent;
import qantar.telegram.moderation.ModeratorCommands;

/** The moderators' commands through the real bot and the strict fake Bot API (issue 5's "done when"). */
class ModeratorCommandsTest {
    static final long ADMIN = 1001;
    static final long ALICE = 2002;
    static final long BOB = 3003;
    static final long CITIZEN = BotHarness.USER;

    @TempDir
    Path tmp;
    BotHarness h;
    Moderation mod;

    @BeforeEach
    void start() {
        AtomicReference<Moderation> holder = new AtomicReference<>();
        h = new BotHarness(tmp, BotHarness.QUICK, s -> s.withRoles(id -> holder.get() == null ? Role.CITIZEN
                : ModeratorCommands.roles(holder.get()).roleOf(id)));
        mod = new Moderation(h.app.database(), h.app.corpusStore(), h.app::corpus, Moderation.Settings.DEFAULTS, h.app::reload);
        mod.bootstrapAdmins(Moderation.parseAdmins("1001"));
        holder.set(mod);
        new ModeratorCommands(mod).register(h.bot.commands());
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private Sent say(long user, String text) {
        int before = h.api.sentTo(user).size();
        h.api.privateText(user, "en", text);
        FakeBotApi.await(() -> h.api.sentTo(user).size() > before, Duration.ofSeconds(15), "a reply to " + text);
        return h.api.sentTo(user).get(h.api.sentTo(user).size() - 1);
    }

    @Test
    void grantProposeApproveAndACitizenSeesTheNewPassageWhileCitizensCommandsChangeNothing() {
        assertThat(say(ADMIN, "/grant 2002").text()).contains("User 2002 is now a moderator");
        assertThat(say(ADMIN, "/grant 3003").text()).contains("User 3003 is now a moderator");

        Sent proposed = say(ALICE, "/propose t1 official en\n"
                + "On 6 January 2022 the Prosecutor General's Office said 347 police cars had been burned in Almaty & <elsewhere>.");
        assertThat(proposed.text()).contains("waiting for another moderator's review");
        Matcher id = Pattern.compile("<code>(\\d+)</code>").matcher(proposed.html());
        assertThat(id.find()).as(proposed.html()).isTrue();

        // a citizen's /approve and /grant: the same plain refusal, nothing changes
        assertThat(say(CITIZEN, "/approve " + id.group(1)).text()).isEqualTo("This command is not available to you.");
        assertThat(say(CITIZEN, "/grant " + CITIZEN).text()).isEqualTo("This command is not available to you.");
        assertThat(mod.isModerator(CITIZEN)).isFalse();

        assertThat(say(BOB, "/review").text()).contains("t1-m1", "347 police cars", "& <elsewhere>");
        assertThat(say(BOB, "/approve " + id.group(1)).text()).contains("is approved");

        Sent answer = say(CITIZEN, "How many police cars were burned in Almaty in January 2022?");
        assertThat(answer.text()).contains("347 police cars");
        assertThat(say(BOB, "/history t1-m1").text()).contains("2002 · create");
        assertThat(h.api.refusals()).isEmpty();
        assertThat(mod.audit().latest(100)).anyMatch(e -> e.actor() == CITIZEN && e.action().equals("approve") && e.outcome().equals("refused"))
                .anyMatch(e -> e.actor() == CITIZEN && e.action().equals("grant") && e.outcome().equals("refused"));
    }
}
