package concur.run;

import java.time.Duration;
import java.util.Objects;

/**
 * One line an example printed, as the harness saw it, with its text and thread name made
 * {@link Printable}: every view can show it as it is.
 *
 * @param elapsed time since the example's main started when the line was completed
 * @param thread  name of the printing thread ({@code "?"} for untagged bytes), control characters escaped
 * @param source  which stream it came through
 * @param text    the line without its line terminator, control characters escaped
 */
public record OutputLine(Duration elapsed, String thread, Source source, String text) {

    /** The thread name given to bytes that did not pass through the harness. */
    public static final String UNKNOWN_THREAD = "?";

    public OutputLine {
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        // Here, where the example's text becomes concur's, so no view can forget to: an example must
        // not clear the learner's screen or write their clipboard.
        thread = Printable.of(thread);
        text = Printable.of(text);
    }

    /** Convenience for tests and fixtures: a stdout line at {@code millis}. */
    public static OutputLine out(long millis, String thread, String text) {
        return new OutputLine(Duration.ofMillis(millis), thread, Source.STDOUT, text);
    }

    /** Where a line came from. */
    public enum Source {
        /** {@code System.out} of the example, tagged by the harness. */
        STDOUT,
        /** {@code System.err} of the example, tagged by the harness. */
        STDERR,
        /** Bytes written to the child's file descriptors directly (e.g. a grandchild with inherited I/O, or the JVM itself). */
        UNTAGGED
    }
}
