package qantar.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import qantar.answer.Answer;
import qantar.answer.Question;
import qantar.app.Qantar;
import qantar.corpus.Lang;
import qantar.corpus.Side;

@Command(name = "chat", description = "A conversation in the terminal with the same answers as in Telegram.")
final class ChatCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (Qantar app = Options.open()) {
            TextRenderer renderer = new TextRenderer(app.texts());
            Lang lang = null;
            out.println(help());
            while (true) {
                out.print("> ");
                out.flush();
                String line = in.readLine();
                if (line == null || line.strip().equals("/quit") || line.strip().equals("/exit")) {
                    return 0;
                }
                line = line.strip();
                if (line.isEmpty()) {
                    continue;
                }
                app.live().reloadIfNewer(); // a serve on the same data folder may have approved changes meanwhile
                if (line.equals("/help") || line.equals("/start")) {
                    out.println(help());
                } else if (line.startsWith("/lang")) {
                    lang = Lang.fromCode(line.substring(5).strip()).orElse(null);
                    out.println(lang == null ? "language: from each question" : "language: " + lang.code());
                } else if (line.startsWith("/sides")) {
                    for (Side s : Side.values()) {
                        Lang l = lang == null ? Lang.EN : lang;
                        out.println(app.texts().emoji(s) + " " + app.texts().label(s, l) + " (" + s.id() + "): " + app.texts().about(s, l));
                    }
                } else if (line.startsWith("/cite")) {
                    String id = line.substring(5).strip();
                    out.println(app.answers().find(id).map(renderer::render).orElse("no answer with id '" + id + "'"));
                } else if (line.startsWith("/")) {
                    out.println("unknown command; " + help());
                } else {
                    Answer a = app.answers().answer(new Question(line, lang, Set.of()));
                    out.println(renderer.render(a));
                }
            }
        }
    }

    private static String help() {
        return "Ask about the January 2022 events in Kazakhstan in Russian, Kazakh or English.\n"
                + "Commands: /help, /sides, /lang ru|kk|en|auto, /cite ID, /quit";
    }
}
