package qantar.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import qantar.corpus.Corpus;
import qantar.corpus.Passage;

/** What retrieval needs of the live corpus, made once per corpus revision. */
record RetrievalState(QueryPlanner planner, Vocabulary vocabulary, Map<String, Passage> passages, Set<String> withFigures,
                      Map<String, List<Passage>> clusters, AskMatch asks, Set<String> inTimeline) {
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    /** The state of {@code corpus}; what is unchanged since {@code before} (null on a first build) is taken over. */
    static RetrievalState of(Corpus corpus, Frames frames, RetrievalState before) {
        Set<String> withFigures = new HashSet<>();
        for (Passage p : corpus.passages()) {
            // a passage that is the very same object as before (unchanged by a reload) keeps its answer
            boolean same = before != null && before.passages().get(p.id()) == p;
            if (same ? before.withFigures().contains(p.id()) : givesFigure(p)) {
                withFigures.add(p.id());
            }
        }
        Map<String, List<Passage>> clusters = new HashMap<>();
        corpus.passages().forEach(p -> clusters.computeIfAbsent(p.clusterId(), k -> new ArrayList<>()).add(p));
        // After an approval most passages are unchanged: their analysed asks are taken over.
        AskMatch asks = before == null ? new AskMatch(corpus.passages()) : new AskMatch(corpus.passages(), before.asks(), before.passages());
        Vocabulary vocabulary = before == null ? Vocabulary.of(corpus.passages()) : before.vocabulary().after(corpus.passages(), before.passages());
        return new RetrievalState(new QueryPlanner(corpus.glossary(), frames, vocabulary.words()), vocabulary, corpus.passagesById(), withFigures, clusters,
                asks,
                corpus.timeline().stream().flatMap(t -> t.passageIds().stream()).collect(Collectors.toSet()));
    }

    /**
     * Whether a passage gives a figure: a number of 10 or more that is not a year, in any of its
     * texts (a translation may spell out what the original gives in digits: «более тысячи» for 1,000).
     */
    static boolean givesFigure(Passage p) {
        return p.texts().values().stream().anyMatch(RetrievalState::givesFigure);
    }

    private static boolean givesFigure(String text) {
        Matcher m = NUMBER.matcher(Analyzers.joinDigitGroups(text));
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
