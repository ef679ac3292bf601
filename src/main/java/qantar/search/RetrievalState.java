package qantar.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import qantar.corpus.Corpus;
import qantar.corpus.Months;
import qantar.corpus.Passage;

/** What retrieval needs of the live corpus, made once per corpus revision. */
record RetrievalState(QueryPlanner planner, Vocabulary vocabulary, Map<String, Passage> passages, Set<String> withFigures,
                      Map<String, Set<String>> textPreferred, Map<String, List<Passage>> clusters, AskMatch asks, Set<String> inTimeline) {
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    // A day of a month («5 января», «5–7 января», "January 17", «5 қаңтарда») or a time of day ("9:00"): a date, not a count.
    private static final Pattern DAY_MONTH = Pattern.compile("(?U)\\b\\d{1,2}(?:[–-]\\d{1,2})?\\s+(\\p{L}+)");
    private static final Pattern MONTH_DAY = Pattern.compile("(?U)\\b(\\p{L}+)\\s+\\d{1,2}\\b");
    private static final Pattern TIME = Pattern.compile("\\b\\d{1,2}:\\d{2}\\b");

    /** The state of {@code corpus}; what is unchanged since {@code before} (null on a first build) is taken over. */
    static RetrievalState of(Corpus corpus, Frames frames, RetrievalState before) {
        Set<String> withFigures = new HashSet<>();
        // per frame with a text preference, the passages whose text it prefers: read once, not per question
        List<Frame> byText = frames.all().stream().filter(f -> f.textPattern() != null).toList();
        Map<String, Set<String>> textPreferred = new HashMap<>();
        byText.forEach(f -> textPreferred.put(f.id(), new HashSet<>()));
        for (Passage p : corpus.passages()) {
            // a passage that is the very same object as before (unchanged by a reload) keeps its answers
            boolean same = before != null && before.passages().get(p.id()) == p;
            if (same ? before.withFigures().contains(p.id()) : givesFigure(p)) {
                withFigures.add(p.id());
            }
            for (Frame f : byText) {
                if (same ? before.textPreferred().get(f.id()).contains(p.id())
                        : p.texts().values().stream().anyMatch(t -> f.textPattern().matcher(t).find())) {
                    textPreferred.get(f.id()).add(p.id());
                }
            }
        }
        Map<String, List<Passage>> clusters = new HashMap<>();
        corpus.passages().forEach(p -> clusters.computeIfAbsent(p.clusterId(), k -> new ArrayList<>()).add(p));
        // After an approval most passages are unchanged: their analysed asks and words are taken over.
        AskMatch asks;
        Vocabulary vocabulary;
        if (before == null) {
            asks = new AskMatch(corpus.passages());
            vocabulary = Vocabulary.of(corpus.passages());
        } else {
            List<Passage> gone = gone(corpus.passages(), before.passages());
            asks = new AskMatch(corpus.passages(), before.asks(), before.passages(), gone);
            vocabulary = before.vocabulary().after(corpus.passages(), before.passages(), gone);
        }
        return new RetrievalState(new QueryPlanner(corpus.glossary(), frames, vocabulary.words()), vocabulary, corpus.passagesById(), withFigures, textPreferred,
                clusters, asks, corpus.timelinePassageIds());
    }

    /** The passages of {@code before} that {@code passages} no longer has. */
    private static List<Passage> gone(List<Passage> passages, Map<String, Passage> before) {
        long kept = passages.stream().filter(p -> before.containsKey(p.id())).count();
        if (kept == before.size()) {
            return List.of();
        }
        Set<String> live = new HashSet<>();
        passages.forEach(p -> live.add(p.id()));
        return before.values().stream().filter(p -> !live.contains(p.id())).toList();
    }

    /**
     * Whether a passage gives a figure: a number of 10 or more that is not a year or a date, in any of its
     * texts (a translation may spell out what the original gives in digits: «более тысячи» for 1,000).
     */
    static boolean givesFigure(Passage p) {
        return p.texts().values().stream().anyMatch(RetrievalState::givesFigure);
    }

    private static String withoutDates(String text) {
        // «17 января» first: the other way round, «погибли 17» would take the 17 of «погибли 17 января»
        String s = withoutMonthDays(DAY_MONTH, text);
        s = withoutMonthDays(MONTH_DAY, s);
        return TIME.matcher(s).replaceAll(" ");
    }

    /** {@code text} with the matches of {@code p} whose first group names a month blanked out. */
    private static String withoutMonthDays(Pattern p, String text) {
        return p.matcher(text).replaceAll(m -> Months.of(m.group(1)) != 0 ? " " : Matcher.quoteReplacement(m.group()));
    }

    private static boolean givesFigure(String text) {
        Matcher m = NUMBER.matcher(withoutDates(Analyzers.joinDigitGroups(text)));
        while (m.find()) {
            String digits = m.group();
            boolean year = digits.length() == 4 && (digits.startsWith("19") || digits.startsWith("20"));
            if (!year && (digits.length() > 2 || Integer.parseInt(digits) >= 10)) {
                return true;
            }
        }
        return false;
    }
}
