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
import qantar.telegram.BotStartException;
import qantar.telegram.RedactingPrintStream;
import qantar.telegram.TelegramBot;
import qantar.telegram.Webhook;
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
            throw new BotStartException(e.getMessage()); // before anything is opened: one clear line
        }
        // whatever a library prints, the token never reaches the logs
        PrintStream err = System.err;
        PrintStream out = System.out;
        System.setErr(new RedactingPrintStream(err, token));
        System.setOut(new RedactingPrintStream(out, token));
        qantar.app.DataDirLock lock;
        try {
            lock = qantar.app.DataDirLock.acquire(Locations.dataDir());
        } catch (IllegalStateException e) {
            System.setErr(err);
            System.setOut(out);
            throw new BotStartException(e.getMessage());
        }
        Qantar app = null;
        TelegramBot bot;
        qantar.web.WebServer web = null;
        try {
            app = Options.open();
            // moderation: roles (QANTAR_ADMINS at the first start that names any), commands, reports, uploads, export
            ModerationBot.Wired wired = ModerationBot.create(app, TelegramBot.Settings.of(token, Locations.setting("TELEGRAM_API_URL")),
                    Moderation.Settings.DEFAULTS, admins);
            // webhook mode: Telegram POSTs the updates to the web server instead of answering getUpdates
            String hookUrl = Locations.setting("TELEGRAM_WEBHOOK_URL");
            List<qantar.web.WebhookRoute> hooks = List.of();
            if (hookUrl != null && !hookUrl.isBlank()) {
                Webhook hook = wired.bot().useWebhook(hookUrl);
                hooks = List.of(new qantar.web.WebhookRoute(hook.path(), Webhook.SECRET_HEADER, hook::receive));
            }
            // the web console shares the bot's moderation services, so /console links open it
            web = qantar.web.WebServer.start(app, WebCommand.settings(), wired.moderation(), wired.console(), hooks);
            bot = wired.bot().start();
            app.followRevisions(5); // a `corpus import` run beside it
            ModerationBot.tellAboutCorpusProblems(wired, app.corpusProblems(), app.texts(), app.revision());
        } catch (RuntimeException e) {
            if (web != null) {
                web.close();
            }
            if (app != null) {
                app.close();
            }
            lock.close();
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
            lock.close();
            stopped.countDown();
        }, "qantar-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
