package qantar.telegram.citizen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.inlinequery.inputmessagecontent.InputTextMessageContent;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResult;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultArticle;
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
    static final int INLINE_RESULTS = 5;
    static final int INLINE_PER_MINUTE = 30;
    private static final List<String> REASONS = List.of("side", "fact", "missing", "other");

    private final AnswerService answers;
    private final Texts texts;
    private final AnswerHtml html;
    private final TelegramStore store;
    private final FloodGuard flood;
    /** Inline queries come as the user types: their own, larger budget, which never uses up the chat's. */
    private final FloodGuard inlineFlood = new FloodGuard(INLINE_PER_MINUTE);
    private final Counters counters;
    private final LongConsumer typing;
    private final java.util.function.Supplier<String> botUsername;
    private volatile ReportSink reports = ReportSink.NONE;

    private final AnswerForms forms;
    /** The web pages' address (QANTAR_PUBLIC_URL): citations link there first, for readers outside Telegram. */
    private final String publicUrl;

    AnswerFlow(AnswerService answers, Texts texts, FloodGuard flood, Counters counters, LongConsumer typing,
        java.util.function.Supplier<String> botUsername, AnswerForms forms, TelegramStore store) {
        this.answers = answers;
        this.store = store;
        this.forms = forms;
        String site = qantar.config.Locations.setting("QANTAR_PUBLIC_URL");
        this.publicUrl = site == null || site.isBlank() ? null : site.strip().replaceAll("/+$", "");
        this.texts = texts;
        this.html = new AnswerHtml(texts);
        this.flood = flood;
        this.counters = counters;
        this.typing = typing;
        this.botUsername = botUsername;
    }

    void reportsTo(ReportSink sink) {
        reports = sink;
    }

    void register(CommandRegistry r) {
        r.callback("src", Role.CITIZEN, this::sources);
        r.callback("full", Role.CITIZEN, (req, id, reply) -> find(req, id, reply).ifPresent(a -> {
            reply.answerCallback(null);
            show(req, a, AnswerHtml.Form.FULL, reply);
        }));
        r.callback("side", Role.CITIZEN, this::side);
        r.callback("cite", Role.CITIZEN, (req, id, reply) -> {
            reply.answerCallback(null);
            cite(req, id, reply);
        });
        r.callback("up", Role.CITIZEN, this::up);
        r.callback("dn", Role.CITIZEN, this::down);
        r.callback("why", Role.CITIZEN, this::why);
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
        counters.question();
        typing.accept(req.chatId());
        long t0 = System.nanoTime();
        Answer a = answers.answer(Question.of(q));
        show(req, a, reply);
        counters.answer();
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
        List<String> parts = html.answer(a, a.language(), form);
        for (int i = 0; i < parts.size(); i++) {
            reply.html(parts.get(i), i == parts.size() - 1 ? buttons(a, a.language(), form) : List.of());
        }
    }

    List<List<Button>> buttons(Answer a, Lang ui, AnswerHtml.Form form) {
        boolean compact = form == AnswerHtml.Form.SHORT;
        List<List<Button>> rows = new ArrayList<>();
        if (!a.sources().isEmpty()) {
            rows.add(List.of(Button.callback(texts.get("tg.btn.sources", ui), "src:" + a.id()),
                    Button.callback(texts.get("tg.btn.cite", ui), "cite:" + a.id())));
        } else {
            rows.add(List.of(Button.callback(texts.get("tg.btn.cite", ui), "cite:" + a.id())));
        }
        if (!compact) {
            List<Button> sides = new ArrayList<>();
            for (Side s : a.sidesShown()) {
                sides.add(Button.callback(texts.emoji(s) + " " + texts.label(s, ui), "side:" + a.id() + ":" + s.id()));
            }
            for (int i = 0; i < sides.size(); i += 2) {
                rows.add(sides.subList(i, Math.min(i + 2, sides.size())));
            }
            if (form == AnswerHtml.Form.COMPACT && a.statements().size() > a.sidesShown().size()) {
                rows.add(List.of(Button.callback(texts.get("tg.btn.full", ui), "full:" + a.id())));
            }
        }
        rows.add(List.of(Button.callback("👍", "up:" + a.id()), Button.callback("👎", "dn:" + a.id())));
        return rows;
    }

    private Optional<Answer> find(Request req, String id, Reply reply) {
        Optional<Answer> a = id.isBlank() ? Optional.empty() : answers.find(id);
        if (a.isEmpty()) {
            reply.answerCallback(req.text("tg.cite_not_found", "id", id));
        }
        return a;
    }

    private void sources(Request req, String id, Reply reply) {
        find(req, id, reply).ifPresent(a -> {
            reply.answerCallback(null);
            html.sources(a, a.language()).forEach(reply::html);
        });
    }

    /** One side's view of the same question in more depth: the question again, limited to that side. */
    private void side(Request req, String args, Reply reply) {
        int colon = args.indexOf(':');
        String id = colon < 0 ? args : args.substring(0, colon);
        Optional<Side> side = colon < 0 ? Optional.empty() : Side.fromId(args.substring(colon + 1));
        find(req, id, reply).ifPresent(a -> {
            if (side.isEmpty()) {
                reply.answerCallback(req.text("tg.button_outdated"));
                return;
            }
            reply.answerCallback(null);
            typing.accept(req.chatId());
            Answer deeper = answers.answer(new Question(a.question(), a.language(), Set.of(side.get())));
            reply.html(html.header(side.get(), a.language()) + "\n" + Html.i(texts.about(side.get(), a.language())));
            show(req.withArgs(""), deeper, reply);
        });
    }

    private void up(Request req, String id, Reply reply) {
        find(req, id, reply).ifPresent(a -> {
            reply.write(store.vote(req.userId(), a.id(), 1, null));
            reply.answerCallback(req.text("tg.fb_thanks"));
        });
    }

    private void down(Request req, String id, Reply reply) {
        find(req, id, reply).ifPresent(a -> {
            reply.answerCallback(null);
            List<List<Button>> rows = new ArrayList<>();
            for (String reason : REASONS) {
                rows.add(List.of(Button.callback(req.text("tg.fb." + reason), "why:" + a.id() + ":" + reason)));
            }
            reply.html(Html.esc(req.text("tg.fb_what")) + " (<code>" + a.id() + "</code>)", rows);
        });
    }

    private void why(Request req, String args, Reply reply) {
        int colon = args.indexOf(':');
        String id = colon < 0 ? args : args.substring(0, colon);
        String reason = colon < 0 ? "" : args.substring(colon + 1);
        find(req, id, reply).ifPresent(a -> {
            if (!REASONS.contains(reason)) {
                reply.answerCallback(req.text("tg.button_outdated"));
                return;
            }
            reply.write(store.vote(req.userId(), a.id(), -1, reason));
            reports.report(req.userId(), a.id(), reason);
            reply.answerCallback(req.text("tg.fb_thanks"));
            String done = Html.esc(req.text("tg.fb_stored", "id", a.id())) + "\n" + Html.i(req.text("tg.fb." + reason));
            if (req.chatId() != null) {
                reply.editOrSend(req.messageId(), done, List.of());
            }
        });
    }

    String deepLink(String answerId) {
        return "https://t.me/" + botUsername.get() + "?start=a_" + answerId;
    }

    /** /cite ID: the copyable citation and the link that reopens the same answer. */
    void cite(Request req, String id, Reply reply) {
        String clean = id.strip();
        if (clean.isEmpty()) {
            reply.html(Html.esc(req.text("tg.cite_usage")));
            return;
        }
        Optional<Answer> a = clean.length() > 32 ? Optional.empty() : answers.find(clean);
        if (a.isEmpty()) {
            reply.html(Html.esc(req.text("tg.cite_not_found", "id", Html.cut(clean, 32))));
            return;
        }
        String link = deepLink(a.get().id());
        String page = publicUrl == null ? null : publicUrl + "/a/" + a.get().id();
        Lang lang = a.get().language();
        html.citation(a.get(), lang, page != null ? page : link).forEach(reply::html);
        reply.html(Html.esc(texts.get("tg.cite_link", lang)) + "\n" + (page != null ? Html.link(page, page) + "\n" : "") + Html.link(link, link));
    }

    /** /start a_ID: the same answer again, exactly as first shown. */
    boolean reopen(Request req, String payload, Reply reply) {
        if (!payload.startsWith("a_")) {
            return false;
        }
        Optional<Answer> a = answers.find(payload.substring(2));
        if (a.isEmpty()) {
            reply.html(Html.esc(req.text("tg.cite_not_found", "id", Html.cut(payload.substring(2), 32))));
        } else {
            show(req, a.get(), reply);
        }
        return true;
    }

    /** Inline mode: the whole answer, then each side's own answer, each complete and carrying its id. */
    @Override
    public void inline(Request req, String inlineQueryId, String query, Reply reply) {
        String q = query == null ? "" : query.strip();
        List<InlineQueryResult> results = new ArrayList<>();
        if (!q.isEmpty() && q.length() <= MAX_QUESTION && inlineFlood.check(req.userId(), req.update().getUpdateId()) == FloodGuard.Verdict.ANSWER) {
            counters.question();
            Answer all = answers.answer(Question.of(q));
            Lang lang = all.language();
            results.add(article(all, lang, texts.get("tg.inline_all", lang)));
            for (Side s : all.sidesShown()) {
                if (results.size() >= INLINE_RESULTS) {
                    break;
                }
                Answer one = answers.answer(new Question(all.question(), all.language(), Set.of(s)));
                results.add(article(one, lang, texts.emoji(s) + " " + texts.label(s, lang)));
            }
            counters.answer();
            log.info("answered inline answer={} lang={} results={}", all.id(), all.language().code(), results.size());
        }
        reply.call(AnswerInlineQuery.builder().inlineQueryId(inlineQueryId).results(results).cacheTime(0).isPersonal(true).build());
    }

    private InlineQueryResult article(Answer a, Lang ui, String title) {
        String text = html.answer(a, ui, AnswerHtml.Form.SHORT).get(0);
        String description = a.statements().isEmpty() ? texts.get(a.inScope() ? "nothing_found" : "out_of_scope", ui)
                : a.statements().get(0).speaker() + ": " + a.statements().get(0).text();
        return InlineQueryResultArticle.builder().id(a.id()).title(Html.cut(title, 60))
                .description(Html.cut(description, 120))
                .inputMessageContent(InputTextMessageContent.builder().messageText(text).parseMode("HTML")
                        .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build()).build())
                .replyMarkup(Reply.markup(List.of(List.of(Button.link(texts.get("tg.inline_open", ui), deepLink(a.id()))))))
                .build();
    }
}
