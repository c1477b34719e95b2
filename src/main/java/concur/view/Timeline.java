package concur.view;

import concur.run.OutputLine;
import concur.run.RunResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the threads did, drawn after a run: one lane per thread, time across, a mark where each line was
 * printed and a span from a thread's first printed line to its last.
 *
 * <p>concur only learns when lines are printed, not when threads start, block or end; the legend says
 * so. Lines that did not pass through the harness (a child process's, thread {@code ?}) get a lane of
 * their own. Piped output is plain ASCII, so two runs' logs can be compared.
 */
public final class Timeline {
    /** Threads drawn one to a lane; past this, the rest share a lane. */
    static final int MAX_THREAD_ROWS = 12;
    /** Long enough for {@code pool-1-thread-12} and {@code ? (other process)}. */
    static final int MAX_LABEL = 17;
    /** Below this, marks run together; a note is shown instead of a picture. */
    static final int MIN_PLOT = 30;

    private static final String OTHER_PROCESS = "? (other process)";

    private Timeline() {}

    /** Lines of text (no trailing newline), at most {@code screen.width()} columns each. */
    public static List<String> render(RunResult run, Screen screen) {
        Glyphs glyphs = Glyphs.of(screen);
        List<OutputLine> lines = drawn(run);
        if (lines.isEmpty()) {
            return List.of(fit("Nothing to draw: no lines were printed.", screen.width(), glyphs));
        }
        List<Lane> lanes = lanes(lines, glyphs);
        int labelWidth = Math.min(
                MAX_LABEL,
                lanes.stream().mapToInt(r -> r.label().length()).max().orElse(1));
        int cols = screen.width() - labelWidth - 1;
        if (cols < MIN_PLOT) {
            return List.of(fit(
                    "Timeline needs a " + (labelWidth + 1 + MIN_PLOT) + "-column terminal.", screen.width(), glyphs));
        }
        long totalNanos = Math.max(
                1_000_000,
                Math.max(
                        run.total().toNanos(),
                        lines.stream()
                                .map(OutputLine::elapsed)
                                .max(Comparator.naturalOrder())
                                .orElse(Duration.ZERO)
                                .toNanos()));

        List<String> out = new ArrayList<>();
        String margin = " ".repeat(labelWidth + 1);
        for (Lane lane : lanes) {
            String label = fit(lane.label(), labelWidth, glyphs);
            out.add(label + " ".repeat(labelWidth + 1 - label.length()) + plot(lane, totalNanos, cols, glyphs, screen));
        }
        TimelineAxis axis = TimelineAxis.of(totalNanos, cols);
        out.add(margin + Ansi.DIM.apply(axis.line(glyphs.rule(), glyphs.tick()), screen));
        out.add(margin + axis.labels());
        boolean stderr = lines.stream().anyMatch(l -> l.source() == OutputLine.Source.STDERR);
        out.add(Ansi.DIM.apply(legend(glyphs, stderr, screen.width()), screen));
        if (run.linesNotKept() > 0) {
            int last = lines.size() - run.lines().size();
            String note = String.format(
                            Locale.ROOT, "Drawn from the first %,d", run.lines().size())
                    + (last > 0 ? String.format(Locale.ROOT, " and the last %,d", last) : "")
                    + String.format(Locale.ROOT, " of %,d lines.", run.totalLines());
            out.add(Ansi.YELLOW.apply(fit(note, screen.width(), glyphs), screen));
        }
        return List.copyOf(out);
    }

    /** The kept lines and, when some were not kept, the last few, so the picture reaches the run's end. */
    private static List<OutputLine> drawn(RunResult run) {
        if (run.linesNotKept() == 0) {
            return run.lines();
        }
        Set<OutputLine> all = new LinkedHashSet<>(run.lines());
        all.addAll(run.lastLines());
        return List.copyOf(all);
    }

    /**
     * One lane of the picture: the lines of one thread, or of several when they share the last lane.
     *
     * @param label   what the label column shows
     * @param threads each thread's lines, for its span
     * @param colour  the marks' colour
     */
    private record Lane(String label, List<List<OutputLine>> threads, Ansi colour) {}

    /** Rows in order of each thread's first line; the child processes' lane is never folded into the rest. */
    private static List<Lane> lanes(List<OutputLine> lines, Glyphs glyphs) {
        Map<String, List<OutputLine>> byThread = new LinkedHashMap<>();
        lines.stream()
                .sorted(Comparator.comparing(OutputLine::elapsed))
                .forEach(l -> byThread.computeIfAbsent(l.thread(), t -> new ArrayList<>())
                        .add(l));
        long named = byThread.keySet().stream()
                .filter(t -> !t.equals(OutputLine.UNKNOWN_THREAD))
                .count();
        int shownNamed = named > MAX_THREAD_ROWS + 1 ? MAX_THREAD_ROWS : (int) named;

        List<Lane> lanes = new ArrayList<>();
        List<List<OutputLine>> rest = new ArrayList<>();
        int shown = 0;
        for (Map.Entry<String, List<OutputLine>> thread : byThread.entrySet()) {
            if (thread.getKey().equals(OutputLine.UNKNOWN_THREAD)) {
                lanes.add(new Lane(OTHER_PROCESS, List.of(thread.getValue()), Ansi.YELLOW));
            } else if (shown < shownNamed) {
                shown++;
                lanes.add(new Lane(printable(thread.getKey()), List.of(thread.getValue()), Ansi.CYAN));
            } else {
                rest.add(thread.getValue());
            }
        }
        if (!rest.isEmpty()) {
            String label = glyphs.ellipsis() + String.format(Locale.ROOT, " %,d more", rest.size());
            lanes.add(new Lane(label, rest, Ansi.CYAN));
        }
        return lanes;
    }

    /** One lane's plot: each thread's span, then a mark per line (a stderr mark wins a shared column). */
    private static String plot(Lane lane, long totalNanos, int cols, Glyphs glyphs, Screen screen) {
        char[] cells = new char[cols];
        Ansi[] styles = new Ansi[cols];
        Arrays.fill(cells, ' ');
        for (List<OutputLine> thread : lane.threads()) {
            int first = TimelineAxis.column(thread.get(0).elapsed().toNanos(), totalNanos, cols);
            int last =
                    TimelineAxis.column(thread.get(thread.size() - 1).elapsed().toNanos(), totalNanos, cols);
            for (int c = first; c <= last; c++) {
                if (cells[c] == ' ') {
                    cells[c] = glyphs.span();
                    styles[c] = Ansi.DIM;
                }
            }
        }
        for (List<OutputLine> thread : lane.threads()) {
            for (OutputLine line : thread) {
                int c = TimelineAxis.column(line.elapsed().toNanos(), totalNanos, cols);
                if (line.source() == OutputLine.Source.STDERR) {
                    cells[c] = glyphs.errorMark();
                    styles[c] = Ansi.RED;
                } else if (cells[c] != glyphs.errorMark()) {
                    cells[c] = glyphs.mark();
                    styles[c] = lane.colour();
                }
            }
        }
        int end = cols;
        while (end > 0 && cells[end - 1] == ' ') {
            end--;
        }
        StringBuilder plot = new StringBuilder();
        for (int from = 0; from < end; ) {
            int to = from;
            while (to < end && styles[to] == styles[from]) {
                to++;
            }
            String run = new String(cells, from, to - from);
            plot.append(styles[from] == null ? run : styles[from].apply(run, screen));
            from = to;
        }
        return plot.toString();
    }

    /** The longest legend that fits; all say that only printing times are known. */
    private static String legend(Glyphs g, boolean stderr, int width) {
        String mark = String.valueOf(g.mark());
        String span = g.mark() + String.valueOf(g.span()).repeat(3) + g.mark();
        String shortSpan = g.mark() + String.valueOf(g.span()) + g.mark();
        String error = stderr ? g.errorMark() + " on stderr   " : "";
        String shortError = stderr ? g.errorMark() + " stderr  " : "";
        List<String> tries = List.of(
                mark + " printed a line   " + error + span + " first to last line (only print times are known)",
                mark + " line  " + shortError + span + " first to last line (only print times are known)",
                mark + " line  " + shortError + shortSpan + " first to last line (print times only)");
        return tries.stream().filter(t -> t.length() <= width).findFirst().orElse(fit(tries.get(2), width, g));
    }

    /** Thread names are the example's to choose; tabs and control characters would break the columns. */
    private static String printable(String name) {
        return name.codePoints()
                .map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    private static String fit(String text, int width, Glyphs glyphs) {
        return text.length() <= width
                ? text
                : text.substring(0, Math.max(0, width - glyphs.ellipsis().length())) + glyphs.ellipsis();
    }

    /** Box-drawing marks for a terminal; ASCII for pipes and files, so logs stay plain and stable. */
    private record Glyphs(char mark, char errorMark, char span, char rule, char tick, String ellipsis) {
        static Glyphs of(Screen screen) {
            return screen.unicode()
                    ? new Glyphs('●', '▲', '─', '─', '┬', "…")
                    : new Glyphs('*', '!', '-', '-', '+', "...");
        }
    }
}
