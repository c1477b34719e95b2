package concur.run;

import java.time.Duration;

/** How an example's run ended. */
public sealed interface Outcome {
    /** The example's JVM exited by itself with this status. */
    record Exited(int code) implements Outcome {}

    /**
     * The example ran past its time limit and was killed, with every process it started that could be
     * (see {@link RunResult#survivors()}).
     *
     * @param threadDump what its threads were doing, {@link Printable} (thread names are the example's)
     */
    record TimedOut(Duration limit, String threadDump) implements Outcome {
        public TimedOut {
            threadDump = Printable.text(threadDump);
        }
    }

    /**
     * The learner stopped it (Ctrl-C); it was killed, with every process it started that could be
     * (see {@link RunResult#survivors()}).
     */
    record Interrupted() implements Outcome {}
}
