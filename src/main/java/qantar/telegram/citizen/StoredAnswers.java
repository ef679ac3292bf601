package qantar.telegram.citizen;

import java.util.Optional;
import qantar.answer.Answer;
import qantar.answer.AnswerService;
import qantar.telegram.route.Reply;
import qantar.telegram.route.Request;

/** The stored answer a button names, or a notice on the button that it is not found. */
final class StoredAnswers {
    private StoredAnswers() {
    }

    static Optional<Answer> find(AnswerService answers, Request req, String id, Reply reply) {
        Optional<Answer> a = id.isBlank() ? Optional.empty() : answers.find(id);
        if (a.isEmpty()) {
            reply.answerCallback(req.text("tg.cite_not_found", "id", id));
        }
        return a;
    }
}
