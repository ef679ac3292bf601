package qantar.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import qantar.app.Qantar;
import qantar.config.Locations;
import qantar.eval.EvalItem;
import qantar.eval.EvalSet;
import qantar.eval.Evaluation;
import qantar.json.Json;
import qantar.measure.Percentiles;
import qantar.store.Database;
import qantar.store.Folders;

@Command(name = "eval", description = "Scores the answers to a question set (e.g. knowledge/eval/dev.yaml).")
final class EvalCommand implements Callable<Integer> {
    @Mixin
    JsonOption output;

    @Option(names = "--failures", description = "List only the failures: question, what went wrong, the side and the passage ids.")
    boolean failures;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "Retrieve with one setting changed (see qantar.search.RetrievalSettings), e.g. askField=0; repeatable.")
    List<String> settings = new ArrayList<>();

    @Option(names = "--fit", paramLabel = "FILE",
            description = "Fit the answers-this model (qantar.search.AnswersThis) on the set's judgments: report the measures "
                    + "5-fold cross-validated by question and in-sample, then write the model fitted on all questions to FILE.")
    Path fit;

    @Option(names = "--thresholds", split = ",", paramLabel = "P[/P2]", defaultValue = "0.5",
            description = "With --fit: the thresholds on the probability to measure (P2: for a side's statements after its "
                    + "first); the first is written.")
    List<String> thresholds = new ArrayList<>();

    @Option(names = "--signals", paramLabel = "TSV",
            description = "With --fit: also write every candidate's question number, passage id, side, grade and signals.")
    Path signals;

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "The question set; several are scored (and fitted on) as one.")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<EvalItem> items = new ArrayList<>();
        try {
            for (Path file : files) {
                items.addAll(EvalSet.read(file));
            }
        } catch (IllegalStateException e) { // the set's own problems, with file and item
            throw Failure.badInput(e.getMessage(), e);
        }
        // Its own folder each run: an index updated in place keeps the statistics of replaced passages
        // until Lucene merges them away, which would make the measures depend on the data folder's history.
        Path data = Files.createTempDirectory("qantar-eval");
        try (Qantar app = Qantar.open(data, Database.Location.sqlite(data), Locations.knowledgeDir(), Locations.configDir(),
                new ConsoleProgress())) {
            qantar.search.RetrievalSettings tuned = app.live().retriever().settings();
            for (String kv : settings) {
                String[] p = kv.split("=", 2);
                if (p.length != 2) {
                    throw output.usage("--set takes NAME=VALUE, not " + kv);
                }
                try {
                    tuned = tuned.with(p[0].strip(), Double.parseDouble(p[1].strip()));
                } catch (IllegalArgumentException e) { // an unknown name or a value that is no number
                    throw output.usage("--set " + kv + ": " + e.getMessage());
                }
            }
            app.live().retriever().use(tuned);
            Evaluation eval = new Evaluation(app.answers(), app.live().retriever(), app.live().corpus().passagesById());
            if (fit != null) {
                new FitAnswersThis(app, eval, tuned, output.out()).run(items, thresholds, fit, signals);
                return 0;
            }
            List<Evaluation.Result> results = new ArrayList<>();
            for (EvalItem item : items) {
                results.add(eval.run(item));
            }
            Evaluation.Totals t = Evaluation.totals(results);
            qantar.telegram.render.AnswerSizes sizer = new qantar.telegram.render.AnswerSizes(app.texts());
            List<qantar.telegram.render.AnswerSizes.Size> sizes = results.stream().map(r -> sizer.privateDefault(r.answer())).toList();
            double[] chars = sizes.stream().mapToDouble(qantar.telegram.render.AnswerSizes.Size::visibleChars).sorted().toArray();
            int messagesMax = sizes.stream().mapToInt(qantar.telegram.render.AnswerSizes.Size::messages).max().orElse(0);
            PrintWriter out = output.out();
            if (output.json) {
                ObjectNode o = toJson(results, t);
                ObjectNode size = ((ObjectNode) o.get("totals")).putObject("private_answer_size");
                size.put("visible_chars_p50", (int) Percentiles.of(chars, 50));
                size.put("visible_chars_p95", (int) Percentiles.of(chars, 95));
                size.put("messages_max", messagesMax);
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o));
            } else {
                for (Evaluation.Result r : results) {
                    if (failures && r.failures().isEmpty()) {
                        continue;
                    }
                    out.printf("%s %-3s %-11s %6.1f ms  %s%n", r.failures().isEmpty() ? "ok  " : "FAIL", r.item().lang().code(),
                            r.item().kind().id(), r.millis(), r.item().question());
                    r.failures().forEach(f -> out.println("          - " + f));
                }
                out.printf("%nprivate answers: visible characters p50 %d, p95 %d, max %d; messages max %d%n",
                        (int) Percentiles.of(chars, 50), (int) Percentiles.of(chars, 95),
                        (int) Percentiles.of(chars, 100), messagesMax);
                out.println(measures(t));
                out.println(fillerCauses(t));
                out.println(nearest(t));
                Evaluation.byKind(results).forEach((kind, k) -> out.printf(
                        "  %-12s questions %3d | filler %.3f | false missing %.3f | core fact %.3f | nDCG@3 %.3f | scope %.3f%n",
                        kind.id(), k.questions(), k.fillerRate(), k.falseMissingRate(), k.coreFactRate(), k.ndcg3(), k.scopeAccuracy()));
            }
        } finally {
            Folders.delete(data);
        }
        return 0;
    }

    static String measures(Evaluation.Totals t) {
        return String.format(java.util.Locale.ROOT, "questions %d | filler %.3f | false missing %.3f | core fact %.3f | nDCG@3 %.3f | scope %.3f | "
                        + "overviews answered %.3f%nrecall@5 %.3f | side coverage %.3f | key facts %.3f | language read %.3f | "
                        + "latency mean %.1f ms, p95 %.1f ms",
                t.questions(), t.fillerRate(), t.falseMissingRate(), t.coreFactRate(), t.ndcg3(), t.scopeAccuracy(),
                t.overviewAnswered(), t.recallAt5(), t.sideCoverage(), t.factHitRate(), t.languageRead(), t.meanMillis(), t.p95Millis());
    }

    /** How many statements are shown as their side's nearest, how good those are, and the filler of the rest. */
    static String nearest(Evaluation.Totals t) {
        return String.format(java.util.Locale.ROOT, "shown as the side's nearest %.3f of statements (filler %.2f, answering %.2f of them) | "
                + "filler of the statements shown as answers %.3f", t.nearestShare(), t.nearestFiller(), t.nearestAnswering(), t.answersFillerRate());
    }

    /** What the filler of these answers comes from, as shares of it. */
    static String fillerCauses(Evaluation.Totals t) {
        return t.fillerCauses().entrySet().stream()
                .map(e -> String.format(java.util.Locale.ROOT, "%s %.2f", e.getKey().text, e.getValue()))
                .collect(java.util.stream.Collectors.joining(" | ", "filler: ", ""));
    }

    private static ObjectNode toJson(List<Evaluation.Result> results, Evaluation.Totals t) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        ArrayNode items = o.putArray("questions");
        for (Evaluation.Result r : results) {
            ObjectNode n = items.addObject();
            n.put("question", r.item().question());
            n.put("lang", r.item().lang().code());
            n.put("answer_id", r.answer().id());
            n.put("in_scope", r.answer().inScope());
            n.put("scope_correct", r.scopeCorrect());
            putRatio(n, "recall_at_5", r.recallAt5());
            putRatio(n, "side_coverage", r.sideCoverage());
            putRatio(n, "key_fact_hit_rate", r.factHitRate());
            n.put("kind", r.item().kind().id());
            n.put("shown", r.shown());
            n.put("filler", r.fillerCount());
            n.put("false_missing", r.falseMissing());
            putRatio(n, "core_fact", r.coreHit());
            putRatio(n, "ndcg_at_3", r.ndcg3());
            n.put("millis", Math.round(r.millis() * 10) / 10.0);
            ArrayNode misses = n.putArray("failures");
            for (Evaluation.Failure f : r.failures()) {
                ObjectNode fn = misses.addObject();
                fn.put("what", f.what());
                if (f.side() != null) {
                    fn.put("side", f.side().id());
                }
                ArrayNode ids = fn.putArray("passage_ids");
                f.passageIds().forEach(ids::add);
            }
        }
        ObjectNode totals = o.putObject("totals");
        putMeasures(totals, t);
        putRatio(totals, "recall_at_5", t.recallAt5());
        putRatio(totals, "side_coverage", t.sideCoverage());
        putRatio(totals, "key_fact_hit_rate", t.factHitRate());
        putRatio(totals, "overview_answered", t.overviewAnswered());
        putRatio(totals, "language_read", t.languageRead());
        totals.put("latency_mean_ms", Math.round(t.meanMillis() * 10) / 10.0);
        totals.put("latency_p95_ms", Math.round(t.p95Millis() * 10) / 10.0);
        ObjectNode kinds = totals.putObject("by_kind");
        Evaluation.byKind(results).forEach((kind, k) -> putMeasures(kinds.putObject(kind.id()), k));
        return o;
    }

    /** The measures reported for every set of questions: the whole dev set and each kind of question. */
    private static void putMeasures(ObjectNode n, Evaluation.Totals t) {
        n.put("questions", t.questions());
        putRatio(n, "filler_rate", t.fillerRate());
        ObjectNode causes = n.putObject("filler_causes");
        t.fillerCauses().forEach((c, share) -> putRatio(causes, c.name().toLowerCase(java.util.Locale.ROOT), share));
        putRatio(n, "nearest_share", t.nearestShare());
        putRatio(n, "nearest_filler", t.nearestFiller());
        putRatio(n, "nearest_answering", t.nearestAnswering());
        putRatio(n, "answers_filler_rate", t.answersFillerRate());
        putRatio(n, "false_missing_rate", t.falseMissingRate());
        putRatio(n, "core_fact_rate", t.coreFactRate());
        putRatio(n, "ndcg_at_3", t.ndcg3());
        putRatio(n, "out_of_scope_accuracy", t.scopeAccuracy());
    }

    private static void putRatio(ObjectNode n, String key, double v) {
        if (Double.isNaN(v)) {
            n.putNull(key);
        } else {
            n.put(key, Math.round(v * 1000) / 1000.0);
        }
    }
}
