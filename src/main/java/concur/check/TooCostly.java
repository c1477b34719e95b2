package concur.check;

/**
 * An expected line whose regex takes too long on an output line: matching stops, and the step fails
 * with a message that names the line, rather than concur hanging.
 */
final class TooCostly extends RuntimeException {
    private final int line;

    TooCostly(int line, String expected, String output) {
        super(
                "line %d: %s takes too long to match %s: a regex that can match the same text in many ways backtracks without end; make it more specific"
                        .formatted(line, Quote.of(expected), Quote.of(output)),
                null,
                false,
                false);
        this.line = line;
    }

    /** The expected line at fault. */
    int line() {
        return line;
    }
}
