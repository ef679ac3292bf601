package qantar.telegram.citizen;

import static qantar.telegram.render.Html.b;
import static qantar.telegram.render.Html.esc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import qantar.config.Texts;
import qantar.corpus.Corpus;
import qantar.corpus.Lang;
import qantar.corpus.Side;
import qantar.moderation.Role;
import qantar.telegram.api.TelegramStore;
import qantar.telegram.render.Button;
import qantar.telegram.render.Html;
import qantar.telegram.route.CommandRegistry;
import qantar.telegram.route.Languages;
import qantar.telegram.route.Reply;
import qantar.telegram.route.Request;

/** The citizen commands: /start, /help, /sides, /lang, /cite, /about, /ask, and the language buttons. */
record CoreCommands(Texts texts, AnswerFlow flow, Languages languages, AnswerForms forms, Supplier<Corpus> corpus, Supplier<Long> revision) {
    void register(CommandRegistry r) {
        r.command("start", "tg.cmd.start", this::start);
        r.command("help", "tg.cmd.help", (req, reply) -> help(r, req, reply));
        r.command("ask", "tg.cmd.ask", (req, reply) -> {
            if (req.args().isBlank()) {
                reply.html(esc(req.text("tg.ask_usage")));
            } else {
                flow.ask(req, req.args(), reply);
            }
        });
        r.command("sides", "tg.cmd.sides", this::sides);
        r.command("lang", "tg.cmd.lang", (req, reply) -> reply.html(esc(req.text("tg.choose_lang")), langButtons(req.lang())));
        r.command("settings", "tg.cmd.settings", this::settings);
        r.command("cite", "tg.cmd.cite", (req, reply) -> flow.cite(req, req.args(), reply));
        r.command("about", "tg.cmd.about", this::about);
        r.callback("lang", Role.CITIZEN, this::chooseLang);
        r.callback("answers", Role.CITIZEN, this::chooseForm);
    }

    private void start(Request req, Reply reply) {
        if (!req.args().isBlank() && flow.reopen(req, req.args().strip(), reply)) {
            return;
        }
        StringBuilder s = new StringBuilder();
        s.append(b("Qantar Sources")).append("\n\n").append(esc(req.text("tg.start"))).append("\n\n");
        s.append(b(req.text("tg.sides_title"))).append('\n');
        for (Side side : Side.values()) {
            s.append(texts.emoji(side)).append(' ').append(esc(texts.label(side, req.lang()))).append('\n');
        }
        s.append('\n').append(Html.i(req.text("tg.neutrality"))).append("\n\n").append(esc(req.text("tg.ask_hint")))
                .append("\n\n").append(esc(req.text("tg.choose_lang")));
        reply.html(s.toString(), langButtons(req.lang()));
    }

    /** The help text, then the commands of {@code r}'s menu. */
    private void help(CommandRegistry r, Request req, Reply reply) {
        StringBuilder s = new StringBuilder(esc(req.text("tg.help"))).append("\n\n");
        for (CommandRegistry.Command c : r.menu()) {
            s.append('/').append(c.name()).append(" — ").append(esc(req.text(c.menuKey()))).append('\n');
        }
        reply.html(s.toString().strip());
    }

    private void sides(Request req, Reply reply) {
        List<String> blocks = new ArrayList<>();
        blocks.add(b(req.text("tg.sides_title")));
        for (Side side : Side.values()) {
            blocks.add("\n" + texts.emoji(side) + " " + b(texts.label(side, req.lang())) + " (<code>" + side.id() + "</code>)\n"
                    + esc(texts.about(side, req.lang())));
        }
        blocks.add("\n" + Html.i(req.text("tg.neutrality")));
        Html.pack(blocks, Html.MAX_MESSAGE).forEach(reply::html);
    }

    private void about(Request req, Reply reply) {
        Corpus c = corpus.get();
        reply.html(b("Qantar Sources") + "\n\n" + esc(req.text("tg.about", "sources", c.sources().size(),
                "passages", c.passages().size(), "revision", revision.get())));
    }

    private List<List<Button>> langButtons(Lang current) {
        List<Button> row = new ArrayList<>();
        for (Lang l : List.of(Lang.RU, Lang.KK, Lang.EN)) {
            String name = texts.languageName(l, l);
            row.add(Button.callback((l == current ? "✓ " : "") + name, "lang:" + l.code()));
        }
        return List.of(row, List.of(Button.callback(texts.get("tg.lang_auto", current), "lang:auto")));
    }

    /** /settings: compact answers (the default) or full ones, in private chats. */
    private void settings(Request req, Reply reply) {
        boolean full = forms.prefersFull(req.userId());
        reply.html(esc(req.text("tg.settings")), List.of(List.of(
                Button.callback((full ? "" : "✓ ") + req.text("tg.settings_compact"), "answers:compact"),
                Button.callback((full ? "✓ " : "") + req.text("tg.settings_full"), "answers:full"))));
    }

    private void chooseForm(Request req, String choice, Reply reply) {
        if (!choice.equals("compact") && !choice.equals("full")) {
            reply.answerCallback(req.text("tg.button_outdated"));
            return;
        }
        reply.write(forms.choose(req.userId(), choice.equals("full")));
        String done = req.text("tg.settings_saved", "form", req.text(choice.equals("full") ? "tg.settings_full" : "tg.settings_compact"));
        reply.answerCallback(done);
        reply.html(esc(done));
    }

    private void chooseLang(Request req, String code, Reply reply) {
        Lang chosen = "auto".equals(code) ? null : Lang.fromCode(code).orElse(null);
        if (chosen == null && !"auto".equals(code)) {
            reply.answerCallback(req.text("tg.button_outdated"));
            return;
        }
        reply.write(TelegramStore.setUserLang(req.userId(), chosen == null ? null : chosen.code()));
        Lang now = languages.choose(req.userId(), chosen, req.update());
        Request after = req.withLang(now);
        String done = chosen == null ? after.text("tg.lang_auto_set") : after.text("tg.lang_set", "lang", texts.languageName(now, now));
        reply.answerCallback(done);
        reply.html(esc(done) + "\n" + esc(after.text("tg.ask_hint")));
    }
}
