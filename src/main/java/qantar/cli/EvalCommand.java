package qantar.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import qantar.app.Qantar;
import qantar.eval.EvalItem;
import qantar.eval.EvalSet;
import qantar.eval.Evaluation;

@Command(name = "eval", description = "Scores the answers to a question set (e.g. knowledge/eval/dev.yaml).")
final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print per-question results and totals as JSON.")
    boolean json;

    @Parameters(paramLabel = "FILE", description = "The question set.")
    Path file;

    @Override
    public Integer call() throws Exception {
        List<EvalItem> items = EvalSet.read(file);
        try (Qantar app = Options.open()) {
            Evaluation eval = new Evaluation(app.answers(), app.retriever(), app.corpus().passagesById());
            List<Evaluation.Result> results = new ArrayList<>();
            for (EvalItem item : items) {
                results.add(eval.run(item));
            }
            Evaluation.Totals t = Evaluation.totals(results);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson(results, t)));
            } else {
                for (Evaluation.Result r : results) {
                    out.printf("%s %-3s %6.1f ms  %s%n", r.misses().isEmpty() ? "ok  " : "MISS", r.item().lang().code(),
                            r.millis(), r.item().question());
                    r.misses().forEach(m -> out.println("          - " + m));
                }
                out.printf("%nquestions %d | recall@5 %.3f | side coverage %.3f | attribution precision %.3f | "
                                + "key facts %.3f | scope accuracy %.3f | latency mean %.1f ms, p95 %.1f ms%n",
                        t.questions(), t.recallAt5(), t.sideCoverage(), t.attributionPrecision(), t.factHitRate(),
                        t.scopeAccuracy(), t.meanMillis(), t.p95Millis());
            }
        }
        return 0;
    }

    private static ObjectNode toJson(List<Evaluation.Result> results, Evaluation.Totals t) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode o = m.createObjectNode();
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
            putRatio(n, "attribution_precision", r.attributionPrecision());
            putRatio(n, "key_fact_hit_rate", r.factHitRate());
            n.put("millis", Math.round(r.millis() * 10) / 10.0);
            ArrayNode misses = n.putArray("misses");
            r.misses().forEach(misses::add);
        }
        ObjectNode totals = o.putObject("totals");
        totals.put("questions", t.questions());
        putRatio(totals, "recall_at_5", t.recallAt5());
        putRatio(totals, "side_coverage", t.sideCoverage());
        putRatio(totals, "attribution_precision", t.attributionPrecision());
        putRatio(totals, "key_fact_hit_rate", t.factHitRate());
        putRatio(totals, "out_of_scope_accuracy", t.scopeAccuracy());
        totals.put("latency_mean_ms", Math.round(t.meanMillis() * 10) / 10.0);
        totals.put("latency_p95_ms", Math.round(t.p95Millis() * 10) / 10.0);
        return o;
    }

    private static void putRatio(ObjectNode n, String key, double v) {
        if (Double.isNaN(v)) {
            n.putNull(key);
        } else {
            n.put(key, Math.round(v * 1000) / 1000.0);
        }
    }
}
