package qantar.telegram;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import qantar.app.Progress;
import qantar.app.Qantar;
import qantar.moderation.Moderation;
import qantar.store.Database;
import qantar.telegram.TelegramWorld.Sent;
import qantar.telegram.api.SendLimits;
import qantar.telegram.api.Webhook;
import qantar.testing.Fixture;
import qantar.web.WebServer;
import qantar.web.WebhookRoute;
import qantar.telegram.moderation.ModerationBot;

/**
 * The real bot on a real database and index, talking to the strict fake Bot API on 127.0.0.1. In
 * webhook mode the bot's web server runs beside it, as serve wires it, and the fake POSTs every
 * update there; tests talk to the fake the same way in both modes.
 */
final class BotHarness implements AutoCloseable {
    static final String TOKEN = "123456:TEST-secret-token-value";
    /** Telegram's limits with a shorter per-chat gap, so tests with many messages per chat stay quick. */
    static final SendLimits QUICK = new SendLimits(30, 30, 20, 60_000);
    static final long USER = 501;
    static final Path CONFIG = Path.of("config").toAbsolutePath();
    /** The webhook's path on the bot's web server (in production, the path of TELEGRAM_WEBHOOK_URL). */
    static final String HOOK_PATH = "/telegram/hook-7f3a";
    /**
     * SQLite's wait for another connection's lock, 200 ms instead of production's 5 s: the tests that
     * hold the lock from outside wait a few of these past it instead of seconds, and the store's
     * retries (100 ms doubling) still fail several times meanwhile. Nothing else here ever waits for
     * it (the bot's calls share one connection).
     */
    static final Duration BUSY_TIMEOUT = Database.Location.BUSY_TIMEOUT.dividedBy(25);

    final Intake intake;
    final FakeBotApi api;
    final Qantar app;
    final TelegramBot bot;
    final Path knowledge;
    /** The bot's web server in webhook mode, else null. */
    final WebServer web;

    BotHarness(Intake intake, Path tmp, SendLimits limits, UnaryOperator<TelegramBot.Settings> tweak) {
        this(intake, tmp, TestCorpus.write(tmp.resolve("knowledge"), false), limits, tweak);
    }

    BotHarness(Intake intake, Path tmp, Path knowledge, SendLimits limits, UnaryOperator<TelegramBot.Settings> tweak) {
        this(intake, tmp, knowledge, limits, (app, settings) -> new TelegramBot(sources(app), tweak.apply(settings)));
    }

    /** With the bot built by {@code build} (e.g. with moderation wired in as serve does), not yet started. */
    BotHarness(Intake intake, Path tmp, Path knowledge, SendLimits limits, BiFunction<Qantar, TelegramBot.Settings, TelegramBot> build) {
        this(intake, tmp, knowledge, limits, build, api -> { });
    }

    /** With {@code beforeStart} run on the fake before the bot starts (faults that must meet its first calls). */
    BotHarness(Intake intake, Path tmp, Path knowledge, SendLimits limits, BiFunction<Qantar, TelegramBot.Settings, TelegramBot> build,
               Consumer<FakeBotApi> beforeStart) {
        this.intake = intake;
        this.knowledge = knowledge;
        api = new FakeBotApi(TOKEN, limits);
        beforeStart.accept(api);
        Qantar opened = null;
        WebServer served = null;
        TelegramBot started = null;
        try {
            Path data = tmp.resolve("data");
            Seed.copyTo(data, knowledge);
            opened = open(data, knowledge);
            TelegramBot built = build.apply(opened, TelegramBot.Settings.of(TOKEN, api.url()).withLimits(limits).withPollSeconds(2));
            if (intake == Intake.WEBHOOK) {
                served = serveWebhook(opened, built);
            }
            started = built.start();
        } catch (RuntimeException e) {
            closeAll(null, served, opened, api);
            throw e;
        }
        app = opened;
        web = served;
        bot = started;
    }

    /**
     * The application on {@code data} as the bot tests open it, also to leave a state for the bot to
     * meet: without vectors (these tests are about the bot, not ranking, and the few passages rank the
     * same by words alone), SQLite waiting {@link #BUSY_TIMEOUT} for a lock.
     */
    static Qantar open(Path data, Path knowledge) {
        return Qantar.open(data, Database.Location.of(data).withBusyTimeout(BUSY_TIMEOUT), knowledge, CONFIG, Progress.NONE, Optional.empty());
    }

    /**
     * The web server on a free port with the bot's webhook at {@link #HOOK_PATH}, as serve wires it
     * when TELEGRAM_WEBHOOK_URL is set; the port is known only once it listens, so the route reaches
     * the webhook through a holder filled right after (no update can come before setWebhook).
     */
    private static WebServer serveWebhook(Qantar app, TelegramBot bot) {
        Webhook[] hook = new Webhook[1];
        WebServer web = WebServer.start(Fixture.webSources(app), new WebServer.Settings("127.0.0.1", 0, null, 20),
                List.of(new WebhookRoute(HOOK_PATH, Webhook.SECRET_HEADER, (secret, body) -> hook[0].receive(secret, body))));
        try {
            hook[0] = bot.useWebhook(webhookUrl(web));
        } catch (RuntimeException e) {
            web.close();
            throw e;
        }
        return web;
    }

    private static String webhookUrl(WebServer web) {
        return "http://127.0.0.1:" + web.port() + HOOK_PATH;
    }

    /** The address the fake POSTs updates to (webhook mode only). */
    String webhookUrl() {
        return webhookUrl(web);
    }

    /** Sends a private message and returns the bot's latest message to that user once it replied. */
    Sent ask(long user, String lang, String text) {
        int before = api.sentTo(user).size();
        api.privateText(user, lang, text);
        return next(user, before, text);
    }

    /** The same, once the whole reply is out (a long answer comes in parts). */
    Sent askWhole(long user, String lang, String text) {
        ask(user, lang, text);
        FakeBotApi.await(() -> bot.outboxPending() == 0, Duration.ofSeconds(15), "the whole reply to " + text);
        return last(user);
    }

    /** The bot's latest message to {@code user} once it has sent more than {@code before}. */
    Sent next(long user, int before, String what) {
        FakeBotApi.await(() -> api.sentTo(user).size() > before, Duration.ofSeconds(15), "a reply to " + what);
        return last(user);
    }

    private Sent last(long user) {
        List<Sent> sent = api.sentTo(user);
        return sent.get(sent.size() - 1);
    }

    /** What the bot uses of an opened application, as serve wires it. */
    static BotSources sources(Qantar app) {
        return new BotSources(app.answers(), app.texts(), app.database(), app.live()::corpus, app.live()::revision);
    }

    /** The bot with moderation on an opened application, as serve wires it. */
    static ModerationBot.Wired moderated(Qantar app, TelegramBot.Settings settings, List<Long> admins) {
        Moderation mod = Moderation.of(app.database(), app.corpusStore(), app.live()::corpus, Moderation.Settings.DEFAULTS, app.live()::reload);
        return ModerationBot.create(sources(app), mod, settings, admins);
    }

    static BotHarness quick(Intake intake, Path tmp) {
        return new BotHarness(intake, tmp, QUICK, s -> s);
    }

    /**
     * The bot first (its poller stops before the fake does, so no long poll is cut under it; its
     * webhook refuses from then on), then the web server, the database, and the fake last.
     */
    @Override
    public void close() {
        closeAll(bot, web, app, api);
    }

    private static void closeAll(AutoCloseable... parts) {
        RuntimeException failed = null;
        for (AutoCloseable p : parts) {
            try {
                if (p != null) {
                    p.close();
                }
            } catch (Exception e) {
                if (failed == null) {
                    failed = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
