package qantar.telegram.route;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import qantar.corpus.Lang;
import qantar.telegram.api.TelegramStore;
import qantar.telegram.api.Updates;

/** Each user's interface language: their choice (/lang), else their Telegram language, else English. */
public final class Languages {
    private final TelegramStore store;
    private final Map<Long, Optional<Lang>> chosen = new ConcurrentHashMap<>();

    public Languages(TelegramStore store) {
        this.store = store;
    }

    Lang of(User user) {
        if (user == null) {
            return Lang.EN;
        }
        Optional<Lang> choice = chosen.computeIfAbsent(user.getId(), id -> store.userLang(id).flatMap(Lang::fromCode));
        return choice.orElseGet(() -> fromTelegram(user.getLanguageCode()));
    }

    /** The language a user chose with /lang, if any (no User at hand: someone else's chat). */
    public Optional<Lang> chosen(long userId) {
        return chosen.computeIfAbsent(userId, id -> store.userLang(id).flatMap(Lang::fromCode));
    }

    /** Records a choice (null: follow Telegram again) and returns the language now in effect. */
    public Lang choose(long userId, Lang lang, Update update) {
        chosen.put(userId, Optional.ofNullable(lang));
        return lang != null ? lang : fromTelegram(Updates.from(update) == null ? null : Updates.from(update).getLanguageCode());
    }

    static Lang fromTelegram(String code) {
        return Lang.fromTag(code).orElse(Lang.EN);
    }
}
