package qantar.telegram.citizen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import qantar.answer.Answer;
import qantar.answer.AnswerService;
import qantar.answer.Question;
import qantar.config.Texts;
import qantar.corpus.Lang;
import qantar.corpus.Side;
import qantar.moderation.Role;
import qantar.telegram.api.Counters;
import qantar.telegram.api.TelegramStore;
import qantar.telegram.render.AnswerHtml;
import qantar.telegram.render.Button;
import qantar.telegram.render.Html;
import qantar.telegram.route.CommandRegistry;
import qantar.telegram.route.Questions;
import qantar.telegram.route.Reply;
import qantar.telegram.route.Request;

/**
 * Questions and what follows them: the answer with its buttons, the buttons themselves (sources,
 * a side in depth, cite, feedback), citing by id, deep links, and inline mode.
 */
final class AnswerFlow implements Questions {
    private static final Logger log = LoggerFactory.getLogger(AnswerFlow.class);
    static final int MAX_QUESTION = AnswerService.MAX_QUESTION_CHARS;

    private final AnswerParts parts;
    private final FloodGuard flood;
    private final LongConsumer typing;
    private final AnswerForms forms;
    private final FeedbackButtons feedback;
    private final InlineAnswers inline;

    AnswerFlow(AnswerService answers, Texts texts, FloodGuard flood, Counters counters, LongConsumer typing,
        java.util.function.Supplier<String> botUsername, AnswerForms forms, TelegramStore store) {
        AnswerHtml html = new AnswerHtml(texts);
        this.parts = new AnswerParts(answers, texts, html, counters, new Citations(answers, texts, html, botUsername));
        this.forms = forms;
        this.flood = flood;
        this.typing = typing;
        this.feedback = new FeedbackButtons(answers, store);
        this.inline = new InlineAnswers(parts);
    }

    void reportsTo(ReportSink sink) {
        feedback.reportsTo(sink);
    }

    void register(CommandRegistry r) {
        r.callback("src", Role.CITIZEN, this::sources);
        r.callback("full", Role.CITIZEN, (req, id, reply) -> StoredAnswers.find(parts.answers(), req, id, reply).ifPresent(a -> {
            reply.answerCallback(null);
            show(req, a, AnswerHtml.Form.FULL, reply);
        }));
        r.callback("side", Role.CITIZEN, this::side);
        r.callback("cite", Role.CITIZEN, (req, id, reply) -> {
            reply.answerCallback(null);
            cite(req, id, reply);
        });
        feedback.register(r);
    }

    /** A question typed by a user: checks it, shows "typing…", answers it, or says politely why not. */
    @Override
    public void ask(Request req, String text, Reply reply) {
        // control and format characters alone (a stray byte, zero-width spaces) are no question
        String q = text == null ? "" : text.replaceAll("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]", "").strip();
        if (q.isEmpty()) {
            reply.html(Html.esc(req.text("tg.empty")));
            return;
        }
        if (q.length() > MAX_QUESTION) {
            reply.html(Html.esc(req.text("tg.too_long", "max", MAX_QUESTION)));
            return;
        }
        FloodGuard.Verdict v = flood.check(req.userId(), req.update().getUpdateId());
        if (v != FloodGuard.Verdict.ANSWER) {
            if (v == FloodGuard.Verdict.NOTICE) {
                reply.html(Html.esc(req.text("tg.flood")));
            }
            return;
        }
        parts.counters().question();
        typing.accept(req.chatId());
        long t0 = System.nanoTime();
        Answer a = parts.answers().answer(Question.of(q));
        show(req, a, reply);
        parts.counters().answer();
        log.info("answered chat={} answer={} lang={} in_scope={} statements={} sides={} ms={}", req.group() ? "group" : "private",
                a.id(), a.language().code(), a.inScope(), a.statements().size(), a.sidesShown().size(), (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * An answer as messages, compact in groups, with its buttons under the last one. Every word
     * around the answer is in the answer's language, whatever the interface language: one answer,
     * one language.
     */
    void show(Request req, Answer a, Reply reply) {
        AnswerHtml.Form form = req.group() ? AnswerHtml.Form.SHORT
                : forms.prefersFull(req.userId()) ? AnswerHtml.Form.FULL : AnswerHtml.Form.COMPACT;
        show(req, a, form, reply);
    }

    private void show(Request req, Answer a, AnswerHtml.Form form, Reply reply) {
        List<String> messages = parts.html().answer(a, a.language(), form);
        for (int i = 0; i < messages.size(); i++) {
            reply.html(messages.get(i), i == messages.size() - 1 ? buttons(a, a.language(), form) : List.of());
        }
    }

    List<List<Button>> buttons(Answer a, Lang ui, AnswerHtml.Form form) {
        boolean compact = form == AnswerHtml.Form.SHORT;
        List<List<Button>> rows = new ArrayList<>();
        if (!a.sources().isEmpty()) {
            rows.add(List.of(Button.callback(parts.texts().get("tg.btn.sources", ui), "src:" + a.id()),
                    Button.callback(parts.texts().get("tg.btn.cite", ui), "cite:" + a.id())));
        } else {
            rows.add(List.of(Button.callback(parts.texts().get("tg.btn.cite", ui), "cite:" + a.id())));
        }
        if (!compact) {
            List<Button> sides = new ArrayList<>();
            for (Side s : a.sidesShown()) {
                sides.add(Button.callback(parts.texts().emoji(s) + " " + parts.texts().label(s, ui), "side:" + a.id() + ":" + s.id()));
            }
            for (int i = 0; i < sides.size(); i += 2) {
                rows.add(sides.subList(i, Math.min(i + 2, sides.size())));
            }
            if (form == AnswerHtml.Form.COMPACT && a.statements().size() > a.sidesShown().size()) {
                rows.add(List.of(Button.callback(parts.texts().get("tg.btn.full", ui), "full:" + a.id())));
            }
        }
        rows.add(List.of(Button.callback("👍", "up:" + a.id()), Button.callback("👎", "dn:" + a.id())));
        return rows;
    }

    private void sources(Request req, String id, Reply reply) {
        StoredAnswers.find(parts.answers(), req, id, reply).ifPresent(a -> {
            reply.answerCallback(null);
            parts.html().sources(a, a.language()).forEach(reply::html);
        });
    }

    /** One side's view of the same question in more depth: the question again, limited to that side. */
    private void side(Request req, String args, Reply reply) {
        int colon = args.indexOf(':');
        String id = colon < 0 ? args : args.substring(0, colon);
        Optional<Side> side = colon < 0 ? Optional.empty() : Side.fromId(args.substring(colon + 1));
        StoredAnswers.find(parts.answers(), req, id, reply).ifPresent(a -> {
            if (side.isEmpty()) {
                reply.answerCallback(req.text("tg.button_outdated"));
                return;
            }
            reply.answerCallback(null);
            typing.accept(req.chatId());
            Answer deeper = parts.answers().answer(new Question(a.question(), a.language(), Set.of(side.get())));
            reply.html(parts.html().header(side.get(), a.language()) + "\n" + Html.i(parts.texts().about(side.get(), a.language())));
            show(req.withArgs(""), deeper, reply);
        });
    }

    /** /cite ID: the copyable citation and the link that reopens the same answer. */
    void cite(Request req, String id, Reply reply) {
        parts.citations().cite(req, id, reply);
    }

    /** /start a_ID: the same answer again, exactly as first shown. */
    boolean reopen(Request req, String payload, Reply reply) {
        if (!payload.startsWith("a_")) {
            return false;
        }
        Optional<Answer> a = parts.answers().find(payload.substring(2));
        if (a.isEmpty()) {
            reply.html(Html.esc(req.text("tg.cite_not_found", "id", Html.cut(payload.substring(2), 32))));
        } else {
            show(req, a.get(), reply);
        }
        return true;
    }

    @Override
    public void inline(Request req, String inlineQueryId, String query, Reply reply) {
        inline.inline(req, inlineQueryId, query, reply);
    }
}
