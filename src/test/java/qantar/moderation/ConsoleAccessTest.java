package qantar.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import qantar.app.Qantar;
import qantar.corpus.Lang;
import qantar.store.SecretKey;
import qantar.testing.Engine;

/** Console sign-in on a real SQLite file: one-time links, sessions that end, and every step in the audit log. */
@ParameterizedClass
@EnumSource(Engine.class)
class ConsoleAccessTest {
    @Parameter
    Engine engine;

    static final long ADMIN = 1001;
    static final long ALICE = 2002;
    static final long CITIZEN = 4004;

    /** A clock the test moves by hand. */
    static final class Hand extends Clock {
        Instant now = Instant.parse("2026-01-05T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @TempDir
    Path tmp;
    Qantar app;
    Moderation mod;
    ConsoleAccess access;
    Hand clock = new Hand();

    @BeforeEach
    void open() {
        app = engine.app(tmp.resolve("data"));
        mod = Moderation.of(app.database(), app.corpusStore(), app.live()::corpus, Moderation.Settings.DEFAULTS, app.live()::reload);
        mod.team().bootstrapAdmins(Team.parseAdmins("1001"));
        assertThat(mod.team().grant(ADMIN, ALICE).ok()).isTrue();
        access = new ConsoleAccess(mod.access(), app.database(), SecretKey.load(null, tmp.resolve("data")), clock, 5);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private boolean audited(long actor, String action, String outcome) {
        return mod.access().audit().find(actor, action, outcome, 50).size() > 0;
    }

    @Test
    void aLinkOpensOneSessionAndOnlyOnce() {
        Result<String> link = access.link(ALICE, Lang.RU);
        assertThat(link.ok()).isTrue();
        Result<ConsoleAccess.Login> login = access.login(link.value());
        assertThat(login.ok()).isTrue();
        ConsoleAccess.Session s = access.session(login.value().cookie()).orElseThrow();
        assertThat(s.userId()).isEqualTo(ALICE);
        assertThat(s.lang()).isEqualTo(Lang.RU);
        assertThat(s.admin()).isFalse();

        Result<ConsoleAccess.Login> again = access.login(link.value());
        assertThat(again.status()).isEqualTo(Result.Status.REFUSED);
        assertThat(again.key()).isEqualTo("console.link_invalid");
        assertThat(audited(ALICE, "console_link", "ok")).isTrue();
        assertThat(audited(ALICE, "console_login", "ok")).isTrue();
        assertThat(audited(ALICE, "console_login", "refused")).isTrue();
    }

    @Test
    void aCitizenGetsNoLinkAndAForgedOneOpensNothing() {
        Result<String> link = access.link(CITIZEN, Lang.EN);
        assertThat(link.status()).isEqualTo(Result.Status.REFUSED);
        assertThat(link.key()).isEqualTo(Result.REFUSED_KEY);
        assertThat(audited(CITIZEN, "console_link", "refused")).isTrue();
        // a correctly signed link for a citizen (as if issued before a revocation) still opens nothing
        String signed = new LoginLinks(SecretKey.load(null, tmp.resolve("data"))).issue(CITIZEN, Lang.EN, clock.now);
        assertThat(access.login(signed).ok()).isFalse();
        assertThat(access.login("v1.2002.en.9999999999.00000000000000000000000000000000.forged").ok()).isFalse();
    }

    @Test
    void aLinkExpiresAfterTenMinutes() {
        String link = access.link(ALICE, Lang.EN).value();
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        assertThat(access.login(link).key()).isEqualTo("console.link_invalid");
    }

    @Test
    void aSessionEndsAfterTwelveIdleHoursButNotWhileUsed() {
        String cookie = access.login(access.link(ALICE, Lang.EN).value()).value().cookie();
        for (int i = 0; i < 3; i++) {
            clock.now = clock.now.plus(Duration.ofHours(11));
            assertThat(access.session(cookie)).as("used every 11 hours").isPresent();
        }
        clock.now = clock.now.plus(Duration.ofHours(12));
        assertThat(access.session(cookie)).isEmpty();
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(access.session(cookie)).isEmpty();
    }

    @Test
    void revokingAModeratorEndsTheirSessionsAndLogoutEndsOne() {
        String first = access.login(access.link(ALICE, Lang.EN).value()).value().cookie();
        String second = access.login(access.link(ALICE, Lang.EN).value()).value().cookie();
        assertThat(access.session(first)).isPresent();
        access.logout(first, ALICE);
        assertThat(access.session(first)).isEmpty();
        assertThat(access.session(second)).isPresent();

        assertThat(mod.team().revoke(ADMIN, ALICE).ok()).isTrue();
        assertThat(access.session(second)).isEmpty();
        long left = app.database().query(() -> qantar.store.Sql.one(app.database().connection(),
                "SELECT COUNT(*) FROM console_sessions WHERE user_id = ?", rs -> rs.getLong(1), ALICE));
        assertThat(left).isZero();
    }

    @Test
    void aFormWithoutItsTokenIsRefusedAndLogged() {
        ConsoleAccess.Session s = access.login(access.link(ALICE, Lang.EN).value()).value().session();
        assertThat(access.csrfOk(s, s.csrf(), "/console/x")).isTrue();
        assertThat(access.csrfOk(s, null, "/console/x")).isFalse();
        assertThat(access.csrfOk(s, s.csrf() + "x", "/console/x")).isFalse();
        assertThat(audited(ALICE, "console_post", "refused")).isTrue();
    }

    @Test
    void aModeratorGetsAtMostFiveLinksInTenMinutes() {
        for (int i = 0; i < 5; i++) {
            assertThat(access.link(ALICE, Lang.EN).ok()).as("link " + (i + 1)).isTrue();
        }
        Result<String> sixth = access.link(ALICE, Lang.EN);
        assertThat(sixth.status()).isEqualTo(Result.Status.ERROR);
        assertThat(sixth.key()).isEqualTo("console.too_many_links");
        assertThat(access.link(ADMIN, Lang.EN).ok()).as("others are not held up").isTrue();
    }
}
