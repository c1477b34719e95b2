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

class SideBySideTest {
    private final StringWriter text = new StringWriter();

    private String show(Screen screen, List<String> expected, List<OutputLine> lines, Outcome outcome)
            throws Exception {
        Expectation expectation = Expectation.parse(expected, 10);
        RunResult run = new RunResult(lines, lines.size(), lines, Duration.ofMillis(1234), outcome);
        SideBySide view = new SideBySide(screen, new PrintWriter(text, true), expectation.displayLines());
        view.header();
        lines.forEach(view::live);
        view.finish(Verdict.of(expectation, run), run);
        return text.toString();
    }

    @Test
    void marksEveryKindOfDifference() throws Exception {
        String shown = show(
                Screen.plain(),
                List.of("one", "two", "three"),
                List.of(OutputLine.out(5, "main", "one"), OutputLine.out(9, "main", "TWO")),
                new Outcome.Exited(0));

        assertThat(shown)
                .containsPattern("(?m)^= main +one +\\| one$")
                .containsPattern("(?m)^x main +TWO +\\| two$")
                .containsPattern("(?m)^- +\\| three$")
                .contains("FAIL  line 11: expected \"two\" but got \"TWO\"")
                .contains("= matched   x differs   - missing   + extra\n");
    }

    @Test
    void aTimedOutRunShowsItsLastLinesAndThreadDump() throws Exception {
        String shown = show(
                Screen.plain(),
                List.of("start", "done"),
                List.of(OutputLine.out(5, "main", "start")),
                new Outcome.TimedOut(Duration.ofSeconds(2), "\"reader\" WAITING on queue\n"));

        assertThat(shown)
                .contains(
                        "Last lines before the time limit:",
                        "  main: start",
                        "Thread dump (which thread waits on what):",
                        "  \"reader\" WAITING on queue",
                        "FAIL  timed out after 2.00 s");
    }

    @Test
    void anExampleCannotClearTheScreenSetTheTitleOrWriteTheClipboardOnAnyView() throws Exception {
        String hostile = "\u001b[2J\u001b[H\u001b]0;title\u0007\u001b]52;c;eA==\u0007\u009b2J\u202eevil\r\b";
        List<OutputLine> lines = List.of(OutputLine.out(5, "t\u001b[31m", hostile));
        Outcome timedOut = new Outcome.TimedOut(Duration.ofSeconds(2), "\"t\u001b]0;x\u0007\" WAITING\n");

        for (Screen screen : List.of(Screen.plain(), new Screen(true, true, 100), new Screen(true, true, 60))) {
            String shown = show(screen, List.of("one"), lines, timedOut);
            String withoutOwnCodes =
                    shown.replaceAll("\r?\u001b\\[[0-9;]*[mAK]", ""); // concur's own colours and redraw
            assertThat(withoutOwnCodes)
                    .as("on %s", screen)
                    .doesNotContain("\u001b", "\u0007", "\u009b", "\u202e", "\r", "\b")
                    .contains("\\x1b[2J\\x1b[H\\x1b]0;", "\"t\\x1b]0;x\\x07\" WAITING");
        }
    }

    @Test
    void saysHowManyLinesAndBytesWereNotShown() throws Exception {
        Expectation expectation = Expectation.parse(List.of("one"), 10);
        List<OutputLine> lines = List.of(OutputLine.out(5, "main", "one"));
        RunResult run = new RunResult(
                lines,
                1_000_000,
                lines,
                Duration.ofMillis(1234),
                new Outcome.Exited(0),
                true,
                List.of(),
                new RunResult.NotShown(8_888_890, java.util.Optional.empty()));
        SideBySide view = new SideBySide(Screen.plain(), new PrintWriter(text, true), expectation.displayLines());
        view.finish(Verdict.of(expectation, run), run);

        assertThat(text.toString())
                .contains("… 999,999 more lines not kept, 8,888,890 bytes not shown\n")
                .contains("FAIL  printed 1,000,000 lines; concur keeps the first 1 (8,888,890 bytes not shown)");
    }

    @Test
    void aTerminalSeesLinesLiveThenTheRedrawnTableInColour() throws Exception {
        String shown = show(
                new Screen(true, true, 100),
                List.of("one"),
                List.of(OutputLine.out(5, "main", "one")),
                new Outcome.Exited(0));

        assertThat(shown)
                .contains("0.01s")
                .contains("\u001b[1A")
                .contains("\u001b[2K")
                .contains("\u001b[32mPASS\u001b[0m");
    }

    @Test
    void aNarrowScreenStacksTheExpectedLineUnderTheOutputWhereTheyDiffer() throws Exception {
        String shown = show(
                new Screen(false, false, 60),
                List.of("one", "count {int}", "three"),
                List.of(
                        OutputLine.out(5, "main", "one"),
                        OutputLine.out(9, "main", "count 2"),
                        OutputLine.out(9, "main", "THREE")),
                new Outcome.Exited(0));

        assertThat(shown.lines().toList())
                .contains(
                        "= main          one",
                        "= main          count 2",
                        "    expected    count «integer»",
                        "x main          THREE",
                        "    expected    three");
        assertThat(shown.lines()).allMatch(line -> line.length() <= 60);
    }

    @Test
    void aPerThreadLabelAloneIsNoDifferenceWorthStacking() throws Exception {
        String shown = show(
                new Screen(false, false, 60),
                List.of(":: per-thread", "[worker] hello", ":: end"),
                List.of(OutputLine.out(5, "worker", "hello")),
                new Outcome.Exited(0));

        assertThat(shown).contains("= worker        hello").doesNotContain("expected    [worker]");
    }

    @Test
    void longLinesAreCutToTheirColumn() {
        assertThat(SideBySide.fit("abcdefghij", 5)).isEqualTo("abcd…");
        assertThat(SideBySide.fit("abc", 5)).isEqualTo("abc");
    }
}
