package qantar.telegram.route;

import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import qantar.config.Texts;
import qantar.corpus.Lang;
import qantar.moderation.Role;

/** Who sent an update, as its request sees them: their role, their interface language and its texts. */
public record Senders(RoleLookup roles, Languages languages, Texts texts) {
    Request request(Update u, User from, Long chatId, boolean group, String args, Integer messageId) {
        Role role = from == null ? Role.CITIZEN : roles.roleOf(from.getId());
        return new Request(u, from == null ? 0 : from.getId(), chatId, group, languages.of(from), role == null ? Role.CITIZEN : role,
                args, messageId, texts, languages);
    }

    /** A text in the sender's language; English when there is no sender (a channel post). */
    String text(User from, String key) {
        return texts.get(key, from == null ? Lang.EN : languages.of(from));
    }
}
