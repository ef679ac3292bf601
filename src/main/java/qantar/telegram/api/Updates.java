package qantar.telegram.api;

import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;

/** Small facts about an update, whatever its kind. */
public final class Updates {
    private Updates() {
    }

    public static User from(Update u) {
        if (u.hasMessage()) {
            return u.getMessage().getFrom();
        }
        if (u.hasCallbackQuery()) {
            return u.getCallbackQuery().getFrom();
        }
        if (u.hasInlineQuery()) {
            return u.getInlineQuery().getFrom();
        }
        return null;
    }

    /** The chat an update belongs to (the user for inline queries), to keep each chat's updates in order. */
    public static long orderKey(Update u) {
        if (u.hasMessage()) {
            return u.getMessage().getChatId();
        }
        if (u.hasCallbackQuery() && u.getCallbackQuery().getMessage() != null) {
            return u.getCallbackQuery().getMessage().getChatId();
        }
        User from = from(u);
        return from == null ? 0 : from.getId();
    }
}
