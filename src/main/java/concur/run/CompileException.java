package concur.run;

/** An example that does not compile; the message lists javac's errors as {@code FILE:LINE: error}. */
public final class CompileException extends Exception {
    public CompileException(String message) {
        super(message);
    }
}
