package qantar.moderation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import qantar.config.Texts;
import qantar.corpus.Lang;
import qantar.store.Database;
import qantar.store.SecretKey;
import qantar.store.Sha256;
import qantar.store.Sql;

/**
 * Who is signed in to the moderation console. A moderator asks the bot for a one-time link
 * ({@link #link}); opening it ({@link #login}) starts a session whose cookie is random and stored
 * only as a hash. A session ends after {@link #IDLE} without use, on logout, and as soon as its
 * user is no longer a moderator: the role is checked on every request, not only at login.
 * Every link, login and refusal is in the audit log.
 */
public final class ConsoleAccess {
    public static final Duration IDLE = Duration.ofHours(12);
    /** Links one moderator may ask for within ten minutes, as `serve` runs: enough for a few devices, not for a flood. */
    public static final int LINKS_PER_TEN_MINUTES = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A signed-in moderator: their id, the console's language, the CSRF token of their forms, their role now. */
    public record Session(long userId, Lang lang, String csrf, Role role) {
        public boolean admin() {
            return role == Role.ADMIN;
        }
    }

    /** A new session and the cookie value that carries it. */
    public record Login(String cookie, Session session) {
    }

    private final Access access;
    private final Database db;
    private final LoginLinks links;
    private final Clock clock;
    private final int maxLinks;
    private volatile BiConsumer<Long, Function<Lang, String>> tellUser = (user, text) -> { };

    public ConsoleAccess(Access access, Database db, SecretKey secret, Clock clock, int linksPerTenMinutes) {
        this.access = access;
        this.db = db;
        this.links = new LoginLinks(secret);
        this.clock = clock;
        this.maxLinks = linksPerTenMinutes;
    }

    /** As `serve` and `web` run it: the key from QANTAR_SECRET, else the key file beside the database. */
    public static ConsoleAccess open(Access access, Database db) {
        return new ConsoleAccess(access, db, SecretKey.of(db), Clock.systemUTC(), LINKS_PER_TEN_MINUTES);
    }

    /**
     * How a decision taken in the console reaches its author (the bot, when it runs beside the
     * console): the user and their plain text by language. Without it nobody is told.
     */
    public void tellUsersWith(BiConsumer<Long, Function<Lang, String>> tell) {
        this.tellUser = tell;
    }

    /** Tells the author of a decided proposal what became of it, as the bot's /approve and /reject do (plain text). */
    public void tellAuthor(long actor, Review.Decision d, Texts texts) {
        if (d.author() > 0 && d.author() != actor) {
            tellUser.accept(d.author(), lang -> d.notice((key, args) -> texts.get(key, lang, args)));
        }
    }

    /** A one-time login token for a moderator (valid 10 minutes); citizens get the usual refusal. */
    public Result<String> link(long actor, Lang lang) {
        Result<String> r;
        if (!access.isModerator(actor)) {
            r = Result.refused();
        } else if (linksSince(actor, clock.instant().minus(LoginLinks.VALID_FOR)) >= maxLinks) {
            r = Result.error("console.too_many_links", "minutes", LoginLinks.VALID_FOR.toMinutes());
        } else {
            r = Result.ok("console.link", links.issue(actor, lang, clock.instant()), "minutes", LoginLinks.VALID_FOR.toMinutes());
        }
        access.audit().record(actor, "console_link", null, r);
        return r;
    }

    /** Links given to this user since then, counted from the audit log so a restart does not reset the limit. */
    private long linksSince(long user, Instant since) {
        return db.query(() -> Sql.one(db.connection(),
                "SELECT COUNT(*) FROM mod_audit WHERE actor = ? AND action = 'console_link' AND outcome = 'ok' AND at > ?",
                rs -> rs.getLong(1), user, since.toString()));
    }

    /** Opens a session for a valid, unexpired, unused link of a current moderator; anything else is refused. */
    public Result<Login> login(String token) {
        Instant now = clock.instant();
        Optional<LoginLinks.Claim> claim = links.verify(token, now);
        if (claim.isEmpty()) {
            return refuse(Roles.SYSTEM, "console.link_invalid");
        }
        long user = claim.get().userId();
        if (!access.isModerator(user)) {
            return refuse(user, Result.REFUSED_KEY);
        }
        boolean fresh = db.inTransaction(() -> Sql.exec(db.connection(),
                "INSERT INTO console_links_used (nonce, user_id, used_at) VALUES (?, ?, ?) ON CONFLICT(nonce) DO NOTHING",
                claim.get().nonce(), user, now.toString()) == 1);
        if (!fresh) {
            return refuse(user, "console.link_invalid");
        }
        String cookie = random(32);
        Session s = new Session(user, claim.get().lang(), random(24), access.roleOf(user));
        db.inTransaction(() -> Sql.exec(db.connection(),
                "INSERT INTO console_sessions (token_hash, user_id, lang, csrf, created_at, last_seen) VALUES (?, ?, ?, ?, ?, ?)",
                hash(cookie), user, s.lang().code(), s.csrf(), now.toString(), now.toString()));
        Result<Login> r = Result.ok("console.signed_in", new Login(cookie, s));
        access.audit().record(user, "console_login", null, r);
        return r;
    }

    /**
     * The session a cookie carries, if it is still open: used within the last 12 hours by someone
     * who is still a moderator. A user who lost the role loses every session at once.
     */
    public Optional<Session> session(String cookie) {
        if (cookie == null || cookie.isBlank() || cookie.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String key = hash(cookie);
        record Row(long user, String lang, String csrf, String lastSeen) {
        }
        Row row = db.query(() -> Sql.one(db.connection(), "SELECT user_id, lang, csrf, last_seen FROM console_sessions WHERE token_hash = ?",
                rs -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), key));
        if (row == null) {
            return Optional.empty();
        }
        if (!Instant.parse(row.lastSeen()).plus(IDLE).isAfter(now)) {
            db.inTransaction(() -> Sql.exec(db.connection(), "DELETE FROM console_sessions WHERE token_hash = ?", key));
            return Optional.empty();
        }
        Role role = access.roleOf(row.user());
        if (!role.atLeast(Role.MODERATOR)) {
            int ended = endAll(row.user());
            access.audit().record(row.user(), "console_session", null, "refused", "no longer a moderator; " + ended + " session(s) ended");
            return Optional.empty();
        }
        db.inTransaction(() -> Sql.exec(db.connection(), "UPDATE console_sessions SET last_seen = ? WHERE token_hash = ?", now.toString(), key));
        return Optional.of(new Session(row.user(), Lang.fromCode(row.lang()).orElse(Lang.EN), row.csrf(), role));
    }

    public void logout(String cookie, long user) {
        db.inTransaction(() -> Sql.exec(db.connection(), "DELETE FROM console_sessions WHERE token_hash = ?", hash(cookie)));
        access.audit().record(user, "console_logout", null, "ok", "console.signed_out");
    }

    /** Ends every session of a user (their role was taken back). */
    public int endAll(long user) {
        return db.inTransaction(() -> Sql.exec(db.connection(), "DELETE FROM console_sessions WHERE user_id = ?", user));
    }

    /** Whether a form carried this session's CSRF token; a missing or wrong one is logged as refused. */
    public boolean csrfOk(Session s, String given, String what) {
        boolean ok = given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII), s.csrf().getBytes(StandardCharsets.US_ASCII));
        if (!ok) {
            access.audit().record(s.userId(), "console_post", what, "refused", "console.csrf");
        }
        return ok;
    }

    /** Records a page or action refused to someone without a session or the role for it. */
    public void refused(long actor, String what) {
        access.audit().record(actor, "console", what, "refused", Result.REFUSED_KEY);
    }

    private <T> Result<T> refuse(long actor, String key) {
        Result<T> r = Result.refused(key);
        access.audit().record(actor, "console_login", null, r);
        return r;
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String hash(String cookie) {
        return Sha256.hex(cookie); // cookies are ASCII, whose UTF-8 bytes are the same
    }
}
