package qantar.telegram.moderation;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import qantar.corpus.Lang;
import qantar.corpus.Passage;
import qantar.corpus.Side;
import qantar.corpus.Source;
import qantar.moderation.PassageDraft;
import qantar.store.CorpusStore;

/**
 * /propose and /edit read into the typed drafts the moderation services take (the console makes
 * the same drafts from its forms). A message that cannot be read gives the key of the text that
 * says what is wrong with it, never a guess.
 */
final class ChatDrafts {
    /** A command read into {@code value}, or the message key and values saying why it could not be. */
    record Parsed<T>(T value, String error, Object[] args) {
        static <T> Parsed<T> of(T value) {
            return new Parsed<>(value, null, new Object[0]);
        }

        static <T> Parsed<T> error(String key, Object... args) {
            return new Parsed<>(null, key, args);
        }

        boolean ok() {
            return error == null;
        }
    }

    record NewPassage(PassageDraft draft, String reason) {
    }

    /** {@code baseDigest}: the version the edit was read against. */
    record Edit(String passageId, PassageDraft draft, String baseDigest, String reason) {
    }

    private ChatDrafts() {
    }

    /**
     * "SOURCE_ID SIDE LANG", field lines, the text. The text in the source's own language is its
     * original; speakers and topics not given are left to the service's defaults.
     */
    static Parsed<NewPassage> propose(String args, Function<String, Optional<Source>> sources) {
        ProposalText t = ProposalText.parse(args);
        String[] head = t.headWords();
        if (head.length != 3) {
            return Parsed.error("mod.propose_usage");
        }
        Optional<Side> side = Side.fromId(head[1].toLowerCase(Locale.ROOT));
        if (side.isEmpty()) {
            return Parsed.error("mod.bad_side", "side", head[1], "sides", Side.allIds());
        }
        Optional<Lang> lang = Lang.fromCode(head[2]);
        if (lang.isEmpty()) {
            return Parsed.error("mod.bad_lang", "lang", head[2]);
        }
        Parsed<Void> fields = fieldsReadable(t);
        if (!fields.ok()) {
            return Parsed.error(fields.error(), fields.args());
        }
        if (t.text().isEmpty()) {
            return Parsed.error("mod.no_text");
        }
        String sourceId = head[0].toLowerCase(Locale.ROOT);
        Optional<Source> source = sources.apply(sourceId);
        Map<Lang, String> publisher = new EnumMap<>(Lang.class);
        source.ifPresent(s -> List.of(Lang.values()).forEach(l -> publisher.put(l, s.publisher())));
        Lang original = source.filter(s -> lang.get().code().equals(s.language())).map(s -> lang.get()).orElse(null);
        Map<Lang, List<String>> asks = t.asks(lang.get());
        PassageDraft draft = new PassageDraft(sourceId, side.get(), original, Map.of(lang.get(), t.text()), t.speakers(publisher),
                t.topics(), asks == null ? Map.of() : asks, Boolean.TRUE.equals(t.quote()), t.fields().get("said"),
                t.fields().get("same_as"), Map.of());
        return Parsed.of(new NewPassage(draft, t.fields().get("reason")));
    }

    /**
     * "PASSAGE_ID [LANG]", field lines, the new text in LANG (by default the passage's original
     * language, else its first text), read against the passage as it is now: what a line does not
     * name stays as it was; "same_as: -" leaves the fact cluster.
     */
    static Parsed<Edit> edit(String args, Function<String, Optional<CorpusStore.Stored>> passages) {
        ProposalText t = ProposalText.parse(args);
        String[] head = t.headWords();
        if (head.length < 1 || head.length > 2) {
            return Parsed.error("mod.edit_usage");
        }
        Optional<CorpusStore.Stored> stored = passages.apply(head[0]);
        if (stored.isEmpty()) {
            return Parsed.error("mod.no_passage", "passage", head[0]);
        }
        Passage old = stored.get().passage();
        Lang lang = old.original() != null ? old.original() : old.texts().keySet().stream().sorted().findFirst().orElse(Lang.RU);
        if (head.length == 2) {
            Optional<Lang> l = Lang.fromCode(head[1]);
            if (l.isEmpty()) {
                return Parsed.error("mod.bad_lang", "lang", head[1]);
            }
            lang = l.get();
        }
        Parsed<Void> fields = fieldsReadable(t);
        if (!fields.ok()) {
            return Parsed.error(fields.error(), fields.args());
        }
        PassageDraft draft = PassageDraft.of(old);
        if (!t.text().isEmpty()) {
            Map<Lang, String> texts = new EnumMap<>(draft.texts());
            texts.put(lang, t.text());
            draft = draft.withTexts(texts);
        }
        Map<Lang, List<String>> newAsks = t.asks(lang);
        if (newAsks != null) {
            Map<Lang, List<String>> asks = new EnumMap<>(draft.asks());
            asks.putAll(newAsks);
            draft = draft.withAsks(asks);
        }
        Map<Lang, String> speakers = t.speakers(draft.speakers());
        draft = draft.withSpeakers(speakers != null ? speakers : draft.speakers())
                .withTopics(t.topics() != null ? t.topics() : draft.topics())
                .withQuote(t.quote() != null ? t.quote() : draft.quote())
                .withSaid(t.fields().getOrDefault("said", draft.said()));
        String sameAs = t.fields().getOrDefault("same_as", draft.sameAs() == null ? "" : draft.sameAs());
        draft = draft.withSameAs(sameAs.isBlank() || sameAs.equals("-") ? null : sameAs);
        return Parsed.of(new Edit(old.id(), draft, stored.get().digest(), t.fields().get("reason")));
    }

    /** The field lines' own errors: a language we do not have, a quote: that is neither yes nor no. */
    private static Parsed<Void> fieldsReadable(ProposalText t) {
        if (t.badField() != null) {
            return Parsed.error("mod.bad_field", "field", t.badField(), "name", t.badField().replaceFirst("[._].*", "").toLowerCase(Locale.ROOT));
        }
        if (t.fields().containsKey("quote") && t.quote() == null) {
            return Parsed.error("mod.bad_quote");
        }
        return Parsed.of(null);
    }
}
