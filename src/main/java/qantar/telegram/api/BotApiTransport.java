package qantar.telegram.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import qantar.json.Json;

/** The Bot API through the library's OkHttp client. Error texts never carry the token. */
public final class BotApiTransport implements Transport {
    private final OkHttpTelegramClient client;

    public BotApiTransport(OkHttpTelegramClient client) {
        this.client = client;
    }

    @Override
    public Result call(String method, String payloadJson) {
        try {
            client.execute(new RawMethod(method, (ObjectNode) Json.MAPPER.readTree(payloadJson)));
            return new Accepted();
        } catch (TelegramApiRequestException e) {
            Integer code = e.getErrorCode();
            if (code != null && code == 429) {
                Integer after = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
                return new RetryAfter((after == null ? 1 : after) * 1000L, true);
            }
            if (code != null && code == 400 && String.valueOf(e.getApiResponse()).contains("message is not modified")) {
                return new Accepted(); // a page turned twice to the same page: the message already shows it
            }
            if (code != null && code >= 400 && code < 500) {
                return new Refused(code, e.getApiResponse());
            }
            return new RetryAfter(1000, false);
        } catch (TelegramApiException e) {
            if (e.getCause() instanceof java.net.ConnectException || e.getCause() instanceof java.net.UnknownHostException) {
                return new RetryAfter(1000, false); // never reached Telegram: the call stays queued
            }
            return new NoAnswer(1000); // it may have reached Telegram (a timeout, a connection cut while waiting)
        } catch (java.io.IOException e) {
            return new Refused(0, "unreadable stored payload");
        }
    }
}
