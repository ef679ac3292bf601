package qantar.moderation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import qantar.corpus.Lang;
import qantar.corpus.Side;

/** Typed drafts as the front ends hand them over, for the services' tests. */
final class Drafts {
    private Drafts() {
    }

    /** A new passage with one text, in its source's own language; speakers and topics left to the defaults. */
    static PassageDraft original(String source, Side side, Lang lang, String text) {
        return new PassageDraft(source, side, lang, Map.of(lang, text), null, null, Map.of(), false, null, null, Map.of());
    }

    /** A new passage with one text translated from its source's language. */
    static PassageDraft translation(String source, Side side, Lang lang, String text) {
        return new PassageDraft(source, side, null, Map.of(lang, text), null, null, Map.of(), false, null, null, Map.of());
    }

    /** A live passage as it is now, to change. */
    static PassageDraft edited(Moderation mod, String passageId) {
        return PassageDraft.of(mod.proposing().current(passageId).orElseThrow().passage());
    }

    /** The draft with its text in one language replaced. */
    static PassageDraft text(PassageDraft d, Lang lang, String text) {
        Map<Lang, String> texts = new EnumMap<>(d.texts());
        texts.put(lang, text);
        return d.withTexts(texts);
    }

    /** One speaker in every language. */
    static Map<Lang, String> speaker(String name) {
        Map<Lang, String> out = new EnumMap<>(Lang.class);
        List.of(Lang.values()).forEach(l -> out.put(l, name));
        return out;
    }
}
