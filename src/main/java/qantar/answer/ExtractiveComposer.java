package qantar.answer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import qantar.corpus.Lang;
import qantar.corpus.Passage;
import qantar.corpus.Side;
import qantar.corpus.Source;
import qantar.search.RetrievalSettings;
import qantar.search.Retriever.Hit;
import qantar.search.Retriever.Retrieval;

/**
 * Builds answers from passages as they are, with no model: per side the one to three most relevant
 * passages, in the asker's language where a translation exists.
 */
public final class ExtractiveComposer {
    /** Word overlap above which two statements of a side say the same thing. */
    private static final double SAME_STATEMENT = 0.7;

    /** The passages stating the same fact as a passage (its fact cluster), the passage first. */
    private final java.util.function.Function<Passage, List<Passage>> cluster;
    /** How much coverage is relevant and how many statements a side shows (swept by {@code eval --set}). */
    private final java.util.function.Supplier<RetrievalSettings> settings;

    /** The passages the timeline cites, which an overview shows first. */
    private final java.util.function.Supplier<Set<String>> timeline;
    /** Each side's account and the timeline's items, where an overview finds the key items the question's words did not. */
    private final java.util.function.Supplier<List<Passage>> keyPassages;

    public ExtractiveComposer(java.util.function.Function<Passage, List<Passage>> cluster,
                              java.util.function.Supplier<RetrievalSettings> settings) {
        this(cluster, settings, Set::of, List::of);
    }

    public ExtractiveComposer(java.util.function.Function<Passage, List<Passage>> cluster,
                              java.util.function.Supplier<RetrievalSettings> settings,
                              java.util.function.Supplier<Set<String>> timeline,
                              java.util.function.Supplier<List<Passage>> keyPassages) {
        this.cluster = cluster;
        this.settings = settings;
        this.timeline = timeline;
        this.keyPassages = keyPassages;
    }

    /**
     * The statements chosen from the hits, in side order then relevance. A fact cluster is shown
     * once, by its best hit, with its other passages as {@code also}, so a side's few slots carry
     * distinct facts.
     */
    public List<Statement> statements(Retrieval retrieval, Lang lang, Set<Side> sides) {
        // An overview ("what happened?") gives each side's few key items, not all it holds.
        // A side's passages must be on the question's subject, told by the topics of the best
        // candidates; an overview is about the whole events, so any topic is.
        RetrievalSettings set = settings.get();
        if (retrieval.overview()) {
            return statements(KeyItems.first(retrieval, timeline.get(), keyPassages.get()), lang, sides, set.overviewPerSide(), SubjectTopics.ANY, false, set);
        }
        SubjectTopics subject = SubjectTopics.of(retrieval.hits(), set.topicHits(), set.questionTopics());
        // The answers-this model scores only candidates found with vectors too (see Ranking).
        return statements(retrieval.hits(), lang, sides, set.perSide(), subject, set.answersThis().on() && retrieval.vectorText() != null, set);
    }

    /** The least coverage of the question for a passage to be shown at all (the live setting). */
    public double relevant() {
        return settings.get().relevant();
    }

    /** The statements chosen from the hits, at most {@code perSide} a side. */
    public List<Statement> statements(List<Hit> hits, Lang lang, Set<Side> sides, int perSide) {
        return statements(hits, lang, sides, perSide, SubjectTopics.ANY, false, settings.get());
    }

    /** {@code model}: the answers-this probability (the hits' score) alone decides what is shown. */
    private List<Statement> statements(List<Hit> hits, Lang lang, Set<Side> sides, int perSide, SubjectTopics subject,
                                       boolean model, RetrievalSettings set) {
        Map<Side, List<Hit>> bySide = new EnumMap<>(Side.class);
        for (Hit h : hits) {
            boolean shows = model ? h.score() >= set.answersThis().threshold()
                    : h.coverage() >= set.relevant() && subject.holds(h.passage()) && asksBackLowCoverage(h, set);
            if (shows && (sides.isEmpty() || sides.contains(h.passage().side()))) {
                bySide.computeIfAbsent(h.passage().side(), s -> new ArrayList<>()).add(h);
            }
        }
        List<Statement> out = new ArrayList<>();
        for (var e : bySide.entrySet()) {
            List<Hit> side = e.getValue();
            double best = side.stream().mapToDouble(Hit::coverage).max().orElse(0);
            List<Set<String>> shown = new ArrayList<>();
            Set<String> clustersShown = new HashSet<>();
            int taken = 0;
            for (Hit h : side) {
                if (taken == perSide) {
                    break;
                }
                if (model ? taken > 0 && h.score() < set.answersThis().further() : h.coverage() < best - set.sideSpread()) {
                    continue;
                }
                if (!clustersShown.add(h.passage().clusterId())) {
                    continue;
                }
                Statement s = statement(h.passage(), lang);
                Set<String> words = words(s.text());
                if (shown.stream().anyMatch(w -> qantar.corpus.LikelyDuplicates.overlap(w, words) > SAME_STATEMENT)) {
                    continue;
                }
                shown.add(words);
                List<Statement.Also> also = cluster.apply(h.passage()).stream().skip(1)
                        .map(p -> new Statement.Also(p.id(), p.sourceId())).toList();
                s = also.isEmpty() ? s : s.withAlso(also);
                // A side's first passage below the bar for its further ones is likely not an answer.
                out.add(model && h.score() < set.answersThis().further() ? s.asNearest() : s);
                taken++;
            }
        }
        return out;
    }

    /**
     * A passage covering the question only in part is shown when one of its own asks is on the
     * question's subject: a passage found by a shared word in its text alone is likely filler.
     */
    private static boolean asksBackLowCoverage(Hit h, RetrievalSettings set) {
        return h.coverage() >= set.askGate() || h.asked() > 0;
    }

    /** The passage in the asker's language if we have it, otherwise the nearest language we have. */
    static Statement statement(Passage p, Lang lang) {
        Lang shown = p.texts().containsKey(lang) ? lang : fallback(lang).stream().filter(p.texts()::containsKey).findFirst().orElseThrow();
        return new Statement(p.side(), p.speaker(lang), p.texts().get(shown), p.id(), p.sourceId(), p.quote(),
                p.isTranslation(shown), shown, p.caution(shown));
    }

    private static List<Lang> fallback(Lang lang) {
        return switch (lang) {
            case KK -> List.of(Lang.RU, Lang.EN, Lang.KK);
            case RU -> List.of(Lang.EN, Lang.KK, Lang.RU);
            case EN -> List.of(Lang.RU, Lang.KK, Lang.EN);
        };
    }

    /** The main sides that have nothing among the statements (only those asked for, when filtered). */
    public static List<Side> missing(List<Statement> statements, Set<Side> sides) {
        Set<Side> shown = new HashSet<>();
        statements.forEach(s -> shown.add(s.side()));
        return Side.MAIN.stream().filter(s -> !shown.contains(s) && (sides.isEmpty() || sides.contains(s))).toList();
    }

    /**
     * Each cited source once, in the order statements cite them. A summary sentence may cite several
     * retrieved passages: every one of their sources is listed.
     */
    public static List<SourceRef> sources(List<Statement> statements, List<Hit> retrieved, Map<String, Source> sourcesById) {
        Map<String, String> sourceOf = new HashMap<>();
        retrieved.forEach(h -> sourceOf.put(h.passage().id(), h.passage().sourceId()));
        Map<String, SourceRef> out = new LinkedHashMap<>();
        for (Statement s : statements) {
            List<String> sourceIds = new ArrayList<>(List.of(s.sourceId()));
            s.cites().stream().map(sourceOf::get).filter(java.util.Objects::nonNull).forEach(sourceIds::add);
            s.also().forEach(a -> sourceIds.add(a.sourceId()));
            for (String id : sourceIds) {
                Source src = sourcesById.get(id);
                if (src != null && !out.containsKey(src.id())) {
                    // A source's side is its publisher's, recorded with the source; older records lack it.
                    Side kind = src.side() != null ? src.side() : s.side();
                    out.put(src.id(), new SourceRef(src.id(), kind, src.title(), src.publisher(), src.date(), src.url(), src.mirrorOf()));
                }
            }
        }
        return List.copyOf(out.values());
    }

    private static Set<String> words(String text) {
        return new HashSet<>(Arrays.asList(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
    }

}
