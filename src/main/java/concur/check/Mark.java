package concur.check;

/** How one row of the side-by-side view compares actual output with the expectation. */
public enum Mark {
    /** The actual line matched the expected line beside it. */
    MATCH,
    /** An actual line stands where the expected line beside it should have matched, and does not. */
    MISMATCH,
    /** An expected line that no actual line matched. */
    MISSING,
    /** An actual line the expectation has no place for. */
    EXTRA,
    /**
     * An actual line that has the shape of the expected line beside it, after the point where the match failed:
     * the matcher never got there, so it was not checked (its captures and bounds may still be wrong).
     */
    UNCHECKED
}
