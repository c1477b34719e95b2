package concur.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void leavesOrdinaryTextAloneWithoutCopyingIt() {
        String text = "héllo\twörld → ✓ 𝄞 \\x1b [main] 1.5s";
        assertThat(Printable.of(text)).isSameAs(text);
    }

    @Test
    void showsEscapeSequencesAsReadableEscapesSoTheTerminalNeverObeysThem() {
        assertThat(Printable.of("\u001b[2J\u001b[Hred \u001b[31mx\u001b[0m"))
                .isEqualTo("\\x1b[2J\\x1b[Hred \\x1b[31mx\\x1b[0m");
        assertThat(Printable.of("\u001b]52;c;ZXZpbA==\u0007")).isEqualTo("\\x1b]52;c;ZXZpbA==\\x07");
        assertThat(Printable.of("\u001b]0;pwned\u001b\\")).isEqualTo("\\x1b]0;pwned\\x1b\\");
    }

    @Test
    void escapesEveryC0ControlButTabAndDelAndTheC1Controls() {
        for (char c = 0; c < 0x20; c++) {
            assertThat(Printable.of("a" + c + "b"))
                    .as("U+%04X", (int) c)
                    .isEqualTo(c == '\t' ? "a\tb" : String.format("a\\x%02xb", (int) c));
        }
        assertThat(Printable.of("\u007f")).isEqualTo("\\x7f");
        assertThat(Printable.of("\u009b31m\u0080\u009f\u00a0")).isEqualTo("\\x9b31m\\x80\\x9f\u00a0");
    }

    @Test
    void escapesBidiOverridesAndIsolatesThatWouldReorderTheLine() {
        assertThat(Printable.of("abc\u202edef\u202c \u2066x\u2069 \u202a\u202b\u202d\u2067\u2068"))
                .isEqualTo("abc\\u202edef\\u202c \\u2066x\\u2069 \\u202a\\u202b\\u202d\\u2067\\u2068");
        assertThat(Printable.of("\u200e\u2065\u206a")).isEqualTo("\u200e\u2065\u206a");
    }

    @Test
    void escapesALoneSurrogateAndTheNoncharactersXmlForbidsButKeepsPairs() {
        assertThat(Printable.of("a\ud800b\udc00c\ud834\udd1e\ufffe\uffff\ufffd"))
                .isEqualTo("a\\ud800b\\udc00c\ud834\udd1e\\ufffe\\uffff\ufffd");
        assertThat(Printable.of("end\ud834")).isEqualTo("end\\ud834");
    }

    @Test
    void keepsNewlinesInTextOfSeveralLinesButNotInOneLine() {
        assertThat(Printable.of("one\ntwo\r\n")).isEqualTo("one\\x0atwo\\x0d\\x0a");
        assertThat(Printable.text("one\ntwo\r\n\u001b[2J")).isEqualTo("one\ntwo\\x0d\n\\x1b[2J");
    }

    @Test
    void isIdempotentSoTextMadePrintableTwiceIsUnchanged() {
        String once = Printable.text("\u001b[31m\u202e\ud800\n\u0000");
        assertThat(Printable.text(once)).isEqualTo(once);
        assertThat(Printable.of(Printable.of("\u001b"))).isEqualTo("\\x1b");
    }

    @Test
    void everyOutputLineAndThreadDumpIsPrintableByConstruction() {
        OutputLine line = OutputLine.out(0, "evil\u001b]0;title\u0007", "\u001b[2Jcleared");
        assertThat(line.thread()).isEqualTo("evil\\x1b]0;title\\x07");
        assertThat(line.text()).isEqualTo("\\x1b[2Jcleared");
        Outcome.TimedOut timedOut =
                new Outcome.TimedOut(Duration.ofSeconds(1), "\"t\u001b[H\" RUNNABLE\n    at X.main\n");
        assertThat(timedOut.threadDump()).isEqualTo("\"t\\x1b[H\" RUNNABLE\n    at X.main\n");
    }
}
