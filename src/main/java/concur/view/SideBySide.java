package concur.view;

import concur.check.ExpectedWords;
import concur.check.Mark;
import concur.check.Row;
import concur.run.Outcome;
import concur.run.OutputLine;
import concur.run.RunResult;
import concur.step.Verdict;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The example's output in the left column, the expectation in the right, a mark between.
 *
 * <p>On a terminal, lines appear as they arrive beside the expected line of the same index; when the
 * run ends, the rows are redrawn as the matcher aligned them. Piped, only the aligned table is
 * printed, without times, so two runs' logs can be diffed.
 *
 * <p>No output line is ever cut: a long one wraps, its continuation rows indented under the output
 * column. Where a matched line and its expected line do not both fit beside each other, the expected
 * text gives way and the line takes the width of both columns; the mark says it matched. Lines that
 * did not match always show what was expected. The expected column is in a learner's words
 * ({@link ExpectedWords}: {@code «parent»}, not {@code {pid:parent}}), with a legend under the table.
 */
public final class SideBySide {
    /** Live rows beyond this are not redrawn: they have scrolled off most screens. */
    private static final int MAX_REDRAW = 40;

    private static final int MARK_WIDTH = 2;
    private static final int THREAD_WIDTH = 14;
    private static final int TIME_WIDTH = 7;
    /** Where the verdict's text starts, after {@code FAIL  }: legends are indented to it. */
    private static final String LEGEND_INDENT = "      ";

    private static final String LEGEND_GAP = "   ";
    /** Narrower than this, the expected line goes under the output instead of beside it. */
    static final int STACK_BELOW = 80;

    private final Screen screen;
    private final PrintWriter out;
    /** The expected lines in words, for guesses beside live output. */
    private final List<String> expected;

    private final boolean fullExpected;
    /** Screen rows the live view has printed since the header: what a redraw must go back over. */
    private int liveRows;
    /** Lines shown live, for the guess of the expected line beside the next one. */
    private int liveLines;

    /** A view where the expected text of a matched line gives way when space is short. */
    public SideBySide(Screen screen, PrintWriter out, List<String> expectedDisplay) {
        this(screen, out, expectedDisplay, false);
    }

    /**
     * @param expectedDisplay the expected lines as the lesson wrote them ({@code Expectation.displayLines()})
     * @param fullExpected    show the expected text of every line, matched or not, wrapped in its column
     */
    public SideBySide(Screen screen, PrintWriter out, List<String> expectedDisplay, boolean fullExpected) {
        this.screen = screen;
        this.out = out;
        this.expected = expectedDisplay.stream().map(ExpectedWords::line).toList();
        this.fullExpected = fullExpected;
    }

    /** Whether the expected text of matched lines is shown too. */
    public boolean fullExpected() {
        return fullExpected;
    }

    public void header() {
        String row;
        if (stacked()) {
            row = cell("", MARK_WIDTH)
                    + cell("thread", THREAD_WIDTH)
                    + (fullExpected
                            ? "output (expected below when it differs)"
                            : "output (expected below if not matched)");
        } else {
            row = cell("", MARK_WIDTH)
                    + (screen.tty() ? cell("time", TIME_WIDTH) : "")
                    + cell("thread", THREAD_WIDTH)
                    + pad("output", leftWidth())
                    + separator()
                    + "expected";
        }
        out.println(Ansi.BOLD.apply(row.stripTrailing(), screen));
        out.flush();
    }

    /** Shows a line the moment it arrives (terminal only); called from the runner's reader threads. */
    public synchronized void live(OutputLine line) {
        if (!screen.tty()) {
            return;
        }
        List<String> rows;
        if (stacked()) {
            rows = wrapped(cell("", MARK_WIDTH) + cell(threadOf(line), THREAD_WIDTH), line.text(), textWidth());
        } else {
            int index = liveLines++;
            Optional<String> guess = index < expected.size() ? Optional.of(expected.get(index)) : Optional.empty();
            rows = beside(' ', line, guess, true).rows();
        }
        rows.forEach(out::println);
        out.flush();
        liveRows += rows.size();
    }

    /** The aligned table, the verdict and, for a run that went wrong, what it was doing. */
    public synchronized void finish(Verdict verdict, RunResult run) {
        List<Row> rows = verdict.match().rows();
        boolean redraw = screen.tty() && liveRows > 0 && liveRows <= MAX_REDRAW;
        if (redraw) {
            out.print("\r" + Ansi.up(liveRows)); // from column 0: a ^C echo may have moved the cursor
        }
        List<String> shownWords = new ArrayList<>();
        Set<Mark> marks = EnumSet.noneOf(Mark.class);
        int printed = 0;
        for (Row row : rows) {
            marks.add(row.mark());
            Drawn drawn = stacked() ? stackedRow(row) : besideRow(row);
            drawn.words().ifPresent(shownWords::add);
            for (String line : drawn.rows()) {
                out.println((redraw ? Ansi.CLEAR_LINE : "") + line);
                printed++;
            }
        }
        if (redraw) {
            for (int i = printed; i < liveRows; i++) {
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
        liveLines = 0;
        if (run.outcome() instanceof Outcome.TimedOut timedOut) {
            out.println("Last lines before the time limit:");
            run.lastLines().forEach(l -> out.println("  " + l.thread() + ": " + l.text()));
            out.println("Thread dump (which thread waits on what):");
            timedOut.threadDump().lines().forEach(l -> out.println("  " + l));
        }
        if (verdict.passed()) {
            verdict(Ansi.GREEN, "PASS  ", verdict.summary());
        } else if (verdict instanceof Verdict.NotStarted) {
            verdict(Ansi.RED, "ERROR ", verdict.summary()); // not a mismatch: no legend
        } else if (run.outcome() instanceof Outcome.Interrupted) {
            verdict(Ansi.YELLOW, "STOP  ", verdict.summary()); // the learner stopped it: not a mismatch
        } else {
            verdict(Ansi.RED, "FAIL  ", verdict.summary());
            if (!marks.isEmpty()) {
                legend(marks.stream()
                        .map(mark -> symbol(mark) + " " + meaning(mark))
                        .toList());
            }
        }
        ExpectedWords.legend(shownWords).ifPresent(this::legend);
        out.flush();
    }

    /**
     * {@code PASS}, {@code FAIL} or {@code ERROR} and the verdict's sentence. On a terminal it wraps under itself;
     * piped, it stays one line, for grep and diff.
     */
    private void verdict(Ansi colour, String word, String summary) {
        List<String> rows = screen.tty() ? wrap(summary, screen.width() - word.length()) : List.of(summary);
        out.println(
                colour.apply(word.strip(), screen) + word.substring(word.strip().length()) + rows.get(0));
        rows.subList(1, rows.size()).forEach(row -> out.println(" ".repeat(word.length()) + row));
    }

    /** A dim line under the verdict; where it is too long, it breaks between items, never cutting one. */
    private void legend(List<String> items) {
        int width = screen.width() - LEGEND_INDENT.length();
        String row = "";
        for (String item : items) {
            if (!row.isEmpty() && row.length() + LEGEND_GAP.length() + item.length() > width) {
                legendRows(row, width);
                row = "";
            }
            row = row.isEmpty() ? item : row + LEGEND_GAP + item;
        }
        legendRows(row, width);
    }

    private void legendRows(String text, int width) {
        for (String row : wrapped(LEGEND_INDENT, text, width)) {
            out.println(Ansi.DIM.apply(row, screen));
        }
    }

    /** The screen rows of one table row, and the expected text they show, if any. */
    private record Drawn(List<String> rows, Optional<String> words) {}

    private boolean stacked() {
        return screen.width() < STACK_BELOW;
    }

    /** Beside: the output, and the expected line beside it unless it gave way. */
    private Drawn besideRow(Row row) {
        OutputLine line = row.actual().orElse(null);
        boolean mayGiveWay = row.mark() == Mark.MATCH;
        Drawn drawn = beside(symbol(row.mark()), line, row.inWords(), mayGiveWay);
        return new Drawn(paint(drawn.rows(), colourOf(row.mark())), drawn.words());
    }

    /**
     * One row beside: output left, expected right, each wrapped in its column. When {@code mayGiveWay} and the
     * two do not both fit on one row, or when there is no expected text and the output is long, the output takes
     * both columns.
     */
    private Drawn beside(char mark, OutputLine line, Optional<String> words, boolean mayGiveWay) {
        String time = line == null || !screen.tty() ? "" : time(line);
        String prefix = cell(String.valueOf(mark), MARK_WIDTH)
                + (screen.tty() ? cell(time, TIME_WIDTH) : "")
                + cell(line == null ? "" : threadOf(line), THREAD_WIDTH);
        String actual = line == null ? "" : line.text();
        String expectedText = words.orElse("");
        int left = leftWidth();
        int right = rightWidth();
        boolean fits = actual.length() <= left && expectedText.length() <= right;
        boolean giveWay = mayGiveWay && !fullExpected && !fits;
        if (giveWay || (expectedText.isEmpty() && actual.length() > left)) {
            return new Drawn(wrapped(prefix, actual, left + separator().length() + right), Optional.empty());
        }
        List<String> lefts = wrap(actual, left);
        List<String> rights = wrap(expectedText, right);
        List<String> rows = new ArrayList<>();
        String blank = " ".repeat(prefix.length());
        for (int i = 0; i < Math.max(lefts.size(), rights.size()); i++) {
            String l = i < lefts.size() ? lefts.get(i) : "";
            String r = i < rights.size() ? rights.get(i) : "";
            rows.add(((i == 0 ? prefix : blank) + pad(l, left) + separator() + r).stripTrailing());
        }
        return new Drawn(rows, words.filter(w -> !w.isEmpty()));
    }

    /** When the line came, in at most {@code TIME_WIDTH - 1} characters. */
    private static String time(OutputLine line) {
        double seconds = line.elapsed().toNanos() / 1e9;
        return String.format(Locale.ROOT, seconds < 99.995 ? "%.2fs" : "%.0fs", seconds);
    }

    /** The output line, and under it the expected line where the line did not match (or always, in full). */
    private Drawn stackedRow(Row row) {
        String mark = cell(String.valueOf(symbol(row.mark())), MARK_WIDTH);
        if (row.actual().isEmpty()) { // a missing line shows what was expected
            String words = row.inWords().orElse("");
            List<String> rows = wrapped(mark + cell("expected", THREAD_WIDTH), words, textWidth());
            return new Drawn(paint(rows, colourOf(row.mark())), Optional.of(words));
        }
        String text = row.actual().get().text();
        List<String> rows = new ArrayList<>(paint(
                wrapped(mark + cell(threadOf(row.actual().get()), THREAD_WIDTH), text, textWidth()),
                colourOf(row.mark())));
        Optional<String> under = row.inWords()
                .filter(words -> fullExpected || row.mark() != Mark.MATCH)
                .filter(words -> !sameText(words, text));
        under.ifPresent(words -> rows.addAll(
                paint(wrapped(cell("", MARK_WIDTH) + cell("  expected", THREAD_WIDTH), words, textWidth()), Ansi.DIM)));
        return new Drawn(rows, under);
    }

    /** Each row in {@code colour}; null leaves them plain. */
    private List<String> paint(List<String> rows, Ansi colour) {
        return colour == null
                ? rows
                : rows.stream().map(row -> colour.apply(row, screen)).toList();
    }

    /** Equal as shown, or equal once a block's {@code [thread]} or {@code [any order]} label is taken off. */
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

    private char symbol(Mark mark) {
        boolean unicode = screen.unicode();
        return switch (mark) {
            case MATCH -> unicode ? '✓' : '=';
            case MISMATCH -> unicode ? '✗' : 'x';
            case MISSING -> '-';
            case EXTRA -> '+';
            case UNCHECKED -> unicode ? '·' : '~';
        };
    }

    private static String meaning(Mark mark) {
        return switch (mark) {
            case MATCH -> "matched";
            case MISMATCH -> "does not match";
            case MISSING -> "missing";
            case EXTRA -> "extra";
            case UNCHECKED -> "not checked (after the failure)";
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
        return screen.unicode() ? " │ " : " | ";
    }

    /** Mark, time (terminal only) and thread: where the output column starts. */
    private int prefixWidth() {
        return MARK_WIDTH + (screen.tty() ? TIME_WIDTH : 0) + THREAD_WIDTH;
    }

    private int leftWidth() {
        return Math.max(8, (screen.width() - prefixWidth() - separator().length()) / 2);
    }

    private int rightWidth() {
        return Math.max(8, screen.width() - prefixWidth() - separator().length() - leftWidth());
    }

    /** The output's width when stacked. */
    private int textWidth() {
        return Math.max(8, screen.width() - MARK_WIDTH - THREAD_WIDTH);
    }

    /** Text in a cell of {@code width}, and at least one space after it. */
    private static String cell(String text, int width) {
        return pad(text, width - 1) + " ";
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    /** {@code text} wrapped to {@code width}: the first row after {@code prefix}, the rest indented as far. */
    private static List<String> wrapped(String prefix, String text, int width) {
        List<String> rows = new ArrayList<>();
        String blank = " ".repeat(prefix.length());
        List<String> parts = wrap(text, width);
        for (int i = 0; i < parts.size(); i++) {
            rows.add(((i == 0 ? prefix : blank) + parts.get(i)).stripTrailing());
        }
        return rows;
    }

    /**
     * Splits text into rows of at most {@code width} characters, nothing left out: at the last space of a row
     * when it is in the row's second half (that space is dropped), else at the width.
     */
    static List<String> wrap(String text, int width) {
        String rest = text.replace('\t', ' ');
        List<String> rows = new ArrayList<>();
        while (rest.length() > width) {
            int space = rest.lastIndexOf(' ', width);
            if (space > width / 2) {
                rows.add(rest.substring(0, space));
                rest = rest.substring(space + 1);
            } else {
                int cut = Character.isHighSurrogate(rest.charAt(width - 1)) ? width - 1 : width;
                rows.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
        }
        rows.add(rest);
        return rows;
    }
}
