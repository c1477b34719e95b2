package concur.cli;

/** Stops a command with a one-paragraph message for the learner and an exit status; never a stack trace. */
final class ConcurException extends RuntimeException {
    private final int exitCode;

    ConcurException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
