package qantar.telegram.api;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * A Bot API call replayed from its stored JSON, so the outbox can keep calls of any kind and the
 * client still sends them the library's way.
 */
final class RawMethod extends BotApiMethod<Boolean> {
    private final String method;
    private final ObjectNode payload;

    RawMethod(String method, ObjectNode payload) {
        this.method = method;
        this.payload = payload;
    }

    @JsonValue
    ObjectNode json() {
        ObjectNode n = payload.deepCopy();
        n.put("method", method);
        return n;
    }

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public Boolean deserializeResponse(String answer) throws TelegramApiRequestException {
        try {
            JsonNode r = OBJECT_MAPPER.readTree(answer);
            if (r.path("ok").asBoolean(false)) {
                return Boolean.TRUE; // what Telegram returns (a Message, true) is not needed
            }
            ApiResponse<?> error = OBJECT_MAPPER.readValue(answer, ApiResponse.class);
            throw new TelegramApiRequestException("Error executing " + method, error);
        } catch (java.io.IOException e) {
            throw new TelegramApiRequestException("Unable to read the answer to " + method, e);
        }
    }
}
