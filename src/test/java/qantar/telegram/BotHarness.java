package qantar.telegram;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import qantar.app.Progress;
import qantar.app.Qantar;
import qantar.moderation.Moderation;
import qantar.telegram.TelegramWorld.Sent;
import qantar.telegram.api.SendLimits;
import qantar.telegram.moderation.ModerationBot;

/** The real bot on a real database and index, talking to the strict fake Bot API on 127.0.0.1. */
final class BotHarness implements AutoCloseable {
    static final String TOKEN = "123456:TEST-secret-token-value";
    /** Telegram's limits with a shorter per-chat gap, so tests with many messages per chat stay quick. */
    static final SendLimits QUICK = new SendLimits(30, 30, 20, 60_000);
    static final long USER = 501;
    static final Path CONFIG = Path.of("config").toAbsolutePath();

    final FakeBotApi api;
    final Qantar app;
    final TelegramBot bot;
    final Path knowledge;

    BotHarness(Path tmp, SendLimits limits, UnaryOperator<TelegramBot.Settings> tweak) {
        this(tmp, TestCorpus.write(tmp.resolve("knowledge"), false), limits, tweak);
    }

    BotHarness(Path tmp, Path knowledge, SendLimits limits, UnaryOperator<TelegramBot.Settings> tweak) {
        this(tmp, knowledge, limits, (app, settings) -> new TelegramBot(sources(app), tweak.apply(settings)));
    }

    /** With the bot built by {@code build} (e.g. with moderation wired in as serve does), not yet started. */
    BotHarness(Path tmp, Path knowledge, SendLimits limits, BiFunction<Qantar, TelegramBot.Settings, TelegramBot> build) {
        this(tmp, knowledge, limits, build, api -> { });
    }

    /** With {@code beforeStart} run on the fake before the bot starts (faults that must meet its first calls). */
    BotHarness(Path tmp, Path knowledge, SendLimits limits, BiFunction<Qantar, TelegramBot.Settings, TelegramBot> build,
               java.util.function.Consumer<FakeBotApi> beforeStart) {
        this.knowledge = knowledge;
        api = new FakeBotApi(TOKEN, limits);
        beforeStart.accept(api);
        Qantar opened = null;
        TelegramBot started = null;
        try {
            opened = Qantar.open(tmp.resolve("data"), knowledge, CONFIG, Progress.NONE);
            started = build.apply(opened, TelegramBot.Settings.of(TOKEN, api.url()).withLimits(limits).withPollSeconds(2)).start();
        } catch (RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            api.close();
            throw e;
        }
        app = opened;
        bot = started;
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
        return new BotSources(app.answers(), app.texts(), app.database(), app::corpus, app::revision);
    }

    /** The bot with moderation on an opened application, as serve wires it. */
    static ModerationBot.Wired moderated(Qantar app, TelegramBot.Settings settings, List<Long> admins) {
        Moderation mod = new Moderation(app.database(), app.corpusStore(), app::corpus, Moderation.Settings.DEFAULTS, app::reload);
        return ModerationBot.create(sources(app), mod, settings, admins);
    }

    static BotHarness quick(Path tmp) {
        return new BotHarness(tmp, QUICK, s -> s);
    }

    @Override
    public void close() {
        try {
            bot.close();
        } finally {
            app.close();
            api.close();
        }
    }
}
