package concur.view;

import static org.assertj.core.api.Assertions.assertThat;

import concur.check.Expectation;
import concur.run.Outcome;
import concur.run.OutputLine;
import concur.run.OutputLine.Source;
import concur.run.RunResult;
import concur.step.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the matcher's verdicts, the side-by-side table and the timeline against the golden files in
 * {@code src/test/resources/golden}, one folder per case; the folder's README.md describes them.
 *
 * <p>With {@code -Dgolden.update=true} the test writes what the code produces into the golden files
 * instead of comparing, so a deliberate change to a picture is one run and a {@code git diff} to review.
 */
class GoldenFilesTest {
    /** The source folder, not the copy in target/: update mode must write where git sees it. */
    private static final Path GOLDEN = Path.of(System.getProperty("concur.home", "."), "src/test/resources/golden");

    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    /**
     * {@code 120 main out | text}: milliseconds (spaces before them are for aligning), the thread (it may hold
     * spaces; the shortest that fits, so a text with " out | " in it stays text), the stream, then the text after "| ".
     */
    private static final Pattern OUTPUT_LINE = Pattern.compile(" *(\\d+) (.+?) (out|err|raw) \\|(?: (.*))?");

    private static final Pattern TOTAL = Pattern.compile("total (\\d+)");
    private static final Map<String, Source> STREAMS =
            Map.of("out", Source.STDOUT, "err", Source.STDERR, "raw", Source.UNTAGGED);

    /** Inputs of a case; a name outside these and the results below is most likely a typo. */
    private static final Set<String> INPUTS = Set.of("expected", "output", "exit");
    /** Results every case has; update mode writes them. */
    private static final List<String> ALWAYS = List.of("verdict", "side-by-side.txt", "timeline.txt");
    /** Every result, in the order they are checked; those not in ALWAYS only where the case has the file (an empty one will do in update mode). */
    private static final List<String> RESULTS = List.of(
            "verdict", "side-by-side.txt", "timeline.txt", "narrow.txt", "narrow-timeline.txt", "terminal-80.txt");
    /** 60 columns, piped: below 80 the side-by-side view stacks, and the timeline takes its shortest legend. */
    private static final Screen NARROW = new Screen(false, false, 60);
    /** An 80-column terminal with NO_COLOR: times, Unicode marks, and the narrowest side-by-side layout. */
    private static final Screen TERMINAL_80 = new Screen(true, false, 80);

    static Stream<String> cases() throws IOException {
        try (Stream<Path> folders = Files.list(GOLDEN)) {
            List<String> names = folders.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
            assertThat(names).as("golden cases in %s", GOLDEN).isNotEmpty();
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void producesWhatTheGoldenFilesSay(String name) throws Exception {
        Path folder = GOLDEN.resolve(name);
        Expectation expectation =
                Expectation.parse(read(folder.resolve("expected")), 1); // messages count lines of the file
        RunResult run = runOf(read(folder.resolve("output")), exitCode(folder));
        Verdict verdict = Verdict.of(expectation, run);

        Map<String, Supplier<String>> results = Map.of(
                "verdict", () -> verdict.summary() + "\n",
                "side-by-side.txt", () -> sideBySide(Screen.plain(), expectation, verdict, run),
                "timeline.txt", () -> lines(Timeline.render(run, Screen.plain())),
                "narrow.txt", () -> sideBySide(NARROW, expectation, verdict, run),
                "narrow-timeline.txt", () -> lines(Timeline.render(run, NARROW)),
                "terminal-80.txt", () -> sideBySide(TERMINAL_80, expectation, verdict, run));

        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("files in golden/%s (a misspelt name would never be checked)", name)
                    .allMatch(f -> INPUTS.contains(f) || results.containsKey(f));
        }
        // Soft: when a change shows in the table and the verdict alike, every file that differs is reported at once.
        SoftAssertions softly = new SoftAssertions();
        for (String file : RESULTS) {
            Path golden = folder.resolve(file);
            if (!ALWAYS.contains(file) && !Files.exists(golden)) {
                continue;
            }
            String actual = results.get(file).get();
            if (UPDATE) {
                Files.writeString(golden, actual);
            } else if (!Files.exists(golden)) {
                softly.fail("golden/%s/%s is missing: run with -Dgolden.update=true to make it", name, file);
            } else {
                softly.assertThat(actual)
                        .as("golden/%s/%s", name, file)
                        .isEqualTo(normalised(Files.readString(golden)));
            }
        }
        softly.assertAll();
    }

    /** What {@code concur run | cat} shows for one step: the header, the aligned table and the verdict. */
    private static String sideBySide(Screen screen, Expectation expectation, Verdict verdict, RunResult run) {
        StringWriter text = new StringWriter();
        SideBySide view = new SideBySide(screen, new PrintWriter(text), expectation.displayLines());
        view.header();
        view.finish(verdict, run);
        return normalised(text.toString());
    }

    /**
     * Reads an {@code output} file: a line per printed line, and optionally {@code total MILLIS}, the
     * whole run (by default the last line's time). Blank lines and {@code #} comments are skipped.
     */
    private static RunResult runOf(List<String> file, int exitCode) {
        List<OutputLine> lines = new ArrayList<>();
        Duration total = null;
        for (int i = 0; i < file.size(); i++) {
            String line = file.get(i);
            Matcher printed = OUTPUT_LINE.matcher(line);
            Matcher totalLine = TOTAL.matcher(line);
            if (printed.matches()) {
                String text = printed.group(4) == null ? "" : printed.group(4);
                lines.add(new OutputLine(
                        Duration.ofMillis(Long.parseLong(printed.group(1))),
                        printed.group(2),
                        STREAMS.get(printed.group(3)),
                        text));
            } else if (totalLine.matches()) {
                total = Duration.ofMillis(Long.parseLong(totalLine.group(1)));
            } else if (!line.isBlank() && !line.startsWith("#")) {
                throw new IllegalArgumentException(
                        "output line %d: not \"MILLIS THREAD out|err|raw | TEXT\" nor \"total MILLIS\": %s"
                                .formatted(i + 1, line));
            }
        }
        if (total == null) {
            total = lines.isEmpty()
                    ? Duration.ZERO
                    : lines.get(lines.size() - 1).elapsed();
        }
        // Every line is kept and the run exits by itself: lastLines matter only for time-outs and truncated runs.
        return new RunResult(lines, lines.size(), lines, total, new Outcome.Exited(exitCode));
    }

    private static int exitCode(Path folder) throws IOException {
        Path exit = folder.resolve("exit");
        return Files.exists(exit) ? Integer.parseInt(Files.readString(exit).strip()) : 0;
    }

    private static List<String> read(Path file) throws IOException {
        return Files.readAllLines(file);
    }

    private static String lines(List<String> lines) {
        return lines.stream().map(l -> l + "\n").collect(Collectors.joining());
    }

    /** Golden files are kept with \n, whatever the platform's line separator. */
    private static String normalised(String text) {
        return text.replace("\r\n", "\n");
    }
}
