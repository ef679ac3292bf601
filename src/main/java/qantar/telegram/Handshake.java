package qantar.telegram;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import qantar.config.Texts;
import qantar.corpus.Lang;
import qantar.telegram.api.BotStartException;
import qantar.telegram.api.Backoff;
import qantar.telegram.api.Threads;
import qantar.telegram.api.Transport;
import qantar.telegram.render.Html;

/** Start-up's talk with the Bot API before polling: who the bot is, its command menu, no webhook. */
final class Handshake {
    private static final Logger log = LoggerFactory.getLogger(Handshake.class);
    /** How long start-up keeps retrying an unreachable Bot API before it gives up. */
    static final long START_RETRY_MILLIS = 120_000;

    private final BotWiring parts;

    Handshake(BotWiring parts) {
        this.parts = parts;
    }

    /**
     * getMe, retried while the Bot API is unreachable or failing (up to {@link #START_RETRY_MILLIS});
     * a refused token fails at once.
     */
    User getMe() {
        Backoff backoff = new Backoff(1000, 15_000);
        long deadline = System.currentTimeMillis() + START_RETRY_MILLIS;
        while (true) {
            String failure;
            try {
                return parts.client.execute(new GetMe());
            } catch (TelegramApiRequestException e) {
                if (e.getErrorCode() != null && (e.getErrorCode() == 401 || e.getErrorCode() == 404)) {
                    throw new BotStartException("the Bot API at " + parts.describeUrl() + " rejected TELEGRAM_BOT_TOKEN ("
                            + e.getErrorCode() + "); check the token from @BotFather");
                }
                failure = "the Bot API at " + parts.describeUrl() + " refused getMe: " + parts.redact(e.getMessage());
            } catch (TelegramApiException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                failure = "cannot reach the Bot API at " + parts.describeUrl() + ": " + parts.redact(cause.toString());
            }
            if (System.currentTimeMillis() > deadline) {
                throw new BotStartException(failure);
            }
            if (backoff.failures() == 0) {
                log.warn("{}; retrying for up to {} s", failure, START_RETRY_MILLIS / 1000);
            }
            if (!Threads.sleep(backoff.next())) {
                throw new BotStartException(failure);
            }
        }
    }

    /** The command menu in each interface language, and in English for everyone else. */
    void setCommands(Texts texts) {
        for (String code : List.of("ru", "kk", "en", "")) {
            Lang lang = code.isEmpty() ? Lang.EN : Lang.fromCode(code).orElseThrow();
            List<BotCommand> menu = parts.registry.menu().stream()
                    .map(c -> new BotCommand(c.name(), Html.cut(texts.get(c.menuKey(), lang), 256))).toList();
            SetMyCommands.SetMyCommandsBuilder<?, ?> b = SetMyCommands.builder().commands(menu);
            if (!code.isEmpty()) {
                b.languageCode(code);
            }
            try {
                parts.client.execute(b.build());
            } catch (TelegramApiException e) {
                log.warn("setMyCommands ({}) failed: {}", code.isEmpty() ? "default" : code, parts.redact(e.getMessage()));
            }
        }
    }

    /** Long polling and a webhook exclude each other: a webhook left set would make every getUpdates fail. */
    void deleteWebhook() {
        if (!(parts.transport.call("deletewebhook", "{}") instanceof Transport.Accepted)) {
            log.warn("deleteWebhook failed; getUpdates will say so if a webhook is still set");
        }
    }
}
