package qantar.telegram.citizen;

import java.util.Optional;
import java.util.function.Supplier;
import qantar.answer.Answer;
import qantar.answer.AnswerService;
import qantar.config.Texts;
import qantar.corpus.Lang;
import qantar.telegram.render.AnswerHtml;
import qantar.telegram.render.Html;
import qantar.telegram.route.Reply;
import qantar.telegram.route.Request;

/** /cite ID and the links that reopen an answer: in the bot (a deep link) and on the web pages. */
final class Citations {
    private final AnswerService answers;
    private final Texts texts;
    private final AnswerHtml html;
    private final Supplier<String> botUsername;
    /** The web pages' address (QANTAR_PUBLIC_URL): citations link there first, for readers outside Telegram. */
    private final String publicUrl;

    Citations(AnswerService answers, Texts texts, AnswerHtml html, Supplier<String> botUsername) {
        this.answers = answers;
        this.texts = texts;
        this.html = html;
        this.botUsername = botUsername;
        String site = qantar.config.Locations.setting("QANTAR_PUBLIC_URL");
        this.publicUrl = site == null || site.isBlank() ? null : site.strip().replaceAll("/+$", "");
    }

    String deepLink(String answerId) {
        return "https://t.me/" + botUsername.get() + "?start=a_" + answerId;
    }

    /** The copyable citation and the link that reopens the same answer. */
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
}
