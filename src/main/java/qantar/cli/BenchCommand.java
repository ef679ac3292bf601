package qantar.cli;

import static qantar.cli.BenchNumbers.heapUsedMb;
import static qantar.cli.BenchNumbers.ms;
import static qantar.cli.BenchNumbers.round;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.queryparser.classic.QueryParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import qantar.app.Progress;
import qantar.app.Qantar;
import qantar.answer.Question;
import qantar.config.Locations;
import qantar.corpus.Passage;
import qantar.json.Json;
import qantar.search.Analyzers;
import qantar.search.PassageIndex;
import qantar.store.Database;
import qantar.store.Dialect;
import qantar.store.Folders;
import qantar.store.VectorStore;

/**
 * The performance report. Timings on a shared machine are noisy, so every figure that matters is
 * also given as a ratio to a baseline measured in the same run: a plain BM25 search of the same
 * question on one field of the same kind of index.
 */
@Command(name = "bench", description = "Measures start-up, answer latency (against a plain BM25 baseline), indexing at scale and memory.")
final class BenchCommand implements Callable<Integer> {
    private static final List<String> QUESTIONS = List.of(
            "Сколько человек погибло во время январских событий 2022 года?", "How many people died in January 2022?",
            "Қаңтар оқиғасында қанша адам қаза болды?", "Кто отдал приказ стрелять без предупреждения?",
            "Why were CSTO troops sent to Kazakhstan?", "Пытали ли задержанных?", "Что пишет Млечин о Токаеве?",
            "Was Masimov convicted of treason?", "Сколько человек задержали?", "ҰҚШҰ әскерлері не істеді?");

    @Mixin
    JsonOption output;

    @Option(names = "--rounds", description = "Rounds over the question list for warm timings (default: 20; 3 with --scale; 2 with --stores).")
    Integer rounds;

    @Option(names = "--scale", description = "Scale run: the corpus scaled to N passages, answer latency over the dev-set "
            + "questions, indexing, a question during an approval's reindex, and heap.")
    Integer scale;

    @Option(names = "--answers-only", description = "With --scale: time the answer path only (no approval, no lost index "
            + "rebuilt), to compare changes to it in a few minutes at 100,000 passages.")
    boolean answersOnly;

    @Option(names = "--stores", description = "Store run: fresh answers per second for one instance on SQLite, one on PostgreSQL "
            + "and two on one PostgreSQL database (QANTAR_DATABASE_URL, in schemas of its own), as ratios to SQLite.")
    boolean stores;

    @Option(names = "--data", description = "With --scale: the data dir to use and keep (for --knn). Default: a temporary "
            + "one, deleted after.")
    Path keep;

    @Option(names = "--knn", description = "Vector search at N vectors: exact cosine, a filtered HNSW search per side and one "
            + "HNSW search for all sides, timed and with their recall of the exact per-side top; the vectors are those of "
            + "the index in --data (a kept --scale run's) and noisy copies of them.")
    Integer knn;

    /** Copies of the corpus indexed for the index build time of the plain report. */
    private static final int COPIES = 20;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> report = new java.util.LinkedHashMap<>();
        if (knn != null) {
            if (keep == null) {
                throw output.usage("--knn needs --data DIR of a kept --scale run");
            }
            List<String> questions = qantar.eval.EvalSet.read(Locations.knowledgeDir().resolve("eval/dev.yaml")).stream()
                    .map(qantar.eval.EvalItem::question).toList();
            report.putAll(qantar.search.VectorSearchBench.run(keep.resolve("index"), knn, questions,
                    qantar.search.Embedder.fromSetting("on").orElseThrow(), qantar.search.RetrievalSettings.DEFAULT.sideCandidates()));
            print(report);
            return 0;
        }
        Path data = keep != null && scale != null ? Files.createDirectories(keep) : Files.createTempDirectory("qantar-bench");
        if (stores) {
            Database.Location server = Database.Location.of(data);
            if (Dialect.of(server.url()) != Dialect.POSTGRESQL) {
                Folders.delete(data);
                throw Failure.unavailable("bench --stores needs a PostgreSQL server: set QANTAR_DATABASE_URL "
                        + "(and QANTAR_DATABASE_USER, QANTAR_DATABASE_PASSWORD); it works in schemas of its own and drops them", null);
            }
            try {
                report.putAll(new StoreBench(Locations.knowledgeDir(), Locations.configDir(), server, rounds == null ? 2 : rounds).run(data));
            } finally {
                Folders.delete(data);
            }
            print(report);
            return 0;
        }
        if (scale != null) {
            try {
                report.putAll(new ScaleBench(Locations.knowledgeDir(), Locations.configDir(), scale, rounds == null ? 3 : rounds, answersOnly).run(data));
            } finally {
                if (keep == null) {
                    Folders.delete(data);
                }
            }
            print(report);
            return 0;
        }
        int rounds = this.rounds == null ? 20 : this.rounds;
        var model = qantar.search.Embedder.fromSetting(Locations.setting("QANTAR_VECTORS"));
        long embeddedBefore = model.map(qantar.search.Embedder::embedded).orElse(0L);
        long t0 = System.nanoTime();
        try (Qantar app = Qantar.open(data, Locations.knowledgeDir(), Locations.configDir(), Progress.NONE)) {
            report.put("cold_open_ms", round(ms(t0)));
            // a first start with the vectors shipped beside the corpus embeds nothing
            report.put("cold_open_embedded_texts", model.map(qantar.search.Embedder::embedded).orElse(0L) - embeddedBefore);
            report.put("passages", app.live().corpus().passages().size());
            for (String q : QUESTIONS) {
                app.answers().answer(Question.of(q)); // warm-up
            }
            double[] answer = new double[rounds * QUESTIONS.size()];
            double[] baseline = new double[answer.length];
            PassageIndex plain = PassageIndex.open(data.resolve("baseline-index"), java.util.Optional.empty());
            plain.update(app.live().corpus().passages(), app.live().corpus().topics(), 0, null);
            QueryParser parser = new QueryParser(Analyzers.RU, Analyzers.russian());
            int k = 0;
            for (int r = 0; r < rounds; r++) {
                for (String q : QUESTIONS) {
                    long a = System.nanoTime();
                    app.answers().compose(Question.of(q)); // fresh every time: a stored answer would only be reopened
                    answer[k] = ms(a);
                    long b = System.nanoTime();
                    org.apache.lucene.search.Query parsed = parser.parse(QueryParser.escape(q));
                    plain.search((IndexSearcher s) -> s.search(parsed, 10));
                    baseline[k++] = ms(b);
                }
            }
            plain.close();
            report.put("answer_ms_mean", round(mean(answer)));
            report.put("answer_ms_p95", round(qantar.measure.Percentiles.ofUnsorted(answer, 95)));
            report.put("baseline_bm25_ms_mean", round(mean(baseline)));
            report.put("answer_to_baseline_ratio", round(mean(answer) / mean(baseline)));

            // Vectors: embedding every passage is the slow part of a first build; a rebuild takes them from the store.
            var embedder = app.live().retriever().embedder();
            if (embedder.isPresent()) {
                // The reused vectors come from the program's own store, as a lost index's do.
                try (PassageIndex lexical = PassageIndex.open(data.resolve("lexical-index"), java.util.Optional.empty());
                        PassageIndex hybrid = PassageIndex.open(data.resolve("vector-index"), embedder);
                        PassageIndex reused = PassageIndex.open(data.resolve("reused-index"), embedder, new VectorStore(app.database()))) {
                    long l = System.nanoTime();
                    lexical.update(app.live().corpus().passages(), app.live().corpus().topics(), 0, null);
                    double lexicalMs = ms(l);
                    long v = System.nanoTime();
                    hybrid.update(app.live().corpus().passages(), app.live().corpus().topics(), 0, null);
                    double vectorMs = ms(v);
                    long c = System.nanoTime();
                    reused.update(app.live().corpus().passages(), app.live().corpus().topics(), 1, null);
                    double cachedMs = ms(c);
                    report.put("index_lexical_ms", round(lexicalMs));
                    report.put("index_with_vectors_ms", round(vectorMs));
                    report.put("index_vectors_reused_ms", round(cachedMs));
                    report.put("vectors_to_lexical_ratio", round(vectorMs / lexicalMs));
                }
                double[] embed = new double[QUESTIONS.size() * rounds];
                for (int i = 0; i < embed.length; i++) {
                    long e = System.nanoTime();
                    embedder.get().embed(QUESTIONS.get(i % QUESTIONS.size()));
                    embed[i] = ms(e);
                }
                report.put("embed_question_ms_mean", round(mean(embed)));
            }

            List<Passage> many = new ArrayList<>();
            for (int c = 0; c < COPIES; c++) {
                for (Passage p : app.live().corpus().passages()) {
                    many.add(new Passage(p.id() + "-x" + c, p.sourceId(), p.side(), p.speaker(), p.topics(), p.texts(),
                            p.original(), p.quote(), p.said(), p.caution()));
                }
            }
            PassageIndex big = PassageIndex.open(data.resolve("scale-index"), java.util.Optional.empty());
            long s = System.nanoTime();
            big.update(many, app.live().corpus().topics(), 0, null);
            report.put("scale_passages", many.size());
            report.put("scale_index_build_ms", round(ms(s)));
            big.close();
            System.gc();
            report.put("heap_used_mb", heapUsedMb());
        } finally {
            Folders.delete(data);
        }
        print(report);
        return 0;
    }

    private void print(Map<String, Object> report) throws Exception {
        if (output.json) {
            ObjectNode o = Json.MAPPER.valueToTree(report);
            output.out().println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o));
        } else {
            report.forEach((k, v) -> output.out().printf("%-32s %s%n", k, v));
        }
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(0);
    }
}
