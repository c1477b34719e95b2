package concur.check;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The verdict of matching an example's output against its expectation. */
public sealed interface MatchResult {
    /** The actual and expected lines aligned for display, in actual-output order. */
    List<Row> rows();

    default boolean matched() {
        return this instanceof Matched;
    }

    /** When not matched: the sentence naming the first expected line that did not match, and why. */
    default Optional<String> failure() {
        return this instanceof Mismatched m ? Optional.of(m.reason()) : Optional.empty();
    }

    /**
     * The output satisfies the expectation.
     *
     * @param rows the alignment
     */
    record Matched(List<Row> rows) implements MatchResult {
        public Matched {
            rows = List.copyOf(rows);
        }
    }

    /**
     * The output does not satisfy the expectation.
     *
     * @param rows   the alignment, as far as it went
     * @param reason one sentence naming the first expected line that did not match and why, e.g.
     *               {@code line 14: expected "thread LoopThread >>> 3" but got "thread LoopThread >>> 4"}
     */
    record Mismatched(List<Row> rows, String reason) implements MatchResult {
        public Mismatched {
            rows = List.copyOf(rows);
            Objects.requireNonNull(reason, "reason");
        }
    }
}
