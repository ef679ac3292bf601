package qantar.moderation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import qantar.corpus.Lang;
import qantar.store.SecretKey;

/**
 * Signed one-time login tokens for the moderation console: "v1.USER.LANG.EXPIRES.NONCE.SIGNATURE",
 * HMAC-SHA256 under a key of its own. This class only signs and checks signature and expiry;
 * that a nonce is used once is kept by {@link ConsoleAccess} in the database.
 */
public final class LoginLinks {
    public static final Duration VALID_FOR = Duration.ofMinutes(10);
    private static final String VERSION = "v1";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a valid token says: who, in which language, and its nonce. */
    public record Claim(long userId, Lang lang, String nonce, Instant expires) {
    }

    private final byte[] key;

    public LoginLinks(SecretKey secret) {
        this.key = secret.derive("console-login-link");
    }

    /** A token for this user, valid for {@link #VALID_FOR} from {@code now}. */
    public String issue(long userId, Lang lang, Instant now) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String body = VERSION + "." + userId + "." + lang.code() + "." + now.plus(VALID_FOR).getEpochSecond() + "."
                + HexFormat.of().formatHex(nonce);
        return body + "." + signature(body);
    }

    /** The claim of a well-formed, correctly signed token not yet expired at {@code now}; else empty. */
    public Optional<Claim> verify(String token, Instant now) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int cut = token.lastIndexOf('.');
        if (cut < 0) {
            return Optional.empty();
        }
        String body = token.substring(0, cut);
        byte[] given = token.substring(cut + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, signature(body).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        String[] parts = body.split("\\.");
        if (parts.length != 5 || !parts[0].equals(VERSION)) {
            return Optional.empty();
        }
        try {
            long user = Long.parseLong(parts[1]);
            Optional<Lang> lang = Lang.fromCode(parts[2]);
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[3]));
            if (lang.isEmpty() || !now.isBefore(expires) || !parts[4].matches("[0-9a-f]{32}")) {
                return Optional.empty();
            }
            return Optional.of(new Claim(user, lang.get(), parts[4], expires));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String signature(String body) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(SecretKey.hmac(key, body.getBytes(StandardCharsets.UTF_8)));
    }
}
