package qantar.corpus;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The languages passages are written in and the bot speaks. */
public enum Lang {
    RU, EN, KK;

    /** Languages a source itself may be written in: ours plus those of the foreign outlets in the corpus. */
    public static final Set<String> SOURCE_LANGUAGES = Set.of("ru", "en", "kk", "pl", "ar", "hu", "uk", "uz", "ky", "sv");

    /** Each constant is its ISO 639-1 code in capitals. */
    private final String code = name().toLowerCase(java.util.Locale.ROOT);

    public String code() {
        return code;
    }

    /** The language of a language tag ("ru", "kk-KZ", "en-GB"), if it is one of ours. */
    public static Optional<Lang> fromTag(String tag) {
        String t = tag == null ? "" : tag.strip().toLowerCase(java.util.Locale.ROOT);
        for (Lang l : values()) {
            if (t.startsWith(l.code)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /**
     * The text in the asker's language, else in English, else in whichever language there is; null when
     * there is none. Everything shown in several languages (messages, captions, titles) falls back this way.
     */
    public static String pick(Map<Lang, String> texts, Lang lang) {
        String text = texts.get(lang);
        if (text == null) {
            text = texts.get(EN);
        }
        return text != null || texts.isEmpty() ? text : texts.values().iterator().next();
    }

    public static Optional<Lang> fromCode(String code) {
        for (Lang l : values()) {
            if (l.code.equalsIgnoreCase(code)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
