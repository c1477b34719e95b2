package concur.explore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What exploring a program found. Only {@link Failure} and {@link StressFailure} mean the program is wrong. */
public sealed interface Exploration {

    /** Fray ran this many schedules and none failed: evidence, never a proof. */
    record NoFailure(int schedules, Duration took) implements Exploration {}

    /**
     * A schedule made {@code main} throw, or deadlocked.
     *
     * @param schedule  which schedule, counting from 1
     * @param error     the exception's class and message
     * @param trace     the interleaving, replayed once and cut at the failure
     * @param recording the folder that {@link Explorer#replay} plays again
     */
    record Failure(int schedule, String error, List<TraceStep> trace, Path recording) implements Exploration {
        public Failure {
            trace = List.copyOf(trace);
        }

        /** Whether the threads ended up waiting for each other for ever. */
        public boolean deadlock() {
            return error.startsWith("DeadlockException") || error.contains(".DeadlockException");
        }
    }

    /**
     * The fallback passed: {@code main} ran this many times without throwing. Checked by runs, not by
     * exploring schedules; {@code why} says why schedules were not explored.
     */
    record Stressed(int runs, Duration took, String why) implements Exploration {}

    /** The fallback's run number {@code run} (from 1) threw {@code error}; {@code why} as in {@link Stressed}. */
    record StressFailure(int run, String error, String why) implements Exploration {}

    /** Nothing could be checked, for {@code reason}, in plain words. */
    record Unavailable(String reason) implements Exploration {}

    /** The child JVM ended without an answer; {@code detail} is the end of what it printed. */
    record Crashed(String detail) implements Exploration {}

    /** The check did not end within {@code limit}, and was killed with every process it started. */
    record TimedOut(Duration limit, String what) implements Exploration {}
}
