package qantar.telegram.citizen;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.inlinequery.inputmessagecontent.InputTextMessageContent;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResult;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultArticle;
import qantar.answer.Answer;
import qantar.answer.Question;
import qantar.corpus.Lang;
import qantar.corpus.Side;
import qantar.telegram.render.AnswerHtml;
import qantar.telegram.render.Button;
import qantar.telegram.render.Html;
import qantar.telegram.route.Reply;
import qantar.telegram.route.Request;

/** Inline mode: the whole answer, then each side's own answer, each complete and carrying its id. */
final class InlineAnswers {
    private static final Logger log = LoggerFactory.getLogger(InlineAnswers.class);
    static final int INLINE_RESULTS = 5;
    static final int INLINE_PER_MINUTE = 30;

    private final AnswerParts parts;
    /** Inline queries come as the user types: their own, larger budget, which never uses up the chat's. */
    private final FloodGuard inlineFlood = new FloodGuard(INLINE_PER_MINUTE);

    InlineAnswers(AnswerParts parts) {
        this.parts = parts;
    }

    void inline(Request req, String inlineQueryId, String query, Reply reply) {
        String q = query == null ? "" : query.strip();
        List<InlineQueryResult> results = new ArrayList<>();
        if (!q.isEmpty() && q.length() <= AnswerFlow.MAX_QUESTION
                && inlineFlood.check(req.userId(), req.update().getUpdateId()) == FloodGuard.Verdict.ANSWER) {
            parts.counters().question();
            Answer all = parts.answers().answer(Question.of(q));
            Lang lang = all.language();
            results.add(article(all, lang, parts.texts().get("tg.inline_all", lang)));
            for (Side s : all.sidesShown()) {
                if (results.size() >= INLINE_RESULTS) {
                    break;
                }
                Answer one = parts.answers().answer(new Question(all.question(), all.language(), Set.of(s)));
                results.add(article(one, lang, parts.texts().emoji(s) + " " + parts.texts().label(s, lang)));
            }
            parts.counters().answer();
            log.info("answered inline answer={} lang={} results={}", all.id(), all.language().code(), results.size());
        }
        reply.call(AnswerInlineQuery.builder().inlineQueryId(inlineQueryId).results(results).cacheTime(0).isPersonal(true).build());
    }

    private InlineQueryResult article(Answer a, Lang ui, String title) {
        String text = parts.html().answer(a, ui, AnswerHtml.Form.SHORT).get(0);
        String description = a.statements().isEmpty() ? parts.texts().get(a.inScope() ? "nothing_found" : "out_of_scope", ui)
                : a.statements().get(0).speaker() + ": " + a.statements().get(0).text();
        return InlineQueryResultArticle.builder().id(a.id()).title(Html.cut(title, 60))
                .description(Html.cut(description, 120))
                .inputMessageContent(InputTextMessageContent.builder().messageText(text).parseMode("HTML")
                        .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build()).build())
                .replyMarkup(Reply.markup(List.of(List.of(Button.link(parts.texts().get("tg.inline_open", ui), parts.citations().deepLink(a.id()))))))
                .build();
    }
}
