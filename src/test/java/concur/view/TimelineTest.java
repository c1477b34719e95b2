package concur.view;

import static org.assertj.core.api.Assertions.assertThat;

import concur.run.Outcome;
import concur.run.OutputLine;
import concur.run.OutputLine.Source;
import concur.run.RunResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimelineTest {
    private static final Screen PLAIN_80 = new Screen(false, false, 80);

    private static RunResult run(long totalMillis, OutputLine... lines) {
        return new RunResult(
                List.of(lines), lines.length, List.of(lines), Duration.ofMillis(totalMillis), new Outcome.Exited(0));
    }

    private static OutputLine err(long millis, String thread, String text) {
        return new OutputLine(Duration.ofMillis(millis), thread, Source.STDERR, text);
    }

    private static OutputLine untagged(long millis, String text) {
        return new OutputLine(Duration.ofMillis(millis), OutputLine.UNKNOWN_THREAD, Source.UNTAGGED, text);
    }

    /** Two tasks that each sleep 3 s on a pool of two: they overlap. */
    private static RunResult twoOverlappingTasks() {
        return run(
                3050,
                OutputLine.out(0, "main", "start"),
                OutputLine.out(2, "pool-1-thread-1", "task a sleeps"),
                OutputLine.out(3, "pool-1-thread-2", "task b sleeps"),
                OutputLine.out(3004, "pool-1-thread-1", "task a done"),
                OutputLine.out(3005, "pool-1-thread-2", "task b done"),
                OutputLine.out(3007, "main", "both done after 3.0 s"));
    }

    /** The row of a thread, without its label. */
    private static String plotOf(List<String> picture, String label) {
        String row = picture.stream()
                .filter(l -> l.startsWith(label + " "))
                .findFirst()
                .orElseThrow();
        String axis = picture.stream()
                .filter(l -> l.strip().startsWith("+"))
                .findFirst()
                .orElseThrow();
        return row.substring(axis.indexOf('+'));
    }

    private static int first(String plot) {
        return plot.length() - plot.stripLeading().length();
    }

    private static String stripAnsi(String line) {
        return line.replaceAll("\u001b\\[[0-9;]*m", "");
    }

    @Test
    void overlappingSpansShareColumnsAndSequentialOnesDoNot() {
        List<String> overlapping = Timeline.render(
                run(
                        6000,
                        OutputLine.out(0, "task-a", "start"),
                        OutputLine.out(0, "task-b", "start"),
                        OutputLine.out(3000, "task-a", "end"),
                        OutputLine.out(3000, "task-b", "end")),
                PLAIN_80);
        List<String> sequential = Timeline.render(
                run(
                        6000,
                        OutputLine.out(0, "task-a", "start"),
                        OutputLine.out(2900, "task-a", "end"),
                        OutputLine.out(3100, "task-b", "start"),
                        OutputLine.out(6000, "task-b", "end")),
                PLAIN_80);

        String a = plotOf(overlapping, "task-a");
        String b = plotOf(overlapping, "task-b");
        assertThat(b).isEqualTo(a);
        assertThat(first(a)).isZero();
        assertThat(a.length() - 1).isEqualTo((80 - 7 - 1) / 2);

        String first = plotOf(sequential, "task-a");
        String second = plotOf(sequential, "task-b");
        assertThat(first(first)).isZero();
        assertThat(first.length() - 1).as("task a ends before task b starts").isLessThan(first(second));
        assertThat(second.length() - 1).as("task b ends at the right edge").isEqualTo(80 - 7 - 1);
    }

    @Test
    void eachLineIsMarkedAtItsShareOfTheRun() {
        // label "t" and a space leave 101 columns: column = elapsed / total * 100
        List<String> picture = Timeline.render(
                run(
                        1000,
                        OutputLine.out(0, "t", "a"),
                        OutputLine.out(250, "t", "b"),
                        OutputLine.out(730, "t", "c"),
                        OutputLine.out(1000, "t", "d")),
                new Screen(false, false, 103));

        String plot = picture.get(0).substring(2);
        assertThat(IntStream.range(0, plot.length())
                        .filter(i -> plot.charAt(i) == '*')
                        .boxed()
                        .toList())
                .containsExactly(0, 25, 73, 100);
        assertThat(plot.chars().filter(c -> c == '-').count()).isEqualTo(101 - 4);
    }

    @Test
    void aLineAfterTheReportedTotalStretchesTheScale() {
        List<String> picture =
                Timeline.render(run(0, OutputLine.out(0, "t", "a"), OutputLine.out(500, "t", "b")), PLAIN_80);

        assertThat(picture.get(0)).isEqualTo("t *" + "-".repeat(76) + "*");
    }

    @Test
    void aRunWithEveryLineAtZeroStillHasAnAxis() {
        List<String> picture = Timeline.render(run(0, OutputLine.out(0, "main", "hi")), PLAIN_80);

        assertThat(picture.get(0)).isEqualTo("main *");
        assertThat(picture.get(2)).startsWith("     0s");
    }

    @Test
    void stderrLinesHaveTheirOwnMarkAndLegend() {
        List<String> picture =
                Timeline.render(run(1000, OutputLine.out(0, "main", "a"), err(1000, "main", "boom")), PLAIN_80);

        assertThat(picture.get(0)).startsWith("main *").endsWith("-!");
        assertThat(picture.get(picture.size() - 1)).contains("! stderr");
    }

    @Test
    void axisLabelsAreRoundTimesUnderTheirTicks() {
        assertThat(labels(3050, 80)).containsExactly("0s", "0.5s", "1.0s", "1.5s", "2.0s", "2.5s", "3.0s");
        assertThat(labels(3050, 60)).containsExactly("0s", "0.5s", "1.0s", "1.5s", "2.0s", "2.5s", "3.0s");
        assertThat(labels(3050, 45)).containsExactly("0s", "1s", "2s", "3s");
        assertThat(labels(120, 80)).containsExactly("0s", "20ms", "40ms", "60ms", "80ms", "100ms", "120ms");
        assertThat(labels(25_000, 80)).containsExactly("0s", "5s", "10s", "15s", "20s", "25s");
        assertThat(labels(3050, 200)).startsWith("0s", "0.2s", "0.4s").endsWith("2.8s", "3.0s");
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 80, 137, 200})
    void everyLabelStartsOrEndsUnderATick(int width) {
        for (long total : new long[] {7, 120, 999, 1000, 3050, 9_999, 61_000}) {
            List<String> picture =
                    Timeline.render(run(total, OutputLine.out(0, "main", "a")), new Screen(false, false, width));
            String axis = picture.get(1);
            String labels = picture.get(2);
            for (int start = labels.indexOf('0');
                    start >= 0;
                    start = labels.indexOf(' ', start) < 0 ? -1 : nonSpace(labels, labels.indexOf(' ', start))) {
                int end = (labels.indexOf(' ', start) < 0 ? labels.length() : labels.indexOf(' ', start)) - 1;
                assertThat(axis.charAt(start) == '+' || axis.charAt(end) == '+')
                        .as("label at %d of %s at width %d", start, labels, width)
                        .isTrue();
            }
        }
    }

    private static int nonSpace(String text, int from) {
        int at = from;
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
        return at < text.length() ? at : -1;
    }

    private static List<String> labels(long totalMillis, int width) {
        List<String> picture =
                Timeline.render(run(totalMillis, OutputLine.out(0, "main", "a")), new Screen(false, false, width));
        return Arrays.asList(picture.get(2).strip().split(" +"));
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 45, 60, 80, 120, 200})
    void noLineIsWiderThanTheScreen(int width) {
        for (RunResult run : List.of(twoOverlappingTasks(), manyThreads(10_000), withLongNames(), truncated())) {
            for (Screen screen : List.of(
                    new Screen(false, false, width), new Screen(true, false, width), new Screen(true, true, width))) {
                assertThat(Timeline.render(run, screen))
                        .allSatisfy(line -> assertThat(stripAnsi(line)
                                        .codePointCount(0, stripAnsi(line).length()))
                                .as("%s", line)
                                .isLessThanOrEqualTo(width));
            }
        }
    }

    @Test
    void plainOutputIsOnlyAsciiWithoutEscapes() {
        for (RunResult run : List.of(twoOverlappingTasks(), manyThreads(100), withLongNames(), truncated())) {
            assertThat(Timeline.render(run, PLAIN_80))
                    .allSatisfy(line -> assertThat(line.chars()).allMatch(c -> c >= ' ' && c < 127));
        }
    }

    @Test
    void aThreadNamedWithEscapeSequencesCannotReachTheTerminal() {
        RunResult run =
                run(100, OutputLine.out(10, "\u001b]52;c;eA==\u0007\u001b[2J", "x"), OutputLine.out(50, "main", "y"));

        assertThat(Timeline.render(run, PLAIN_80)).first().asString().startsWith("\\x1b]52;c;eA");
        assertThat(Timeline.render(run, new Screen(true, true, 80)))
                .noneMatch(line -> line.contains("\u0007") || line.contains("\u001b]") || line.contains("\u001b[2J"));
    }

    @Test
    void aTerminalGetsBoxDrawingAndColoursOnlyWhenAllowed() {
        List<String> noColour = Timeline.render(twoOverlappingTasks(), new Screen(true, false, 80));
        List<String> colour = Timeline.render(twoOverlappingTasks(), new Screen(true, true, 80));

        assertThat(noColour.get(0)).isEqualTo("main            ●" + "─".repeat(61) + "●");
        assertThat(noColour.get(3)).startsWith("                ┬─────────┬");
        assertThat(String.join("\n", noColour)).doesNotContain("\u001b[");
        assertThat(colour.get(0)).contains("\u001b[");
        assertThat(colour.stream().map(TimelineTest::stripAnsi).toList()).isEqualTo(noColour);
    }

    @Test
    void manyThreadsAreCappedWithOneRowForTheRest() {
        List<String> picture = Timeline.render(manyThreads(10_000), PLAIN_80);

        assertThat(picture).hasSize(Timeline.MAX_THREAD_ROWS + 1 + 3);
        assertThat(picture.get(0)).startsWith("main ");
        assertThat(picture.get(Timeline.MAX_THREAD_ROWS - 1)).startsWith("virtual-10 ");
        assertThat(picture.get(Timeline.MAX_THREAD_ROWS))
                .startsWith("... 9,989 more ")
                .contains("*");
    }

    @Test
    void oneThreadOverTheCapIsDrawnRatherThanSummarised() {
        List<String> picture = Timeline.render(manyThreads(Timeline.MAX_THREAD_ROWS), PLAIN_80);

        assertThat(picture).hasSize(Timeline.MAX_THREAD_ROWS + 1 + 3).noneMatch(l -> l.contains("more"));
    }

    @Test
    void anOtherProcessKeepsItsRowEvenPastTheCap() {
        List<OutputLine> lines = new ArrayList<>(manyThreads(100).lines());
        lines.add(untagged(900, "a child process"));
        RunResult run = new RunResult(lines, lines.size(), List.of(), Duration.ofSeconds(1), new Outcome.Exited(0));

        List<String> picture = Timeline.render(run, PLAIN_80);

        assertThat(picture.get(Timeline.MAX_THREAD_ROWS))
                .startsWith("? (other process) ")
                .endsWith("*");
        assertThat(picture.get(Timeline.MAX_THREAD_ROWS + 1)).startsWith("... 89 more");
    }

    @Test
    void untaggedLinesGetTheirOwnRow() {
        List<String> picture = Timeline.render(
                run(
                        1000,
                        OutputLine.out(0, "main", "starting a child"),
                        untagged(400, "child: hello"),
                        untagged(600, "child: bye"),
                        OutputLine.out(1000, "main", "child exited")),
                PLAIN_80);

        assertThat(picture.get(0)).startsWith("main              *");
        assertThat(picture.get(1))
                .startsWith("? (other process)")
                .contains("*-")
                .endsWith("*");
    }

    @Test
    void rowsFollowTheFirstLineOfEachThreadNotItsName() {
        List<String> picture = Timeline.render(
                run(
                        1000,
                        OutputLine.out(500, "alpha", "late"),
                        OutputLine.out(100, "zeta", "early"),
                        OutputLine.out(0, "main", "first")),
                PLAIN_80);

        assertThat(picture.subList(0, 3)).extracting(l -> l.split(" ")[0]).containsExactly("main", "zeta", "alpha");
    }

    @Test
    void longThreadNamesAreCut() {
        List<String> picture = Timeline.render(withLongNames(), PLAIN_80);

        assertThat(picture.get(0)).startsWith("a-thread-with-... *");
        assertThat(Timeline.render(withLongNames(), new Screen(true, false, 80)).get(0))
                .startsWith("a-thread-with-a-… ●");
    }

    @Test
    void aTruncatedRunIsDrawnToItsEndAndSaysSo() {
        List<String> picture = Timeline.render(truncated(), PLAIN_80);

        assertThat(plotOf(picture, "main")).endsWith("*").hasSize(80 - 5);
        assertThat(picture.get(picture.size() - 1)).isEqualTo("Drawn from the first 3 and the last 1 of 500 lines.");
    }

    @Test
    void aTooNarrowPlotIsANoteNotABrokenPicture() {
        assertThat(Timeline.render(withLongNames(), new Screen(false, false, 40)))
                .containsExactly("Timeline needs a 48-column terminal.");
        assertThat(Timeline.render(twoOverlappingTasks(), new Screen(false, false, 60)))
                .hasSize(6);
        assertThat(Timeline.render(run(1000, OutputLine.out(0, "main", "a")), new Screen(false, false, 40)))
                .hasSize(4);
    }

    @Test
    void anEmptyRunHasNothingToDraw() {
        assertThat(Timeline.render(run(1234), PLAIN_80)).containsExactly("Nothing to draw: no lines were printed.");
    }

    /** main, then {@code threads} virtual threads printing once each around 200 ms. */
    private static RunResult manyThreads(int threads) {
        List<OutputLine> lines = new ArrayList<>();
        lines.add(OutputLine.out(0, "main", "start"));
        for (int i = 0; i < threads; i++) {
            lines.add(OutputLine.out(200 + i * 50 / threads, "virtual-" + i, "done"));
        }
        lines.add(OutputLine.out(300, "main", "all done"));
        return new RunResult(
                lines,
                lines.size(),
                lines.subList(Math.max(0, lines.size() - 20), lines.size()),
                Duration.ofMillis(310),
                new Outcome.Exited(0));
    }

    private static RunResult withLongNames() {
        return run(
                2000,
                OutputLine.out(0, "a-thread-with-a-very-long-name", "hi"),
                err(700, "another\tthread-with-a-tab", "oops"),
                untagged(1500, "from a child"),
                OutputLine.out(2000, "a-thread-with-a-very-long-name", "bye"));
    }

    /** 500 lines printed; the first 3 and the last one kept. */
    private static RunResult truncated() {
        List<OutputLine> kept =
                List.of(OutputLine.out(0, "main", "1"), OutputLine.out(1, "main", "2"), OutputLine.out(2, "main", "3"));
        return new RunResult(
                kept,
                500,
                List.of(OutputLine.out(4000, "main", "500")),
                Duration.ofMillis(4000),
                new Outcome.Exited(0));
    }
}
