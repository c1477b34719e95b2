package concur.report;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one step (or a lesson that could not be read) fared in {@code concur run}.
 *
 * @param lesson  the lesson's name
 * @param name    e.g. {@code step 2: Lost updates}, or the lesson file for a lesson that could not be read
 * @param runs    how many times the step ran (0 for an error before running)
 * @param passes  how many of those runs matched
 * @param time    wall time of all runs
 * @param failure for a step that ran and did not always match: the first mismatch, with the aligned table
 * @param error   for a step or lesson concur could not use: why (a malformed lesson, a compile error)
 */
public record StepOutcome(String lesson, String name, int runs, int passes, Duration time,
                          Optional<String> failure, Optional<String> error) {
    public StepOutcome {
        Objects.requireNonNull(lesson, "lesson");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(error, "error");
    }

    public static StepOutcome error(String lesson, String name, String message) {
        return new StepOutcome(lesson, name, 0, 0, Duration.ZERO, Optional.empty(), Optional.of(message));
    }

    public boolean passed() {
        return error.isEmpty() && runs > 0 && passes == runs;
    }
}
