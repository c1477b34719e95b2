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
    EXTRA
}
