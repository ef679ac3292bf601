package qantar.telegram.citizen;

import qantar.answer.AnswerService;
import qantar.config.Texts;
import qantar.telegram.api.Counters;
import qantar.telegram.render.AnswerHtml;

/** What answering in a chat and answering inline both use: the answers, their texts and renders, the counters and citations. */
record AnswerParts(AnswerService answers, Texts texts, AnswerHtml html, Counters counters, Citations citations) {
}
