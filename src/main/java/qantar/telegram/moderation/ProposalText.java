package qantar.telegram.moderation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-message forms experienced moderators type:
 * <pre>
 * /propose SOURCE_ID SIDE LANG        /edit PASSAGE_ID [LANG]
 * speaker: ...   (optional lines)     speaker: / topics: / quote: / said: / reason: (optional)
 * topics: a, b                        the new text (optional when only fields change)
 * asks: q1 | q2   (questions the text answers, in LANG; asks.ru: / asks.kk: / asks.en: for others)
 * same_as: PASSAGE_ID   (the first passage of the fact cluster)
 * speaker.ru: / speaker.kk: / speaker.en:   (the speaker in one language; speaker: sets all three)
 * the passage text, any number of lines
 * </pre>
 * Field lines are read only at the top of the body, so a text line that happens to contain a
 * colon further down stays text; {@code badField} is a field line for a language we do not have
 * ("asks.de:"), null when there is none.
 */
record ProposalText(String head, Map<String, String> fields, String text, String badField) {
    private static final Pattern FIELD = Pattern.compile(
            "(?i)\\s*(speaker(?:[._](?:ru|kk|en))?|topics|quote|said|reason|same_as|asks(?:[._](?:ru|kk|en))?)\\s*:\\s*(.*)");
    /** "asks.de:" and the like: a field line in no language we have, an error rather than the start of the text. */
    private static final Pattern OTHER_LANG = Pattern.compile("(?i)\\s*((asks|speaker)[._][\\p{L}\\d]+)\\s*:.*");

    /** Splits a command's arguments into the first line, leading field lines and the text. */
    static ProposalText parse(String args) {
        String all = args == null ? "" : args.replace("\r\n", "\n").strip();
        int nl = all.indexOf('\n');
        String head = (nl < 0 ? all : all.substring(0, nl)).strip();
        String[] body = nl < 0 ? new String[0] : all.substring(nl + 1).split("\n", -1);
        Map<String, String> fields = new LinkedHashMap<>();
        String badField = null;
        int i = 0;
        for (; i < body.length; i++) {
            Matcher m = FIELD.matcher(body[i]);
            if (body[i].isBlank() && fields.isEmpty()) {
                continue;
            }
            if (!m.matches()) {
                Matcher other = OTHER_LANG.matcher(body[i]);
                badField = other.matches() ? other.group(1) : null;
                break;
            }
            // "asks_ru" and "asks.ru" are one field; "same_as" keeps its underscore
            fields.put(m.group(1).toLowerCase(Locale.ROOT).replaceFirst("^(asks|speaker)_", "$1."), m.group(2).strip());
        }
        StringBuilder text = new StringBuilder();
        for (; i < body.length; i++) {
            text.append(body[i]).append('\n');
        }
        return new ProposalText(head, fields, text.toString().strip().replaceAll("\n{3,}", "\n\n"), badField);
    }

    String[] headWords() {
        return head.isEmpty() ? new String[0] : head.split("\\s+");
    }

    java.util.List<String> topics() {
        String t = fields.get("topics");
        if (t == null) {
            return null;
        }
        return java.util.Arrays.stream(t.replaceAll("[\\[\\]]", "").split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    /**
     * The asks lines: "asks:" in {@code lang}, "asks.ru:" and the like in theirs; questions separated
     * by "|". Null when there are none.
     */
    java.util.Map<qantar.corpus.Lang, java.util.List<String>> asks(qantar.corpus.Lang lang) {
        java.util.Map<qantar.corpus.Lang, java.util.List<String>> out = new java.util.EnumMap<>(qantar.corpus.Lang.class);
        fields.forEach((k, v) -> {
            qantar.corpus.Lang l = k.equals("asks") ? lang
                    : k.startsWith("asks.") ? qantar.corpus.Lang.fromCode(k.substring(5)).orElse(null) : null;
            if (l != null) {
                out.put(l, java.util.Arrays.stream(v.split("\\|")).map(String::strip).filter(q -> !q.isEmpty()).toList());
            }
        });
        return out.isEmpty() ? null : out;
    }

    /**
     * The speaker in ru, kk and en: "speaker.ru:" and the like where given, else "speaker:", else
     * {@code fallback} (a passage's old forms, or the source's publisher); null when no line names one.
     */
    java.util.Map<qantar.corpus.Lang, String> speakers(java.util.Map<qantar.corpus.Lang, String> fallback) {
        if (fields.keySet().stream().noneMatch(k -> k.startsWith("speaker"))) {
            return null;
        }
        java.util.Map<qantar.corpus.Lang, String> out = new java.util.EnumMap<>(qantar.corpus.Lang.class);
        for (qantar.corpus.Lang l : qantar.corpus.Lang.values()) {
            String v = fields.getOrDefault("speaker." + l.code(), fields.getOrDefault("speaker", fallback.get(l)));
            if (v != null && !v.isBlank()) {
                out.put(l, v);
            }
        }
        return out;
    }

    /** quote: yes/true/no/false; null when absent or unreadable (reported by the caller). */
    Boolean quote() {
        String q = fields.get("quote");
        if (q == null) {
            return null;
        }
        return switch (q.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "да", "иә" -> Boolean.TRUE;
            case "false", "no", "нет", "жоқ" -> Boolean.FALSE;
            default -> null;
        };
    }
}
