package concur.lesson;

import concur.check.Expectation;
import concur.run.Example;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A bug for the learner to fix: starting code they edit in their workspace, a reference solution,
 * and how {@code concur verify} decides that their fix holds.
 *
 * @param name        how learners call it ({@code lost-increments}); unique across the lessons
 * @param lesson      the name of the lesson it belongs to
 * @param title       the heading after {@code Exercise:}
 * @param line        1-based line of the heading in the lesson file
 * @param task        the task, as Markdown
 * @param start       the starting code, in the lesson's folder; the learner edits a copy
 * @param solution    the reference solution, a file of the same name
 * @param className   fully qualified name of the class whose {@code main} runs
 * @param check       how the fix is checked
 * @param expectation what a correct program prints
 * @param timeout     the exercise's own time limit, when it sets one
 * @param javaOptions extra options for the program's JVM
 * @param args        arguments for its {@code main}
 * @param schedules   how many thread schedules to explore ({@link Check#EXPLORE})
 * @param stressRuns  how many runs the stress check makes where schedules cannot be explored
 * @param hints       hints, from gentle to explicit
 */
public record Exercise(
        String name,
        String lesson,
        String title,
        int line,
        String task,
        Path start,
        Path solution,
        String className,
        Check check,
        Expectation expectation,
        Optional<Duration> timeout,
        List<String> javaOptions,
        List<String> args,
        int schedules,
        int stressRuns,
        List<String> hints) {

    public static final int DEFAULT_SCHEDULES = 1_000;
    public static final int DEFAULT_STRESS_RUNS = 500;

    /** How a fix is checked: a closed set, each documented in {@code lessons/README.md}. */
    public enum Check {
        /** Races and deadlocks: one run against the expected output, then the thread schedules explored. */
        EXPLORE,
        /** One run under the time limit against the expected output; the program proves its point itself. */
        RUN
    }

    public Exercise {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lesson, "lesson");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(solution, "solution");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(expectation, "expectation");
        Objects.requireNonNull(timeout, "timeout");
        javaOptions = List.copyOf(javaOptions);
        args = List.copyOf(args);
        hints = List.copyOf(hints);
    }

    /** The name of the file the learner edits, which is also the starting code's. */
    public String fileName() {
        return start.getFileName().toString();
    }

    /** The program in {@code source} (the learner's copy, the start or the solution) as the runner takes it. */
    public Example example(Path source, String code) {
        return new Example(className, code, source, 1);
    }

    /** The program's run as a step would show it: the same expectation, time limit, options and arguments. */
    public Demo demo(Path source, String code) {
        return new Demo(example(source, code), expectation, timeout, javaOptions, args);
    }
}
