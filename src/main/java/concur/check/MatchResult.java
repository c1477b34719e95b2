package concur.check;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdict of matching an example's output against its expectation.
 *
 * @param matched whether the output satisfies the expectation
 * @param rows    the actual and expected lines aligned for display, in actual-output order
 * @param failure when not matched: one sentence naming the first expected line that did not match and why,
 *                e.g. {@code "line 14: expected \"thread LoopThread >>> 3\" but got \"thread LoopThread >>> 4\""}
 */
public record MatchResult(boolean matched, List<Row> rows, Optional<String> failure) {
    public MatchResult {
        rows = List.copyOf(rows);
        Objects.requireNonNull(failure, "failure");
        if (matched != failure.isEmpty()) {
            throw new IllegalArgumentException("a failure message goes with a mismatch, and only with one");
        }
    }
}
