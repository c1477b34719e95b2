package concur.lesson;

import concur.check.Durations;
import concur.check.Expectation;
import concur.run.Example;
import concur.run.RunSpec;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a runnable step shows: its example, what the example must print, and how to run it.
 *
 * @param example     the program to run
 * @param expectation what the program must print
 * @param timeout     the step's own time limit, when the lesson sets one
 * @param javaOptions extra options for the example's JVM
 * @param args        arguments for the example's {@code main}
 */
public record Demo(
        Example example,
        Expectation expectation,
        Optional<Duration> timeout,
        List<String> javaOptions,
        List<String> args) {
    /** Used when neither the lesson nor the learner sets a time limit. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** The longest time limit a lesson or a learner may set: an example demonstrates, it is not a job. */
    public static final Duration MAX_TIMEOUT = Duration.ofHours(1);

    /**
     * Why {@code text} is not a time limit concur accepts, in words that follow the text
     * ({@code "0s" is no time at all...}); empty when it is one, and {@link Durations#parse} reads it.
     */
    public static Optional<String> timeoutProblem(String text) {
        Optional<Duration> limit = Durations.parse(text);
        if (limit.isEmpty()) {
            return Optional.of("is not a duration like 500ms, 10s or 2m");
        }
        if (limit.get().toMillis() < 1) {
            return Optional.of("is too short: a time limit is at least 1ms");
        }
        if (limit.get().compareTo(MAX_TIMEOUT) > 0) {
            return Optional.of("is too long: a time limit is at most 1 hour (60m)");
        }
        return Optional.empty();
    }

    public Demo {
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(expectation, "expectation");
        Objects.requireNonNull(timeout, "timeout");
        javaOptions = List.copyOf(javaOptions);
        args = List.copyOf(args);
    }

    /** How the runner should run it; {@code timeoutOverride} (the learner's {@code --timeout}) beats the lesson's. */
    public RunSpec runSpec(Optional<Duration> timeoutOverride) {
        return new RunSpec(timeoutOverride.or(() -> timeout).orElse(DEFAULT_TIMEOUT), javaOptions, args);
    }
}
