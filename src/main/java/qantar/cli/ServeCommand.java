package qantar.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import qantar.app.Qantar;
import qantar.config.Locations;
import qantar.moderation.Moderation;
import qantar.moderation.Team;
import qantar.telegram.api.BotStartException;
import qantar.telegram.RedactingPrintStream;
import qantar.telegram.BotSources;
import qantar.telegram.TelegramBot;
import qantar.telegram.api.Webhook;
import qantar.telegram.moderation.ModerationBot;

@Command(name = "serve", description = "Runs the Telegram bot (long polling) and the web pages beside it. Needs TELEGRAM_BOT_TOKEN; "
        + "TELEGRAM_API_URL sets the Bot API server, TELEGRAM_WEBHOOK_URL webhook mode instead of polling, QANTAR_WEB_PORT and QANTAR_PUBLIC_URL the web pages.")
final class ServeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        String token = Locations.setting("TELEGRAM_BOT_TOKEN");
        if (token == null || token.isBlank()) {
            throw new BotStartException("TELEGRAM_BOT_TOKEN is not set; get a token from @BotFather");
        }
        token = token.strip();
        List<Long> admins;
        try {
            admins = Team.parseAdmins(Locations.setting("QANTAR_ADMINS"));
        } catch (IllegalArgumentException e) {
            throw Failure.badInput(e.getMessage(), e); // before anything is opened: one clear line
        }
        int follow = Options.followSeconds();
        // whatever a library prints, the token never reaches the logs
        PrintStream err = System.err;
        PrintStream out = System.out;
        System.setErr(new RedactingPrintStream(err, token));
        System.setOut(new RedactingPrintStream(out, token));
        // one consumer of Telegram's updates: per data folder with SQLite, per database with PostgreSQL
        qantar.store.Database.Location store = qantar.store.Database.Location.of(Locations.dataDir());
        boolean shared = qantar.store.Dialect.of(store.url()) == qantar.store.Dialect.POSTGRESQL;
        AutoCloseable[] lock = {() -> { }};
        try {
            if (!shared) {
                lock[0] = qantar.app.DataDirLock.acquire(Locations.dataDir());
            }
        } catch (IllegalStateException e) {
            System.setErr(err);
            System.setOut(out);
            throw Failure.unavailable(e.getMessage(), e);
        }
        Qantar app = null;
        TelegramBot bot;
        qantar.web.WebServer web = null;
        try {
            app = Options.open();
            // moderation: roles (QANTAR_ADMINS at the first start that names any), commands, reports, uploads, export
            BotSources sources = new BotSources(app.answers(), app.texts(), app.database(), app.live()::corpus, app.live()::revision);
            Moderation mod = Moderation.of(app.database(), app.corpusStore(), app.live()::corpus, Moderation.Settings.DEFAULTS, app.live()::reload);
            ModerationBot.Wired wired = ModerationBot.create(sources, mod, TelegramBot.Settings.of(token, Locations.setting("TELEGRAM_API_URL")), admins);
            // webhook mode: Telegram POSTs the updates to the web server instead of answering getUpdates
            String hookUrl = Locations.setting("TELEGRAM_WEBHOOK_URL");
            List<qantar.web.WebhookRoute> hooks = List.of();
            if (hookUrl != null && !hookUrl.isBlank()) {
                Webhook hook = wired.bot().useWebhook(hookUrl);
                hooks = List.of(new qantar.web.WebhookRoute(hook.path(), Webhook.SECRET_HEADER, hook::receive, hook::taking));
            }
            // the web console shares the bot's moderation services, so /console links open it
            web = qantar.web.WebServer.start(WebCommand.sources(app), WebCommand.settings(), wired.moderation(), wired.console(), hooks);
            // what other instances' moderators approve, or a `corpus import` beside it, even while waiting for the lock
            app.live().follow(follow);
            if (shared) {
                lock[0] = consumerLock(store); // the pages are up meanwhile; updates wait for the lock
            }
            bot = wired.bot().start();
            ModerationBot.tellAboutCorpusProblems(wired, app.corpusProblems(), app.texts(), app.live().revision());
        } catch (RuntimeException e) {
            if (web != null) {
                web.close();
            }
            if (app != null) {
                app.close();
            }
            closeQuietly(lock[0]);
            System.setErr(err);
            System.setOut(out);
            throw e;
        }
        Qantar running = app;
        qantar.web.WebServer site = web;
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM / Ctrl-C: finish the answers in flight, deliver what is ready, close the database
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bot.close();
            site.close();
            running.close();
            closeQuietly(lock[0]);
            stopped.countDown();
        }, "qantar-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * Waits until no other instance consumes updates from this database, then holds the lock and
     * watches it: an instance that lost it (its connection died, so another may hold it now) stops
     * at once rather than consume beside the new holder; a supervisor restarts it as a standby.
     */
    private static AutoCloseable consumerLock(qantar.store.Database.Location store) {
        qantar.store.ConsumerLock lock;
        try {
            lock = qantar.store.ConsumerLock.await(store, java.time.Duration.ofSeconds(2),
                    () -> System.err.println("Another instance consumes Telegram updates from this database; this one serves the web pages and takes over when it stops."));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the consumer lock", e);
        }
        java.util.concurrent.ScheduledExecutorService watch = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "qantar-consumer-lock");
            t.setDaemon(true);
            return t;
        });
        watch.scheduleWithFixedDelay(() -> {
            if (!lock.held()) {
                System.err.println("Lost the consumer lock (the database connection broke): stopping so that only one instance consumes updates.");
                System.exit(69);
            }
        }, 5, 5, java.util.concurrent.TimeUnit.SECONDS);
        return () -> {
            watch.shutdownNow(); // a lock released on shutdown is no loss to report
            lock.close();
        };
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // shutting down: the operating system or the server releases what is left
        }
    }
}
