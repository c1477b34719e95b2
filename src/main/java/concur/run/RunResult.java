package concur.run;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 * @param notShown   what concur did not keep, so that its memory stays bounded
 */
public record RunResult(
        List<OutputLine> lines,
        long totalLines,
        List<OutputLine> lastLines,
        Duration total,
        Outcome outcome,
        boolean started,
        List<Long> survivors,
        NotShown notShown) {
    public RunResult {
        lines = List.copyOf(lines);
        lastLines = List.copyOf(lastLines);
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(outcome, "outcome");
        survivors = List.copyOf(survivors);
        Objects.requireNonNull(notShown, "notShown");
    }

    /** A run whose harness started, that left no process behind, and whose output was all kept. */
    public RunResult(
            List<OutputLine> lines, long totalLines, List<OutputLine> lastLines, Duration total, Outcome outcome) {
        this(lines, totalLines, lastLines, total, outcome, true, List.of(), NotShown.NOTHING);
    }

    /** Lines printed but not kept for matching. */
    public long linesNotKept() {
        return totalLines - lines.size();
    }

    /** Whether the matcher saw less than the example printed: lines not kept, or bytes not shown. */
    public boolean truncated() {
        return linesNotKept() > 0
                || notShown.bytes() > 0
                || notShown.brokenChannel().isPresent();
    }

    /**
     * What concur did not keep of an example's output.
     *
     * @param bytes         bytes printed but not shown: the part of each line past {@code Wire.MAX_LINE_BYTES},
     *                      the lines not kept, and what followed a broken record on the tag channel; line ends
     *                      are not counted
     * @param brokenChannel why concur stopped reading the tag channel, if it did: a record no harness writes
     */
    public record NotShown(long bytes, Optional<String> brokenChannel) {
        public static final NotShown NOTHING = new NotShown(0, Optional.empty());

        public NotShown {
            Objects.requireNonNull(brokenChannel, "brokenChannel");
            brokenChannel = brokenChannel.map(Printable::of);
        }
    }
}
