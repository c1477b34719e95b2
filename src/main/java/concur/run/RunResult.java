package concur.run;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one run of an example produced.
 *
 * @param lines      the output lines kept for matching, in the order they were completed (at most the runner's limit)
 * @param totalLines how many lines the example printed in all
 * @param lastLines  the last few lines printed, for showing where a long or stuck run ended
 * @param total      from the start of {@code main} until the example's JVM exited (or was killed)
 * @param outcome    how the run ended
 * @param started    whether the example's JVM got as far as starting the harness; when not (a bad
 *                   {@code java-options}, say), the JVM's own complaint is in the untagged lines
 * @param survivors  ids of the example's processes still running after concur killed them all, by a fresh
 *                   look after the kill, in ascending order; empty when every one is verified gone
 */
public record RunResult(
        List<OutputLine> lines,
        long totalLines,
        List<OutputLine> lastLines,
        Duration total,
        Outcome outcome,
        boolean started,
        List<Long> survivors) {
    public RunResult {
        lines = List.copyOf(lines);
        lastLines = List.copyOf(lastLines);
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(outcome, "outcome");
        survivors = List.copyOf(survivors);
    }

    /** A run whose harness started, as nearly every run's does, and that left no process behind. */
    public RunResult(List<OutputLine> lines, long totalLines, List<OutputLine> lastLines, Duration total, Outcome outcome) {
        this(lines, totalLines, lastLines, total, outcome, true, List.of());
    }

    /** Whether the example printed more lines than were kept. */
    public boolean truncated() {
        return totalLines > lines.size();
    }
}
