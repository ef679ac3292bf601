package qantar.telegram.route;

import org.telegram.telegrambots.meta.api.objects.Update;
import qantar.config.Texts;
import qantar.corpus.Lang;
import qantar.moderation.Role;

/**
 * One thing a user did (a message, a command, a button press, an inline query), with who did it,
 * where, in which interface language and with which role.
 *
 * @param chatId    the chat to answer in; null for inline queries
 * @param lang      the interface language: the user's choice, else their Telegram language
 * @param args      the command's arguments, or the callback data after its prefix, or the question text
 * @param messageId the message this request came from (the user's message, or the message whose button was pressed)
 */
public record Request(Update update, long userId, Long chatId, boolean group, Lang lang, Role role, String args, Integer messageId,
        Texts texts, Languages languages) {
    public Request {
        args = args == null ? "" : args;
    }

    /** A text from messages.yaml in the interface language. */
    public String text(String key, Object... nameValues) {
        return texts.get(key, lang, nameValues);
    }

    /** A text for another user (e.g. an author told the outcome): their chosen language, else this request's. */
    public String textFor(long otherUserId, String key, Object... nameValues) {
        Lang theirs = languages == null ? lang : languages.chosen(otherUserId).orElse(lang);
        return texts.get(key, theirs, nameValues);
    }

    public Request withArgs(String newArgs) {
        return new Request(update, userId, chatId, group, lang, role, newArgs, messageId, texts, languages);
    }

    public Request withLang(Lang newLang) {
        return new Request(update, userId, chatId, group, newLang, role, args, messageId, texts, languages);
    }
}
