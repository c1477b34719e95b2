package concur.view;

import static org.assertj.core.api.Assertions.assertThat;

import concur.check.Expectation;
import concur.run.Outcome;
import concur.run.OutputLine;
import concur.run.RunResult;
import concur.step.Verdict;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowBufferTest {
    private final RowBuffer buffer = new RowBuffer();
    private final PrintWriter out = new PrintWriter(buffer, true);

    @Test
    void keepsEachLineAsARowAndTheLineNotYetEndedToo() {
        out.println("one");
        out.print("two, so far");

        assertThat(buffer.rows()).containsExactly("one", "two, so far");
    }

    @Test
    void aCursorUpLetsLaterLinesReplaceTheRowsAboveAsATerminalWould() {
        out.println("live 1");
        out.println("live 2");
        out.println("live 3");
        out.print("\r\u001b[3A");
        out.println("\u001b[2Ktable 1");
        out.println("\u001b[2Ktable 2");

        assertThat(buffer.rows()).containsExactly("table 1", "table 2", "live 3");
    }

    @Test
    void keepsColoursInTheText() {
        out.println("\u001b[32mPASS\u001b[0m done");

        assertThat(buffer.rows()).containsExactly("\u001b[32mPASS\u001b[0m done");
    }

    @Test
    void aRedrawnLiveTableEndsAsTheFinishedTableAloneWouldBe() throws Exception {
        Screen screen = new Screen(true, true, 80);
        Expectation expectation = Expectation.parse(List.of("one", "two", "three"), 1);
        List<OutputLine> lines = List.of(OutputLine.out(5, "main", "one"), OutputLine.out(9, "main", "two"));
        RunResult run = new RunResult(lines, lines.size(), lines, Duration.ofMillis(12), new Outcome.Exited(0));

        SideBySide live = new SideBySide(screen, out, expectation.displayLines());
        live.header();
        lines.forEach(live::live);
        live.finish(Verdict.of(expectation, run), run);

        StringWriter alone = new StringWriter();
        SideBySide finished = new SideBySide(screen, new PrintWriter(alone, true), expectation.displayLines());
        finished.header();
        finished.finish(Verdict.of(expectation, run), run);
        assertThat(buffer.rows())
                .containsExactlyElementsOf(alone.toString().lines().toList());
    }

    @Test
    void aFloodKeepsItsNewestRows() {
        for (int i = 0; i < RowBuffer.MAX_ROWS + 10; i++) {
            out.println("row " + i);
        }

        assertThat(buffer.rows()).hasSize(RowBuffer.MAX_ROWS).endsWith("row " + (RowBuffer.MAX_ROWS + 9));
    }
}
