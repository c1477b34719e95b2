package concur.check;

import concur.run.OutputLine;
import java.util.Objects;
import java.util.Optional;

/**
 * One aligned row of the side-by-side view.
 *
 * @param actual       the actual line, empty for {@link Mark#MISSING}
 * @param expected     the expected line as written in the lesson (e.g. {@code "thread {thread} >>> 1"}), empty for {@link Mark#EXTRA}
 * @param expectedLine 1-based line number of {@code expected} in the lesson file, 0 when there is none
 * @param mark         how the two compare
 * @param inWords      {@code expected} as a learner reads it: {@code «parent»} for {@code {pid:parent}} (see
 *                     {@link ExpectedWords}), empty when {@code expected} is
 */
public record Row(
        Optional<OutputLine> actual, Optional<String> expected, int expectedLine, Mark mark, Optional<String> inWords) {
    public Row {
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(mark, "mark");
        Objects.requireNonNull(inWords, "inWords");
    }

    /** A row whose expected line is put in words without its block's context. */
    public Row(Optional<OutputLine> actual, Optional<String> expected, int expectedLine, Mark mark) {
        this(actual, expected, expectedLine, mark, expected.map(ExpectedWords::line));
    }
}
