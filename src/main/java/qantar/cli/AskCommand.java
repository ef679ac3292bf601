package qantar.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import qantar.answer.Answer;
import qantar.answer.AnswerJson;
import qantar.answer.AnswerService;
import qantar.answer.Question;
import qantar.app.Qantar;
import qantar.corpus.Lang;
import qantar.corpus.Side;
import qantar.search.Retriever.Retrieval;

@Command(name = "ask", description = "Answers one question from the corpus.")
final class AskCommand implements Callable<Integer> {
    @Mixin
    JsonOption output;

    @Option(names = "--lang", paramLabel = "ru|kk|en", description = "Answer language (default: the question's).")
    Lang lang;

    @Option(names = "--side", paramLabel = "ID", description = "Only this side (repeatable): official, mlechin_book, hrw, independent, other.")
    List<Side> sides = new ArrayList<>();

    @Option(names = "--explain", description = "Also print how the question was understood and the candidates' scores (to stderr).")
    boolean explain;

    @Parameters(arity = "1..*", paramLabel = "QUESTION", description = "The question (several words are joined).")
    List<String> words;

    @Override
    public Integer call() {
        qantar.app.StartupTrace.mark("command line parsed");
        Question q = new Question(String.join(" ", words).strip(), lang, sides.isEmpty() ? EnumSet.noneOf(Side.class) : EnumSet.copyOf(sides));
        if (q.text().isEmpty()) {
            throw output.usage("the question is empty");
        }
        try (Qantar app = Options.open()) {
            Answer a;
            if (explain) {
                AnswerService.Explained e = app.answers().explain(q);
                a = e.answer();
                explain(e.retrieval(), output.err());
            } else {
                a = app.answers().answer(q);
            }
            qantar.app.StartupTrace.mark("answered");
            output.out().print(output.json ? AnswerJson.write(a, true) + "\n" : new TextRenderer(app.texts()).render(a));
        }
        qantar.app.StartupTrace.mark("printed, closed");
        return 0;
    }

    /** How the question was read, and the candidates' scores. */
    private static void explain(Retrieval r, PrintWriter err) {
        r.concepts().forEach(c -> err.println("concept " + (c.anchor() ? "(anchor) " : c.context() ? "(context) " : c.frame() != null ? "(frame " + c.frame().id() + ") " : "")
                + c.label() + " -> " + c.forms()));
        r.translations().forEach(t -> err.println("also searched as: " + t));
        if (r.vectorText() != null) {
            err.println("vector text: " + r.vectorText());
        }
        r.hits().stream().limit(15).forEach(h -> err.printf("%.3f cov %.3f %-13s %s%n", h.score(), h.coverage(),
                h.passage().side().id(), h.passage().id()));
    }
}
