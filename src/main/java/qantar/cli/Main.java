package qantar.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

// --help and --version on every command (inherited, so a new command cannot miss them): "ask --help" is help, not a missing question
@Command(name = "qantar-bot", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = Version.class,
        description = "Side-labelled, sourced answers about the January 2022 events in Kazakhstan.")
public final class Main implements java.util.concurrent.Callable<Integer> {
    /** The commands, in the order the usage lists them (added in {@link #commandLine}). */
    private static final List<Class<?>> COMMANDS = List.of(AskCommand.class, ChatCommand.class, ServeCommand.class, WebCommand.class,
            CorpusCommand.class, EvalCommand.class, BenchCommand.class);

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "On an error, also print its stack trace.")
    boolean verbose; // inherited too; Errors reads it from the parse result, whichever command it was given to

    /** With no command: the Telegram bot when a token is set, otherwise a sample answer and the terminal chat. */
    @Override
    public Integer call() throws Exception {
        String token = System.getenv("TELEGRAM_BOT_TOKEN");
        if (token != null && !token.isBlank()) {
            return new ServeCommand().call();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("TELEGRAM_BOT_TOKEN is not set: answering in the terminal instead.\n");
        try (qantar.app.Qantar app = Options.open()) {
            String sample = "Сколько человек погибло во время январских событий 2022 года?";
            out.println("> " + sample);
            out.println(new TextRenderer(app.texts()).render(app.answers().answer(qantar.answer.Question.of(sample))));
        }
        ChatCommand chat = new ChatCommand();
        chat.spec = spec;
        return chat.call();
    }

    public static void main(String[] args) {
        Warmup.inBackground();
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs a command line; errors become one clear line on err and an exit code that says their kind (see {@link Errors}). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        qantar.app.StartupTrace.mark("main");
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        Converters.register(cl);
        Errors errors = new Errors();
        cl.setExitCodeExceptionMapper(errors);
        cl.setExecutionExceptionHandler(errors);
        int code = cl.execute(args);
        out.flush();
        return code;
    }

    /**
     * The command line for these arguments. When the first one names a command, only that command
     * is added: picocli reads every added command's options by reflection, which took more than a
     * third of its start-up, and the others cannot be reached anyway. Otherwise (help, an error,
     * no command) all of them are.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        String first = args.length > 0 ? args[0] : "";
        List<Class<?>> named = COMMANDS.stream().filter(c -> c.getAnnotation(Command.class).name().equals(first)).toList();
        for (Class<?> c : named.isEmpty() ? COMMANDS : named) {
            cl.addSubcommand(c);
        }
        return cl;
    }
}
