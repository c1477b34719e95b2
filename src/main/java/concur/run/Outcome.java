package concur.run;

import java.time.Duration;

/** How an example's run ended. */
public sealed interface Outcome {
    /** The example's JVM exited by itself with this status. */
    record Exited(int code) implements Outcome {}

    /**
     * The example ran past its time limit and was killed, with every process it started that could be
     * (see {@link RunResult#survivors()}).
     */
    record TimedOut(Duration limit, String threadDump) implements Outcome {}

    /**
     * The learner stopped it (Ctrl-C); it was killed, with every process it started that could be
     * (see {@link RunResult#survivors()}).
     */
    record Interrupted() implements Outcome {}
}
