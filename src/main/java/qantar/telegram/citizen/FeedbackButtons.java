package qantar.telegram.citizen;

import java.util.ArrayList;
import java.util.List;
import qantar.answer.AnswerService;
import qantar.moderation.Role;
import qantar.telegram.api.TelegramStore;
import qantar.telegram.render.Button;
import qantar.telegram.render.Html;
import qantar.telegram.route.CommandRegistry;
import qantar.telegram.route.Reply;
import qantar.telegram.route.Request;

/** 👍 and 👎 under an answer: a vote, and for 👎 the reason, which also goes to the moderators' queue. */
final class FeedbackButtons {
    private static final List<String> REASONS = List.of("side", "fact", "missing", "other");

    private final AnswerService answers;
    private final TelegramStore store;
    private volatile ReportSink reports = ReportSink.NONE;

    FeedbackButtons(AnswerService answers, TelegramStore store) {
        this.answers = answers;
        this.store = store;
    }

    void reportsTo(ReportSink sink) {
        reports = sink;
    }

    void register(CommandRegistry r) {
        r.callback("up", Role.CITIZEN, this::up);
        r.callback("dn", Role.CITIZEN, this::down);
        r.callback("why", Role.CITIZEN, this::why);
    }

    private void up(Request req, String id, Reply reply) {
        StoredAnswers.find(answers, req, id, reply).ifPresent(a -> {
            reply.write(store.vote(req.userId(), a.id(), 1, null));
            reply.answerCallback(req.text("tg.fb_thanks"));
        });
    }

    private void down(Request req, String id, Reply reply) {
        StoredAnswers.find(answers, req, id, reply).ifPresent(a -> {
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
        StoredAnswers.find(answers, req, id, reply).ifPresent(a -> {
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
}
