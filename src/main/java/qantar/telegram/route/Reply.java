package qantar.telegram.route;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import qantar.json.Json;
import qantar.telegram.api.TelegramStore;
import qantar.telegram.api.TelegramStore.Outgoing;
import qantar.telegram.render.Button;
import qantar.telegram.render.Html;

/**
 * What the bot will do in answer to one request: messages to send, edits, the answer to a button
 * press, and its own database writes. Nothing leaves until the router commits the reply together
 * with the "handled" mark of the update; then the send queue delivers it.
 */
public final class Reply {

    private final Long chatId;
    private final Integer replyTo;
    private final String callbackQueryId;
    private final List<Outgoing> calls = new ArrayList<>();
    private final List<TelegramStore.Write> writes = new ArrayList<>();
    private boolean callbackAnswered;

    public Reply(Long chatId, Integer replyTo, String callbackQueryId) {
        this.chatId = chatId;
        this.replyTo = replyTo;
        this.callbackQueryId = callbackQueryId;
    }

    /** Sends an HTML message (the caller escapes what it did not write) to the request's chat. */
    public Reply html(String html) {
        return html(html, List.of());
    }

    public Reply html(String html, List<List<Button>> keyboard) {
        if (chatId == null) {
            throw new IllegalStateException("no chat to send to");
        }
        SendMessage.SendMessageBuilder<?, ?> m = SendMessage.builder().chatId(chatId).text(html).parseMode("HTML")
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
        if (replyTo != null) {
            m.replyParameters(ReplyParameters.builder().messageId(replyTo).allowSendingWithoutReply(true).build());
        }
        if (!keyboard.isEmpty()) {
            m.replyMarkup(markup(keyboard));
        }
        return add(m.build(), chatId, true);
    }

    /** Sends an HTML message to another private chat (a user's id is their private chat's id), e.g. to tell an author. */
    public Reply htmlTo(long otherChatId, String html) {
        return add(SendMessage.builder().chatId(otherChatId).text(html).parseMode("HTML")
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build()).build(), otherChatId, true);
    }

    /** Replaces the message the button was under, or, when it cannot be edited (none, or inaccessible), sends a new one. */
    public Reply editOrSend(Integer messageId, String html, List<List<Button>> keyboard) {
        return messageId == null ? html(html, keyboard) : edit(messageId, html, keyboard);
    }

    /** Replaces the text and buttons of a message the bot sent (paging). */
    public Reply edit(int messageId, String html, List<List<Button>> keyboard) {
        EditMessageText.EditMessageTextBuilder<?, ?> m = EditMessageText.builder().chatId(chatId).messageId(messageId)
                .text(html).parseMode("HTML").linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
        if (!keyboard.isEmpty()) {
            m.replyMarkup(markup(keyboard));
        }
        return add(m.build(), chatId, true);
    }

    /** Answers the button press with a short notice (null: silently); every press is answered once. */
    public Reply answerCallback(String notice) {
        if (callbackQueryId == null || callbackAnswered) {
            return this;
        }
        callbackAnswered = true;
        AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> a = AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId);
        if (notice != null) {
            a.text(Html.cut(notice, 200));
        }
        return add(a.build(), null, false);
    }

    public Reply call(BotApiMethod<?> method) {
        return add(method, null, false);
    }

    public void write(TelegramStore.Write w) {
        writes.add(w);
    }

    private Reply add(BotApiMethod<?> method, Long chat, boolean paced) {
        try {
            calls.add(new Outgoing(0, chat, paced, method.getMethod(), Json.MAPPER.writeValueAsString(method)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + method.getMethod(), e);
        }
        return this;
    }

    public static InlineKeyboardMarkup markup(List<List<Button>> keyboard) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (List<Button> row : keyboard) {
            InlineKeyboardRow r = new InlineKeyboardRow();
            for (Button b : row) {
                r.add(b.url() != null ? InlineKeyboardButton.builder().text(b.text()).url(b.url()).build()
                        : InlineKeyboardButton.builder().text(b.text()).callbackData(b.data()).build());
            }
            rows.add(r);
        }
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    public boolean callbackAnswered() {
        return callbackAnswered;
    }

    public boolean hasCallback() {
        return callbackQueryId != null;
    }

    public List<Outgoing> calls() {
        return calls;
    }

    public List<TelegramStore.Write> writes() {
        return writes;
    }
}
