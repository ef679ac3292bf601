package qantar.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The last guard of the bot token: nothing printed shows it, however it was written. */
class RedactingPrintStreamTest {
    private static final String TOKEN = "123456:AAE-secret_token";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream stream = new RedactingPrintStream(out, TOKEN);

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLineWithTheTokenShowsStarsInstead() {
        stream.println("GET https://api.telegram.org/bot" + TOKEN + "/getUpdates failed; again bot" + TOKEN);
        assertThat(printed()).isEqualTo("GET https://api.telegram.org/bot***/getUpdates failed; again bot***\n");
    }

    @Test
    void aTokenWrittenInPiecesIsStillCaught() {
        stream.print("url=bot" + TOKEN.substring(0, 5));
        stream.flush(); // a flush mid-line lets nothing out: the rest of the token may follow
        assertThat(printed()).isEmpty();
        stream.print(TOKEN.substring(5) + "/x");
        stream.write('\n');
        assertThat(printed()).isEqualTo("url=bot***/x\n");
    }

    @Test
    void aStackTraceIsRedactedLineByLine() {
        new IllegalStateException("cannot reach https://api.telegram.org/bot" + TOKEN + "/sendMessage").printStackTrace(stream);
        assertThat(printed()).contains("bot***/sendMessage").doesNotContain(TOKEN).contains("\tat ");
    }

    @Test
    void theLastLineWithoutANewlineLeavesOnClose() {
        stream.print("Завершено: " + TOKEN);
        stream.close();
        assertThat(printed()).isEqualTo("Завершено: ***");
    }

    @Test
    void withoutASecretTextPassesUnchanged() {
        PrintStream plain = new RedactingPrintStream(out, "");
        plain.println("Сұрақ қабылданды ✓");
        assertThat(printed()).isEqualTo("Сұрақ қабылданды ✓\n");
    }
}
