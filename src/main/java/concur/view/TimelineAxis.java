package concur.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The time axis under a timeline: ticks at a round step (1, 2 or 5 times a power of ten
 * milliseconds) far enough apart for their labels, and the labels beneath them.
 *
 * @param ticks the ticks from {@code 0s}, each at its column of the plot
 * @param cols  columns of the plot
 */
record TimelineAxis(List<Tick> ticks, int cols) {
    /** Ticks are at least this many columns apart, so the axis stays readable on wide screens. */
    private static final int MIN_GAP = 8;

    /**
     * One tick of the axis.
     *
     * @param column where it is drawn, counted from the plot's left edge
     * @param label  the time it stands for, e.g. {@code 1.5s}
     */
    record Tick(int column, String label) {}

    TimelineAxis {
        ticks = List.copyOf(ticks);
    }

    /** The axis for a plot {@code cols} wide that spans {@code totalNanos} (positive). */
    static TimelineAxis of(long totalNanos, int cols) {
        for (long power = 1; ; power *= 10) {
            for (long multiple : new long[] {1, 2, 5}) {
                long stepMillis = multiple * power;
                double gap = stepMillis * 1e6 / totalNanos * (cols - 1);
                if (gap < MIN_GAP) {
                    continue;
                }
                List<Tick> ticks = ticks(stepMillis, totalNanos, cols);
                int widest =
                        ticks.stream().mapToInt(t -> t.label().length()).max().orElse(0);
                if (gap >= widest + 2 || ticks.size() <= 1) {
                    return new TimelineAxis(ticks, cols);
                }
            }
        }
    }

    private static List<Tick> ticks(long stepMillis, long totalNanos, int cols) {
        List<Tick> ticks = new ArrayList<>();
        for (long at = 0; at * 1_000_000 <= totalNanos; at += stepMillis) {
            ticks.add(new Tick(column(at * 1_000_000, totalNanos, cols), label(at, stepMillis)));
        }
        return ticks;
    }

    /** {@code 0s 20ms 40ms} for short runs, {@code 0s 0.5s 1.0s} and {@code 0s 2s 4s} for longer ones. */
    static String label(long millis, long stepMillis) {
        if (millis == 0) {
            return "0s";
        }
        if (stepMillis < 100) {
            return millis + "ms";
        }
        int decimals = stepMillis % 1000 == 0 ? 0 : 1;
        return String.format(Locale.ROOT, "%." + decimals + "fs", millis / 1000.0);
    }

    /** The axis line: {@code tick} at each tick, {@code rule} between. */
    String line(char rule, char tick) {
        char[] line = new char[cols];
        Arrays.fill(line, rule);
        ticks.forEach(t -> line[t.column()] = tick);
        return new String(line);
    }

    /**
     * The labels, each starting under its tick; one that would run off the right edge ends under its
     * tick instead, and one that would touch its neighbour is left out.
     */
    String labels() {
        char[] line = new char[cols];
        Arrays.fill(line, ' ');
        int free = 0;
        for (Tick tick : ticks) {
            String label = tick.label();
            int start = tick.column() + label.length() <= cols ? tick.column() : tick.column() - label.length() + 1;
            if (start < free) {
                continue;
            }
            label.getChars(0, label.length(), line, start);
            free = start + label.length() + 1;
        }
        return new String(line).stripTrailing();
    }

    /** The column of a moment, 0 for the start and {@code cols - 1} for the end of the run. */
    static int column(long nanos, long totalNanos, int cols) {
        long column = Math.round((double) nanos / totalNanos * (cols - 1));
        return (int) Math.max(0, Math.min(cols - 1, column));
    }
}
