package qantar.corpus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** One passage of a source file: its fields, and each rule a passage keeps as a method of its own. */
final class PassageReader {
    private static final Set<String> FIELDS =
            Set.of("id", "side", "speaker", "topics", "text", "original", "quote", "said", "caution", "asks", "same_as");
    private static final Pattern HRW_NAMED = Pattern.compile("(?i)human rights watch|\\bHRW\\b");

    private final IdRegistry ids;
    private final Set<String> topicIds;
    private final SameAsRefs sameAs;

    PassageReader(IdRegistry ids, Set<String> topicIds, SameAsRefs sameAs) {
        this.ids = ids;
        this.topicIds = topicIds;
        this.sameAs = sameAs;
    }

    /** The passage, or null when a field it cannot be without is missing; every problem goes to {@code y}. */
    Passage read(YamlNodes y, Node node, Source source) {
        Map<String, Node> f = y.mapping(node, "a passage", FIELDS);
        if (f == null) {
            return null;
        }
        String id = y.text(f, "id", node, true);
        if (id != null) {
            ids.claimPassage(y, f.get("id"), id);
        }
        Side side = y.side(f, node, "");
        Map<Lang, String> speakers = speakers(y, f, node);
        String speaker = speakers.get(Lang.EN);
        List<String> topics = topics(y, f, node);
        Map<Lang, String> texts = texts(y, f, node);
        Lang original = original(y, f, node, id, texts, source);
        boolean quote = y.bool(f, "quote");
        if (quote) {
            checkQuote(y, f, node, original, texts);
        }
        String said = y.date(f, "said", node, false);
        Map<Lang, String> caution = f.containsKey("caution") ? y.langMap(f.get("caution"), "caution") : Map.of();
        warnMissingRussianOrEnglish(y, f, id, texts);
        Map<Lang, List<String>> asks = asks(y, f, node, texts);
        String cluster = sameAs(y, f, node, id);
        if (id == null || side == null || speaker == null || texts.isEmpty()) {
            return null;
        }
        warnHrwUnderAnotherSide(y, f, side, speaker);
        return new Passage(id, source.id(), side, speaker, topics, texts, original, quote, said, caution, asks, cluster, speakers);
    }

    /**
     * The speaker in ru, kk and en: a map of the three, each required, so every answer names the
     * speaker in its own language.
     */
    private static Map<Lang, String> speakers(YamlNodes y, Map<String, Node> f, Node node) {
        Node n = f.get("speaker");
        if (n == null) {
            y.error(node, "missing speaker");
            return Map.of();
        }
        if (n instanceof ScalarNode) {
            y.error(n, "speaker needs its ru, kk and en forms: speaker: {en: ..., ru: ..., kk: ...}");
            String v = y.text(f, "speaker", node, true);
            return v == null ? Map.of() : Map.of(Lang.EN, v);
        }
        Map<Lang, String> forms = y.langMap(n, "speaker");
        for (Lang l : Lang.values()) {
            if (!forms.isEmpty() && !forms.containsKey(l)) {
                y.error(n, "speaker has no " + l.code() + " form");
            }
        }
        return forms;
    }

    /** At least one topic, each of topics.yaml. */
    private List<String> topics(YamlNodes y, Map<String, Node> f, Node node) {
        List<String> topics = y.textList(f, "topics", node);
        for (String topic : topics) {
            if (!topicIds.contains(topic)) {
                y.error(f.get("topics"), "unknown topic '" + topic + "' (see topics.yaml)");
            }
        }
        if (f.containsKey("topics") && topics.isEmpty()) {
            y.error(f.get("topics"), "a passage needs at least one topic");
        }
        return topics;
    }

    /** The text in at least one language. */
    private static Map<Lang, String> texts(YamlNodes y, Map<String, Node> f, Node node) {
        Map<Lang, String> texts = f.containsKey("text") ? y.langMap(f.get("text"), "text") : new LinkedHashMap<>();
        if (!f.containsKey("text")) {
            y.error(node, "missing text");
        } else if (texts.isEmpty()) {
            y.error(f.get("text"), "empty text");
        }
        return texts;
    }

    /**
     * The language the passage was said in: one it has a text in, and the source's. A text in the
     * source's language without it is a warning, as it will be shown as a translation.
     */
    private static Lang original(YamlNodes y, Map<String, Node> f, Node node, String id, Map<Lang, String> texts, Source source) {
        String code = y.text(f, "original", node, false);
        if (code == null) {
            if (source.language() != null && Lang.fromCode(source.language()).isPresent()
                    && texts.containsKey(Lang.fromCode(source.language()).get())) {
                y.warning(node, "passage " + id + " has a " + source.language()
                        + " text but no 'original': it will be shown as a translation");
            }
            return null;
        }
        Lang original = Lang.fromCode(code).orElse(null);
        if (original == null) {
            y.error(f.get("original"), "unknown language '" + code + "' for original (use ru, en or kk)");
        } else if (!texts.containsKey(original)) {
            y.error(f.get("original"), "original is '" + code + "' but there is no text in that language");
        } else if (source.language() != null && !code.equals(source.language())) {
            y.error(f.get("original"), "original is '" + code + "' but the source is in '" + source.language() + "'");
        }
        return original;
    }

    /** A quote is the speaker's own words: in the original language, and short. */
    private static void checkQuote(YamlNodes y, Map<String, Node> f, Node node, Lang original, Map<Lang, String> texts) {
        if (original == null) {
            y.error(f.getOrDefault("quote", node), "a quote needs its original-language text ('original')");
        } else if (texts.containsKey(original)) {
            int words = CorpusReader.words(texts.get(original));
            if (words > CorpusReader.MAX_QUOTE_WORDS) {
                y.error(f.get("text"), "quote of " + words + " words; at most " + CorpusReader.MAX_QUOTE_WORDS + " are allowed");
            }
        }
    }

    /** Answers are given in Russian and English above all: a passage without either is valid, but flagged. */
    private static void warnMissingRussianOrEnglish(YamlNodes y, Map<String, Node> f, String id, Map<Lang, String> texts) {
        for (Lang l : List.of(Lang.RU, Lang.EN)) {
            if (!texts.isEmpty() && !texts.containsKey(l)) {
                y.warning(f.get("text"), "passage " + id + " has no " + l.code() + " text");
            }
        }
    }

    /** Every language the passage has a text in needs its questions: a passage is found by what it answers. */
    private static Map<Lang, List<String>> asks(YamlNodes y, Map<String, Node> f, Node node, Map<Lang, String> texts) {
        int min = CorpusReader.MIN_ASKS;
        int max = CorpusReader.MAX_ASKS;
        if (!f.containsKey("asks")) {
            y.error(node, "missing asks (" + min + " to " + max + " questions the passage answers, per language of its text)");
            return Map.of();
        }
        Map<Lang, List<String>> asks = y.langLists(f.get("asks"), "asks");
        for (Lang l : texts.keySet()) {
            int n = asks.getOrDefault(l, List.of()).size();
            if (n < min || n > max) {
                y.error(f.get("asks"), "asks in " + l.code() + ": " + n + " questions; " + min + " to " + max + " are needed");
            }
        }
        asks.forEach((l, qs) -> qs.stream().filter(q -> q.length() > CorpusReader.MAX_ASK_CHARS).findFirst().ifPresent(q ->
                y.error(f.get("asks"), "an ask in " + l.code() + " is longer than " + CorpusReader.MAX_ASK_CHARS + " characters")));
        return asks;
    }

    /** The first passage of the fact cluster this one belongs to (checked once all are read), or null. */
    private String sameAs(YamlNodes y, Map<String, Node> f, Node node, String id) {
        String target = y.text(f, "same_as", node, false);
        if (target != null) {
            if (target.equals(id)) {
                y.error(f.get("same_as"), "same_as names the passage itself");
            } else {
                sameAs.add(id, target, y.file(), YamlNodes.line(f.get("same_as")));
            }
        }
        return target;
    }

    /** The side is who says it: Human Rights Watch named as the speaker of another side is likely a mistake. */
    private static void warnHrwUnderAnotherSide(YamlNodes y, Map<String, Node> f, Side side, String speaker) {
        if (side != Side.HRW && HRW_NAMED.matcher(speaker).find() && !speaker.toLowerCase(Locale.ROOT).contains("cited by")) {
            y.warning(f.get("speaker"), "speaker '" + speaker + "' names Human Rights Watch under side " + side.id()
                    + ": check the side of who says it (knowledge/README.md)");
        }
    }
}
