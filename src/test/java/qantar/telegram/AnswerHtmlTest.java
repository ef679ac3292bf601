package qantar.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import qantar.answer.Answer;
import qantar.answer.SourceRef;
import qantar.answer.Statement;
import qantar.config.Texts;
import qantar.corpus.Lang;
import qantar.corpus.Side;
import qantar.telegram.render.AnswerHtml;
import qantar.telegram.render.Html;

class AnswerHtmlTest {
    static final Texts TEXTS = Texts.load(BotHarness.CONFIG);

    /** An answer far over 4096 characters, with text that must be escaped. */
    static Answer longAnswer() {
        List<Statement> statements = new ArrayList<>();
        List<SourceRef> sources = new ArrayList<>();
        int n = 0;
        for (Side side : List.of(Side.OFFICIAL, Side.HRW, Side.INDEPENDENT, Side.OTHER)) {
            for (int i = 0; i < 6; i++) {
                String id = "s" + n;
                statements.add(new Statement(side, "Speaker <" + n + "> & Co", ("Statement " + n + " says <b>that</b> & more. ").repeat(12),
                        "p" + n, id, false, i % 2 == 0, Lang.RU, i == 1 ? "caveat & <note>" : null));
                sources.add(new SourceRef(id, side, "Title " + n + " <x>", "Publisher & Co", "2022-01-1" + (n % 10),
                        "https://example.org/" + n + "?a=1&b=2", null));
                n++;
            }
        }
        return new Answer("abcd2345", "Question <with> & marks?", Lang.RU, true, statements, List.of(Side.MLECHIN_BOOK), sources,
                null, 3, "2025-11-25T10:00:00Z", 0.9);
    }

    @Test
    void aLongAnswerIsSplitBetweenStatementsIntoMessagesTelegramAccepts() {
        Answer a = longAnswer();
        List<String> parts = new AnswerHtml(TEXTS).answer(a, Lang.RU, AnswerHtml.Form.FULL);
        assertThat(parts.size()).isGreaterThan(1);
        StringBuilder all = new StringBuilder();
        for (String p : parts) {
            String text = TelegramHtml.parse(p); // throws like Telegram would on a broken tag or entity
            assertThat(text.length()).isLessThanOrEqualTo(4096);
            assertThat(Html.entities(p)).isLessThanOrEqualTo(Html.MAX_ENTITIES);
            assertThat(text.strip()).as("no part ends with a side header alone").doesNotEndWith("Human Rights Watch")
                    .doesNotEndWith("Независимые журналисты").doesNotEndWith("Другие голоса");
            all.append(text).append('\n');
        }
        for (Statement s : a.statements()) {
            // every statement arrives whole, inside one message
            assertThat(parts.stream().filter(p -> TelegramHtml.parse(p).contains(s.text().strip()))).hasSize(1);
        }
        assertThat(all).contains("По этому вопросу в корпусе ничего не нашлось от: Книга Млечина", "Ответ: abcd2345");
    }

    @Test
    void messagesAreFilledUpToTelegramsCountOfVisibleCharactersNotTheirHtml() {
        String link = "<a href=\"https://example.org/" + "%D0%B0".repeat(300) + "\">x</a>";
        List<String> blocks = java.util.Collections.nCopies(20, link + " " + "y".repeat(150));
        List<String> parts = Html.pack(blocks, Html.MAX_MESSAGE);
        assertThat(parts).hasSize(1); // 20 x 152 visible characters, though the HTML is over 40,000
        assertThat(Html.visibleLength("a &lt;b&gt; &amp; &#128512; <b>c</b>")).isEqualTo(TelegramHtml.parse("a &lt;b&gt; &amp; &#128512; <b>c</b>").length());
    }

    @Test
    void aCompactAnswerFitsOneMessageWithOneStatementPerSide() {
        Answer a = longAnswer();
        List<String> parts = new AnswerHtml(TEXTS).answer(a, Lang.EN, AnswerHtml.Form.SHORT);
        assertThat(parts).hasSize(1);
        String text = TelegramHtml.parse(parts.get(0));
        assertThat(text.length()).isLessThanOrEqualTo(4096);
        assertThat(text).contains("Statement 0 ", "Statement 6 ").doesNotContain("Statement 1 ");
        assertThat(text).contains("Answer: abcd2345");
    }

    @Test
    void aLongCitationIsSplitIntoCopyableBlocks() {
        List<String> parts = new AnswerHtml(TEXTS).citation(longAnswer(), Lang.EN, "https://t.me/bot?start=a_abcd2345");
        assertThat(parts.size()).isGreaterThan(1);
        for (String p : parts) {
            assertThat(p).startsWith("<pre>").endsWith("</pre>");
            assertThat(TelegramHtml.parse(p).length()).isLessThanOrEqualTo(4096);
        }
        assertThat(String.join("", parts)).contains("https://example.org/0?a=1&amp;b=2", "https://t.me/bot?start=a_abcd2345");
    }

    @Test
    void aModelWrittenSummaryIsLabelledWithThePassagesItStandsOn() {
        Statement summary = new Statement(Side.OFFICIAL, "Генпрокуратура", "По данным ведомства, погибли 225 человек <всего>.", "t1-a", "s1",
                false, false, Lang.RU, null, true, List.of("t1-a", "t1-b"));
        Statement passage = new Statement(Side.HRW, "HRW", "HRW задокументировала гибель людей.", "h1-a", "s2", false, false, Lang.RU, null);
        Answer a = new Answer("abcd2346", "Сколько погибло?", Lang.RU, true, List.of(summary, passage), List.of(),
                List.of(new SourceRef("s1", Side.OFFICIAL, "T1", "P1", "2022-01-15", "https://example.org/1", null),
                        new SourceRef("s2", Side.HRW, "T2", "P2", "2022-01-16", "https://example.org/2", null)),
                null, 3, "2025-11-25T10:00:00Z", 0.9);
        String text = TelegramHtml.parse(new AnswerHtml(TEXTS).answer(a, Lang.EN, AnswerHtml.Form.FULL).get(0));
        assertThat(text).contains("225 человек <всего>. [1] (summary of [p:t1-a], [p:t1-b])");
        assertThat(text).contains("HRW задокументировала гибель людей. [2]").doesNotContain("[2] (summary");
        assertThat(TelegramHtml.parse(new AnswerHtml(TEXTS).answer(a, Lang.RU, AnswerHtml.Form.FULL).get(0))).contains("(пересказ [p:t1-a], [p:t1-b])");
    }

    @Test
    void aSidesNearestPassageIsMarkedAsPerhapsNoAnswer() {
        Statement answer = new Statement(Side.OFFICIAL, "Генпрокуратура", "Погибли 238 человек.", "t1-a", "s1", false, false, Lang.RU, null);
        Statement nearest = new Statement(Side.HRW, "HRW", "HRW задокументировала аресты.", "h1-a", "s2", false, false, Lang.RU, null).asNearest();
        Answer a = new Answer("abcd2348", "Сколько погибло?", Lang.RU, true, List.of(answer, nearest), List.of(),
                List.of(new SourceRef("s1", Side.OFFICIAL, "T1", "P1", "2022-01-15", "https://example.org/1", null),
                        new SourceRef("s2", Side.HRW, "T2", "P2", "2022-01-16", "https://example.org/2", null)),
                null, 3, "2025-11-25T10:00:00Z", 0.9);
        String text = TelegramHtml.parse(new AnswerHtml(TEXTS).answer(a, Lang.RU, AnswerHtml.Form.FULL).get(0));
        assertThat(text).containsOnlyOnce("≈").contains("HRW задокументировала аресты. [2]\n   ≈ ближайшее, что есть у этой стороны; может не отвечать на вопрос");
        assertThat(text.substring(0, text.indexOf("[1]") + 3)).doesNotContain("≈");
    }
}
