package qantar.telegram.render;

import java.util.List;
import qantar.answer.Answer;
import qantar.config.Texts;

/** How big an answer is as a citizen receives it in a private chat: visible characters and messages. */
public final class AnswerSizes {
    public record Size(int visibleChars, int messages) {
    }

    private final AnswerHtml html;

    public AnswerSizes(Texts texts) {
        this.html = new AnswerHtml(texts);
    }

    /** The answer in the private-chat default form (compact), as Telegram counts its length. */
    public Size privateDefault(Answer a) {
        List<String> parts = html.answer(a, a.language(), AnswerHtml.Form.COMPACT);
        return new Size(parts.stream().mapToInt(Html::visibleLength).sum(), parts.size());
    }
}
