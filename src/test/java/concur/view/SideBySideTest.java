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
import java.util.stream.Collectors;
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

    /** The finished table alone, as after a redraw: header, rows, verdict and legends. */
    private static List<String> table(Screen screen, boolean fullExpected, List<String> expected, OutputLine... lines)
            throws Exception {
        Expectation expectation = Expectation.parse(expected, 10);
        List<OutputLine> output = List.of(lines);
        RunResult run = new RunResult(output, output.size(), output, Duration.ofMillis(1234), new Outcome.Exited(0));
        StringWriter text = new StringWriter();
        SideBySide view = new SideBySide(screen, new PrintWriter(text, true), expectation.displayLines(), fullExpected);
        view.header();
        view.finish(Verdict.of(expectation, run), run);
        return text.toString().lines().toList();
    }

    private static final Screen TERMINAL_80 = new Screen(true, false, 80);
    private static final Screen NARROW_60 = new Screen(false, false, 60);

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
                .contains("= matched   x does not match   - missing");
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
    void theRedrawGoesBackOverEveryScreenRowALongLiveLineTook() throws Exception {
        String longLine = "a line that does not fit its column ".repeat(3).strip(); // 110 characters
        String shown = show(
                TERMINAL_80,
                List.of("short", "{any}"),
                List.of(OutputLine.out(5, "main", "short"), OutputLine.out(9, "main", longLine)),
                new Outcome.Exited(0));

        // 1 row for the short line, 2 for the long one (57 columns wide, as the expected text gave way)
        assertThat(shown).contains("\r\u001b[3A").doesNotContain("…");
    }

    @Test
    void aNarrowScreenStacksTheExpectedLineUnderTheOutputWhereItDidNotMatch() throws Exception {
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
                        "x main          THREE",
                        "    expected    three")
                .doesNotContain("    expected    count «integer»");
        assertThat(shown.lines()).allMatch(line -> line.length() <= 60);
    }

    @Test
    void theFullExpectedColumnShowsMatchedLinesTooInWords() throws Exception {
        List<String> stacked = table(
                NARROW_60,
                true,
                List.of("one", "count {int}"),
                OutputLine.out(5, "main", "one"),
                OutputLine.out(9, "main", "count 2"));
        assertThat(stacked).contains("= main          count 2", "    expected    count «integer»");

        String longLine = "count 2 " + "and so on ".repeat(8);
        List<String> beside =
                table(TERMINAL_80, true, List.of("count {int} {any}"), OutputLine.out(9, "main", longLine.strip()));
        assertThat(String.join("\n", beside)).contains("count «integer» «anything»");
        assertThat(table(TERMINAL_80, false, List.of("count {int} {any}"), OutputLine.out(9, "main", longLine.strip())))
                .noneMatch(row -> row.contains("«"));
    }

    @Test
    void aLongOutputLineWrapsWholeAtEveryWidthAndIsNeverCut() throws Exception {
        StringBuilder words = new StringBuilder();
        for (int i = 0; words.length() < 300; i++) {
            words.append("word").append(i).append(' ');
        }
        String spaced = words.toString().strip();
        String solid = "0123456789".repeat(30);
        for (Screen screen : List.of(TERMINAL_80, new Screen(true, true, 80), NARROW_60, Screen.plain())) {
            for (String line : List.of(spaced, solid)) {
                for (List<String> expected : List.of(List.of("{any}"), List.of("something else"))) {
                    List<String> rows = table(screen, false, expected, OutputLine.out(5, "main", line));
                    String outputColumn = rows.stream()
                            .skip(1) // the header
                            .takeWhile(row -> !row.contains("FAIL") && !row.contains("PASS"))
                            .filter(row -> !row.contains("expected ")) // a stacked expected line
                            .map(row -> row.replaceAll("\u001b\\[[0-9;]*m", "").split(" [|│]( |$)")[0])
                            .map(row -> row.substring(Math.min(row.length(), screen.tty() ? 23 : 16)))
                            .collect(Collectors.joining());
                    assertThat(outputColumn.replace(" ", ""))
                            .as("%s on %s beside %s", line, screen, expected)
                            .isEqualTo(line.replace(" ", ""));
                    assertThat(rows).as("on %s", screen).noneMatch(row -> row.contains("…"));
                    assertThat(rows.stream()
                                    .map(row -> row.replaceAll("\u001b\\[[0-9;]*m", ""))
                                    .filter(row ->
                                            screen.tty() || !row.startsWith("FAIL"))) // piped: one line, for grep
                            .allMatch(row -> row.length() <= screen.width());
                }
            }
        }
    }

    @Test
    void aFailingLineNeverShowsTheMatchedMark() throws Exception {
        for (Screen screen : List.of(Screen.plain(), TERMINAL_80, new Screen(true, true, 100), NARROW_60)) {
            String matched = screen.unicode() ? "✓" : "=";
            // a bound not met, a capture that does not repeat, and the lines after each, which were never checked
            List<String> bound = table(
                    screen,
                    false,
                    List.of("speedup {num >= 1.3}", "done"),
                    OutputLine.out(5, "main", "speedup 0.87"),
                    OutputLine.out(6, "main", "done"));
            List<String> capture = table(
                    screen,
                    false,
                    List.of("parent {pid:p}", "child says parent is {pid:p}", "done"),
                    OutputLine.out(5, "main", "parent 41"),
                    OutputLine.out(6, "main", "child says parent is 1"),
                    OutputLine.out(7, "main", "done"));
            List<String> order = table(
                    screen,
                    false,
                    List.of(":: per-thread", "[w] put A", "[r] got A", "[r] got B", ":: end", "done"),
                    OutputLine.out(5, "w", "put A"),
                    OutputLine.out(6, "r", "got B"),
                    OutputLine.out(7, "r", "got A"),
                    OutputLine.out(8, "main", "done"));
            for (List<String> rows : List.of(bound, capture, order)) {
                assertThat(rows).as("on %s: %s", screen, rows).anyMatch(row -> row.contains("FAIL"));
                assertThat(rows)
                        .as("on %s: %s", screen, rows)
                        .filteredOn(row -> row.matches(".*(speedup 0.87|parent is 1|done|got A)\\s*(\\||│|$).*"))
                        .isNotEmpty()
                        .noneMatch(row -> row.startsWith(matched));
            }
        }
    }

    @Test
    void theWordsLegendAppearsExactlyWhenAPlaceholderIsShown() throws Exception {
        String legend = "«…» varies from run to run";
        assertThat(table(Screen.plain(), false, List.of("plain text"), OutputLine.out(5, "main", "plain text")))
                .noneMatch(row -> row.contains(legend));
        assertThat(table(Screen.plain(), false, List.of("count {int}"), OutputLine.out(5, "main", "count 2")))
                .contains("= main          count 2" + " ".repeat(44) + "| count «integer»")
                .anyMatch(row -> row.contains(legend));
        // matched and too long to sit beside its expected line: the placeholder gives way, and so does the legend
        String longLine = "count 2, " + "and more ".repeat(6);
        assertThat(table(TERMINAL_80, false, List.of("count {int}, {any}"), OutputLine.out(5, "main", longLine)))
                .noneMatch(row -> row.contains("«") || row.contains(legend));
        // a capture by name, per-thread lines, a regex: each explained
        assertThat(String.join(
                        "\n",
                        table(
                                Screen.plain(),
                                false,
                                List.of(":: per-thread", "[w] pid {pid:w}", ":: end", "{/yes|no/} {pid:w}"),
                                OutputLine.out(5, "w", "pid 7"),
                                OutputLine.out(6, "main", "yes 7"))))
                .contains("[w] pid «w»", "«/yes|no/» «w»", legend, "«w» is the same value each time", "[w] a line of")
                .contains("«/…/» text that fits a regular expression");
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
    void wrappingBreaksAtASpaceInTheSecondHalfOfARowElseAtTheWidth() {
        assertThat(SideBySide.wrap("abcdefghij", 4)).containsExactly("abcd", "efgh", "ij");
        assertThat(SideBySide.wrap("abc def ghi", 8)).containsExactly("abc def", "ghi");
        assertThat(SideBySide.wrap("a bcdefghij", 8)).containsExactly("a bcdefg", "hij");
        assertThat(SideBySide.wrap("abc", 5)).containsExactly("abc");
        assertThat(SideBySide.wrap("", 5)).containsExactly("");
    }
}
