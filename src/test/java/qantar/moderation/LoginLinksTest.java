package qantar.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import qantar.corpus.Lang;
import qantar.store.SecretKey;

/** The console's login tokens: signed, bound to one user and language, valid ten minutes. */
class LoginLinksTest {
    static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

    @TempDir
    Path tmp;

    private LoginLinks links() {
        return new LoginLinks(SecretKey.load("a-test-secret-that-is-long-enough-for-hmac", tmp));
    }

    @Test
    void aFreshTokenNamesItsUserAndLanguage() {
        String t = links().issue(2002, Lang.KK, NOW);
        LoginLinks.Claim c = links().verify(t, NOW.plusSeconds(60)).orElseThrow();
        assertThat(c.userId()).isEqualTo(2002);
        assertThat(c.lang()).isEqualTo(Lang.KK);
        assertThat(c.expires()).isEqualTo(NOW.plus(LoginLinks.VALID_FOR));
        assertThat(t).matches("[A-Za-z0-9._-]+"); // safe in a URL as it is
    }

    @Test
    void twoTokensForTheSameUserDiffer() {
        assertThat(links().issue(2002, Lang.EN, NOW)).isNotEqualTo(links().issue(2002, Lang.EN, NOW));
    }

    @Test
    void aTokenIsRefusedAfterTenMinutes() {
        String t = links().issue(2002, Lang.EN, NOW);
        assertThat(links().verify(t, NOW.plus(Duration.ofMinutes(10)).minusSeconds(1))).isPresent();
        assertThat(links().verify(t, NOW.plus(Duration.ofMinutes(10)))).isEmpty();
    }

    @Test
    void anyChangedCharacterBreaksTheSignature() {
        String t = links().issue(2002, Lang.EN, NOW);
        String otherUser = t.replaceFirst("^v1\\.2002\\.", "v1.1001.");
        assertThat(otherUser).isNotEqualTo(t);
        assertThat(links().verify(otherUser, NOW)).isEmpty();
        String later = t.replaceFirst("\\.en\\.(\\d+)\\.", ".en.9999999999.");
        assertThat(links().verify(later, NOW)).isEmpty();
        char last = t.charAt(t.length() - 1);
        assertThat(links().verify(t.substring(0, t.length() - 1) + (last == 'A' ? 'B' : 'A'), NOW)).isEmpty();
        assertThat(links().verify("", NOW)).isEmpty();
        assertThat(links().verify(null, NOW)).isEmpty();
        assertThat(links().verify("v1.2002.en.1.00.x", NOW)).isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        String t = new LoginLinks(SecretKey.load("another-secret-of-the-same-length-or-more", tmp)).issue(2002, Lang.EN, NOW);
        assertThat(links().verify(t, NOW)).isEmpty();
    }
}
