package concur.check;

/** An expected block that cannot be parsed; {@link #getMessage()} reads {@code line 12: unknown placeholder {tread}}. */
public final class ExpectationException extends Exception {
    private final int line;
    private final String problem;

    ExpectationException(int line, String problem) {
        super("line " + line + ": " + problem);
        this.line = line;
        this.problem = problem;
    }

    /** The 1-based line number, in the lesson file, of the line at fault. */
    public int line() {
        return line;
    }

    /** What is wrong, without the line number, e.g. {@code unknown placeholder {tread}}. */
    public String problem() {
        return problem;
    }
}
