package qantar.cli;

import static qantar.cli.BenchNumbers.heapUsedMb;
import static qantar.cli.BenchNumbers.ms;
import static qantar.cli.BenchNumbers.round;
import static qantar.measure.Percentiles.ofUnsorted;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import qantar.answer.Question;
import qantar.app.LiveCorpus;
import qantar.app.Progress;
import qantar.app.Qantar;
import qantar.corpus.Corpus;
import qantar.corpus.CorpusReader;
import qantar.corpus.Lang;
import qantar.corpus.Passage;
import qantar.eval.EvalItem;
import qantar.eval.EvalSet;
import qantar.search.Analyzers;
import qantar.search.Embedder;
import qantar.search.PassageIndex;
import qantar.store.CorpusStore;
import qantar.store.Database;
import qantar.store.Folders;

/**
 * {@code bench --scale N}: the shipped corpus scaled to N passages ({@link ScaledCorpus}), imported
 * and indexed through the program's own paths, then timed where scale hurts. Every latency is also
 * given as a ratio to a baseline of the same questions in the same run: a plain BM25 search of the
 * question on its language's field plus the embedding of the question, the two costs an answer
 * cannot avoid.
 */
record ScaleBench(Path knowledge, Path config, int size, int rounds, boolean answersOnly) {
    /** Approvals whose reindex questions are asked during, for a steadier ratio. */
    private static final int APPROVALS = 20;

    Map<String, Object> run(Path data) throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        Corpus scaled = ScaledCorpus.of(CorpusReader.read(knowledge).orThrow(), size);
        List<EvalItem> questions = EvalSet.read(knowledge.resolve("eval/dev.yaml"));
        report.put("passages", scaled.passages().size());
        report.put("questions", questions.size());
        report.put("rounds", rounds);
        long t = System.nanoTime();
        try (Database db = Database.open(data)) {
            new CorpusStore(db).importCorpus(scaled, "bench --scale", null);
        }
        report.put("import_ms", round(ms(t)));

        var model = Embedder.fromSetting(qantar.config.Locations.setting("QANTAR_VECTORS"));
        long embeddedBefore = model.map(Embedder::embedded).orElse(0L);
        t = System.nanoTime();
        Qantar app = Qantar.open(data, null, config, Progress.NONE);
        try {
            double firstIndexMs = ms(t);
            report.put("first_index_ms", round(firstIndexMs));
            // zero on a kept data dir: its texts were embedded and stored by the run that made it
            long embedded = model.map(Embedder::embedded).orElse(0L) - embeddedBefore;
            report.put("first_index_embedded_texts", embedded);
            // what bounds a first index: 100,000 passages in 10 minutes needs about 170 a second
            report.put("first_index_embedded_texts_per_s", round(embedded / (firstIndexMs / 1000)));
            report.put("vectors", app.live().retriever().embedder().isPresent());
            Timings normal = answerTimings(app, questions);
            normal.report(report);
            if (answersOnly) {
                return report;
            }

            // An approval: one passage changed, the index updated while questions go on.
            t = System.nanoTime();
            change(app, 0);
            app.live().reload();
            report.put("update_one_passage_ms", round(ms(t)));
            // Each question asked during the reindex is asked again right after it, as the baseline:
            // the machine's load then is the same as during, but for the reindex.
            double during = 0;
            double after = 0;
            int asked = 0;
            for (int a = 1; a <= APPROVALS; a++) {
                change(app, a);
                AtomicReference<Throwable> failed = new AtomicReference<>();
                LiveCorpus live = app.live();
                Thread reindex = new Thread(() -> {
                    try {
                        live.reload();
                    } catch (Throwable e) {
                        failed.set(e);
                    }
                }, "bench-reindex");
                List<EvalItem> these = new ArrayList<>();
                reindex.start();
                do {
                    EvalItem q = questions.get((asked + these.size()) % questions.size());
                    these.add(q);
                    during += time(app, q);
                } while (reindex.isAlive());
                reindex.join();
                if (failed.get() != null) {
                    throw new IllegalStateException("reindex failed", failed.get());
                }
                for (EvalItem q : these) {
                    after += time(app, q);
                }
                asked += these.size();
            }
            report.put("questions_during_reindex", asked);
            report.put("during_reindex_ms_mean", round(during / asked));
            report.put("after_reindex_ms_mean", round(after / asked));
            report.put("during_reindex_to_normal_ratio", round(during / after));

            // A lost index: rebuilt from the corpus and the stored vectors, nothing embedded again.
            app.close();
            Folders.delete(data.resolve("index"));
            t = System.nanoTime();
            app = Qantar.open(data, null, config, Progress.NONE);
            report.put("index_lost_rebuild_ms", round(ms(t)));

            System.gc();
            System.gc();
            report.put("heap_after_gc_mb", heapUsedMb());
        } finally {
            app.close();
        }
        return report;
    }

    private static double time(Qantar app, EvalItem q) {
        long s = System.nanoTime();
        app.answers().compose(question(q));
        return ms(s);
    }

    /** Changes the English text of one passage, as an approved edit does. */
    private static void change(Qantar app, int n) {
        CorpusStore store = app.corpusStore();
        Passage p = app.live().corpus().passages().get((n * 7919) % app.live().corpus().passages().size());
        CorpusStore.Stored stored = store.passage(p.id()).orElseThrow();
        Map<Lang, String> texts = new java.util.EnumMap<>(Lang.class);
        texts.putAll(p.texts());
        texts.put(Lang.EN, p.texts().getOrDefault(Lang.EN, "") + " (edited " + n + ")");
        Passage edited = new Passage(p.id(), p.sourceId(), p.side(), p.speaker(), p.topics(), texts, p.original(), p.quote(),
                p.said(), p.caution(), p.asks(), p.sameAs(), p.speakers());
        store.updatePassage(edited, stored.digest(), "bench", "bench --scale: one approval");
    }

    /** Per question, over the rounds: the fresh answer, BM25 of the question, and its embedding. */
    private Timings answerTimings(Qantar app, List<EvalItem> questions) throws Exception {
        Embedder embedder = app.live().retriever().embedder().orElse(null);
        PassageIndex index = app.index();
        Map<Lang, QueryParser> parsers = new java.util.EnumMap<>(Lang.class);
        for (Lang l : Lang.values()) {
            parsers.put(l, new QueryParser(PassageIndex.field(l), Analyzers.perField()));
        }
        int warmUp = warmUp(app, questions);
        int n = questions.size();
        double[][] answer = new double[n][rounds];
        double[][] bm25 = new double[n][rounds];
        double[][] embed = new double[n][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < n; i++) {
                EvalItem q = questions.get(i);
                long a = System.nanoTime();
                app.answers().compose(question(q)); // fresh every time: a stored answer would only be reopened
                answer[i][r] = ms(a);
                long b = System.nanoTime();
                Query parsed = parsers.get(lang(q)).parse(QueryParser.escape(q.question()));
                index.search((IndexSearcher s) -> s.search(parsed, 10));
                bm25[i][r] = ms(b);
                if (embedder != null) {
                    long e = System.nanoTime();
                    embedder.embed(q.question());
                    embed[i][r] = ms(e);
                }
            }
        }
        return new Timings(questions, warmUp, answer, bm25, embed);
    }

    /** The most warm-up rounds; the JIT compiler settles within about eight on this corpus. */
    private static final int MOST_WARM_UP = 15;

    /**
     * Rounds of answers, untimed, until the JIT compiler is done with the answer path: until a round
     * spends under a tenth of its time compiling. Timed sooner, the compiler takes the core the
     * question's embedding runs on, and the times are of the compiler rather than of the answers.
     * Returns the rounds it took.
     */
    private static int warmUp(Qantar app, List<EvalItem> questions) {
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        boolean told = jit.isCompilationTimeMonitoringSupported(); // if not, one round as before
        int rounds = 0;
        while (rounds < MOST_WARM_UP) {
            long compiled = told ? jit.getTotalCompilationTime() : 0;
            long t = System.nanoTime();
            for (EvalItem q : questions) {
                app.answers().compose(question(q));
            }
            rounds++;
            if (!told || jit.getTotalCompilationTime() - compiled < ms(t) / 10) {
                break;
            }
        }
        return rounds;
    }

    private static Question question(EvalItem q) {
        return new Question(q.question(), q.lang(), java.util.Set.of());
    }

    private static Lang lang(EvalItem q) {
        return q.lang() != null ? q.lang() : qantar.search.LanguageDetector.detect(q.question());
    }

    private record Timings(List<EvalItem> questions, int warmUp, double[][] answer, double[][] bm25, double[][] embed) {
        /** How many of the slowest questions (by their median over the rounds) the report names. */
        private static final int SLOWEST = 5;

        void report(Map<String, Object> out) {
            double[] a = flat(answer);
            double[] base = new double[a.length];
            double[] b = flat(bm25);
            double[] e = flat(embed);
            for (int i = 0; i < a.length; i++) {
                base[i] = b[i] + e[i];
            }
            out.put("warm_up_rounds", warmUp);
            for (int p : new int[] {50, 95, 99}) {
                out.put("answer_ms_p" + p, round(ofUnsorted(a, p)));
            }
            out.put("bm25_ms_p50", round(ofUnsorted(b, 50)));
            out.put("bm25_ms_p99", round(ofUnsorted(b, 99)));
            out.put("embed_question_ms_p50", round(ofUnsorted(e, 50)));
            out.put("embed_question_ms_p99", round(ofUnsorted(e, 99)));
            out.put("baseline_ms_p50", round(ofUnsorted(base, 50)));
            out.put("baseline_ms_p99", round(ofUnsorted(base, 99)));
            out.put("answer_to_baseline_p50_ratio", round(ofUnsorted(a, 50) / ofUnsorted(base, 50)));
            out.put("answer_to_baseline_p99_ratio", round(ofUnsorted(a, 99) / ofUnsorted(base, 99)));
            out.put("slowest_answers", slowest());
        }

        /** The questions whose answer is slowest at its median over the rounds: where the tail comes from. */
        private List<Map<String, Object>> slowest() {
            return java.util.stream.IntStream.range(0, questions.size()).boxed()
                    .sorted(java.util.Comparator.comparingDouble((Integer i) -> -ofUnsorted(answer[i], 50)))
                    .limit(SLOWEST)
                    .map(i -> Map.<String, Object>of("question", questions.get(i).question(), "median_ms", round(ofUnsorted(answer[i], 50))))
                    .toList();
        }

        private static double[] flat(double[][] v) {
            return Arrays.stream(v).flatMapToDouble(Arrays::stream).toArray();
        }
    }
}
