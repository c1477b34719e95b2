package concur.report;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** How one step (or a lesson that could not be read) fared in {@code concur run}. */
public sealed interface StepOutcome {
    /** The lesson's name. */
    String lesson();

    /** E.g. {@code step 2: Lost updates}, or the lesson file for a lesson that could not be read. */
    String name();

    /** Wall time of all runs. */
    Duration time();

    /**
     * The step ran, once or more.
     *
     * @param runs         how many times it ran, at least once
     * @param passes       how many of those runs matched
     * @param firstFailure for a step that did not always match: the first mismatch, with the aligned table
     */
    record Ran(String lesson, String name, int runs, int passes, Duration time, Optional<String> firstFailure)
            implements StepOutcome {
        public Ran {
            Objects.requireNonNull(lesson, "lesson");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(firstFailure, "firstFailure");
            if (runs < 1 || passes < 0 || passes > runs) {
                throw new IllegalArgumentException("passes " + passes + " of " + runs + " runs");
            }
        }

        public boolean passed() {
            return passes == runs;
        }
    }

    /**
     * Concur could not run the step or read the lesson: a malformed lesson, a compile error.
     *
     * @param message why, as one paragraph naming the file and line
     * @param isStep  a step that could not run, which counts among the steps; else a lesson that could not be
     *                read, whose steps are unknown
     */
    record Errored(String lesson, String name, String message, boolean isStep) implements StepOutcome {
        public Errored {
            Objects.requireNonNull(lesson, "lesson");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(message, "message");
        }

        /** A step that could not run: it counts among the lesson's steps. */
        public static Errored step(String lesson, String name, String message) {
            return new Errored(lesson, name, message, true);
        }

        /** A lesson that could not be read, whose steps are unknown: {@code name} is its file. */
        public static Errored lesson(String lesson, String name, String message) {
            return new Errored(lesson, name, message, false);
        }

        @Override
        public Duration time() {
            return Duration.ZERO;
        }
    }
}
