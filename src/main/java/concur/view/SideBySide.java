package concur.view;

import concur.check.ExpectedWords;
import concur.check.Mark;
import concur.check.Row;
import concur.run.Outcome;
import concur.run.OutputLine;
import concur.run.RunResult;
import concur.step.Verdict;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The example's output in the left column, the expectation in the right, a mark between.
 *
 * <p>On a terminal, lines appear as they arrive beside the expected line of the same index; when the
 * run ends, the rows are redrawn as the matcher aligned them. Piped, only the aligned table is
 * printed, without times, so two runs' logs can be diffed.
 */
public final class SideBySide {
    /** Live rows beyond this are not redrawn: they have scrolled off most screens. */
    private static final int MAX_REDRAW = 40;

    private static final int THREAD_WIDTH = 14;
    private static final int TIME_WIDTH = 7;
    private static final String LEGEND = "= matched   x differs   - missing   + extra";
    private static final String LEGEND_UNCHECKED = "~ not checked (after the failure)";
    /** Narrower than this, the expected line goes under the output instead of beside it. */
    static final int STACK_BELOW = 80;

    private final Screen screen;
    private final PrintWriter out;
    private final List<String> expected;
    private int liveRows;

    public SideBySide(Screen screen, PrintWriter out, List<String> expectedDisplay) {
        this.screen = screen;
        this.out = out;
        this.expected = expectedDisplay.stream().map(ExpectedWords::line).toList();
    }

    public void header() {
        if (stacked()) {
            out.println(Ansi.BOLD.apply(
                    (cell("", 2) + cell("thread", THREAD_WIDTH) + "output (expected below when it differs)")
                            .stripTrailing(),
                    screen));
            out.flush();
            return;
        }
        String row = cell("", 2) + (screen.tty() ? cell("time", TIME_WIDTH) : "") + cell("thread", THREAD_WIDTH)
                + cell("output", leftWidth()) + separator() + "expected";
        out.println(Ansi.BOLD.apply(row.stripTrailing(), screen));
        out.flush();
    }

    /** Shows a line the moment it arrives (terminal only); called from the runner's reader threads. */
    public synchronized void live(OutputLine line) {
        if (!screen.tty()) {
            return;
        }
        if (stacked()) {
            out.println((cell("", 2)
                            + cell(threadOf(line), THREAD_WIDTH)
                            + fit(line.text(), screen.width() - 2 - THREAD_WIDTH))
                    .stripTrailing());
        } else {
            String guess = liveRows < expected.size() ? expected.get(liveRows) : "";
            out.println(format(' ', null, line, guess));
        }
        out.flush();
        liveRows++;
    }

    /** The aligned table, the verdict and, for a run that went wrong, what it was doing. */
    public synchronized void finish(Verdict verdict, RunResult run) {
        List<Row> rows = verdict.match().rows();
        boolean redraw = screen.tty() && liveRows > 0 && liveRows <= MAX_REDRAW;
        if (redraw) {
            out.print("\r" + Ansi.up(liveRows)); // from column 0: a ^C echo may have moved the cursor
        }
        for (Row row : rows) {
            for (String line : (stacked() ? stackedRow(row) : List.of(format(row)))) {
                out.println((redraw ? Ansi.CLEAR_LINE : "") + line);
            }
        }
        if (redraw) {
            for (int i = rows.size(); i < liveRows; i++) {
                out.println(Ansi.CLEAR_LINE);
            }
        }
        if (run.truncated()) {
            String lines = run.linesNotKept() > 0
                    ? String.format(Locale.ROOT, "%,d more lines not kept, ", run.linesNotKept())
                    : "";
            out.println(Ansi.YELLOW.apply(
                    String.format(
                            Locale.ROOT,
                            "… %s%,d bytes not shown",
                            lines,
                            run.notShown().bytes()),
                    screen));
        }
        liveRows = 0;
        if (run.outcome() instanceof Outcome.TimedOut timedOut) {
            out.println("Last lines before the time limit:");
            run.lastLines().forEach(l -> out.println("  " + l.thread() + ": " + l.text()));
            out.println("Thread dump (which thread waits on what):");
            timedOut.threadDump().lines().forEach(l -> out.println("  " + l));
        }
        if (verdict.passed()) {
            out.println(Ansi.GREEN.apply("PASS", screen) + "  " + verdict.summary());
        } else if (verdict instanceof Verdict.NotStarted) {
            out.println(Ansi.RED.apply("ERROR", screen) + " " + verdict.summary()); // not a mismatch: no legend
        } else {
            out.println(Ansi.RED.apply("FAIL", screen) + "  " + verdict.summary());
            out.println(Ansi.DIM.apply("      " + LEGEND, screen));
            if (rows.stream().anyMatch(row -> row.mark() == Mark.UNCHECKED)) {
                out.println(Ansi.DIM.apply("      " + LEGEND_UNCHECKED, screen));
            }
        }
        List<String> shown =
                rows.stream().flatMap(row -> row.inWords().stream()).toList();
        ExpectedWords.legend(shown)
                .ifPresent(items -> out.println(Ansi.DIM.apply("      " + String.join("   ", items), screen)));
        out.flush();
    }

    private boolean stacked() {
        return screen.width() < STACK_BELOW;
    }

    /** The output line, and under it the expected line where the two differ in text. */
    private List<String> stackedRow(Row row) {
        char mark = symbol(row.mark());
        Ansi colour = colourOf(row.mark());
        String text = row.actual().map(OutputLine::text).orElse("");
        String thread = row.actual().map(SideBySide::threadOf).orElse("expected");
        String shown =
                row.actual().isPresent() ? text : row.inWords().orElse(""); // a missing line shows what was expected
        String first = (cell(String.valueOf(mark), 2)
                        + cell(thread, THREAD_WIDTH)
                        + fit(shown, screen.width() - 2 - THREAD_WIDTH))
                .stripTrailing();
        List<String> lines = new java.util.ArrayList<>();
        lines.add(colour == null ? first : colour.apply(first, screen));
        if (row.actual().isPresent()
                && row.inWords().isPresent()
                && !sameText(row.inWords().get(), text)) {
            String second = (cell("", 2)
                            + cell("  expected", THREAD_WIDTH)
                            + fit(row.inWords().get(), screen.width() - 2 - THREAD_WIDTH))
                    .stripTrailing();
            lines.add(Ansi.DIM.apply(second, screen));
        }
        return lines;
    }

    /** Equal as written, or equal once a per-thread block's {@code [thread]} label is taken off. */
    private static boolean sameText(String expected, String actual) {
        return expected.equals(actual)
                || expected.replaceFirst("^\\[[^\\]]*\\] ?", "").equals(actual);
    }

    /** The thread's name, cut in the middle when it is long: {@code pool-1-thread-1} and {@code -2} stay apart. */
    private static String threadOf(OutputLine line) {
        String name = line.thread() + (line.source() == OutputLine.Source.STDERR ? ":err" : "");
        int room = THREAD_WIDTH - 1;
        if (name.length() <= room) {
            return name;
        }
        int tail = (room - 1) / 2;
        return name.substring(0, room - 1 - tail) + "…" + name.substring(name.length() - tail);
    }

    private String format(Row row) {
        String expectedText = row.inWords().orElse("");
        return row.actual()
                .map(line -> format(symbol(row.mark()), colourOf(row.mark()), line, expectedText))
                .orElseGet(() -> format(symbol(row.mark()), colourOf(row.mark()), null, expectedText));
    }

    /** One row; {@code colour} is null for an unremarkable one. */
    private String format(char mark, Ansi colour, OutputLine line, String expectedText) {
        String time = "";
        if (screen.tty()) {
            time = line == null
                    ? ""
                    : String.format(Locale.ROOT, "%.2fs", line.elapsed().toNanos() / 1e9);
        }
        String thread = line == null ? "" : threadOf(line);
        String actual = line == null ? "" : line.text();
        String row = cell(String.valueOf(mark), 2)
                + (screen.tty() ? cell(time, TIME_WIDTH) : "")
                + cell(thread, THREAD_WIDTH)
                + cell(actual, leftWidth())
                + separator()
                + fit(expectedText, rightWidth());
        row = row.stripTrailing();
        return colour == null ? row : colour.apply(row, screen);
    }

    private static char symbol(Mark mark) {
        return switch (mark) {
            case MATCH -> '=';
            case MISMATCH -> 'x';
            case MISSING -> '-';
            case EXTRA -> '+';
            case UNCHECKED -> '~';
        };
    }

    private static Ansi colourOf(Mark mark) {
        return switch (mark) {
            case MATCH -> null;
            case MISMATCH -> Ansi.RED;
            case MISSING, EXTRA -> Ansi.YELLOW;
            case UNCHECKED -> Ansi.DIM;
        };
    }

    private String separator() {
        return screen.colour() ? " │ " : " | ";
    }

    private int fixedWidth() {
        return 2 + (screen.tty() ? TIME_WIDTH : 0) + THREAD_WIDTH + 3;
    }

    private int leftWidth() {
        return Math.max(8, (screen.width() - fixedWidth()) / 2);
    }

    private int rightWidth() {
        return Math.max(8, screen.width() - fixedWidth() - leftWidth());
    }

    private static String cell(String text, int width) {
        String fitted = fit(text, width - 1);
        return fitted + " ".repeat(Math.max(1, width - fitted.length()));
    }

    /** Cuts text to a column; the full text is in the failure message and the logs. */
    static String fit(String text, int width) {
        String flat = text.replace('\t', ' ');
        return flat.length() <= width ? flat : flat.substring(0, Math.max(0, width - 1)) + "…";
    }
}
