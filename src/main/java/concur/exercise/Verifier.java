package concur.exercise;

import concur.explore.Exploration;
import concur.explore.Explorer;
import concur.explore.Target;
import concur.lesson.Exercise;
import concur.run.CompileException;
import concur.run.CompiledExample;
import concur.run.ExampleCompiler;
import concur.run.OutputLine;
import concur.step.StepRunner;
import concur.step.StepRunner.Played;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Checks a learner's fix: one run against the exercise's expected output, then, for a race or a
 * deadlock, the thread schedules explored (or, where that cannot run, many runs).
 */
public final class Verifier {
    /** Time for the whole exploration: a budget of schedules normally takes 5-10 s on two cores. */
    static final Duration EXPLORE_LIMIT = Duration.ofMinutes(3);

    private final ExampleCompiler compiler;
    private final StepRunner runner;
    private final Explorer explorer;

    public Verifier(ExampleCompiler compiler, StepRunner runner, Explorer explorer) {
        this.compiler = compiler;
        this.runner = runner;
        this.explorer = explorer;
    }

    /**
     * @param file      the program to check: the learner's copy, or the start or solution in CI
     * @param code      its text, read once by the caller so what is checked is what was read
     * @param schedules how many schedules to explore, when the learner asks for other than the exercise's
     * @param live      sees each line of the run as it is printed
     */
    public Verification verify(
            Exercise exercise, Path file, String code, Optional<Integer> schedules, Consumer<OutputLine> live)
            throws CompileException, IOException {
        Target target = compile(exercise, file, code); // the run below finds it in the cache
        Played played = runner.play(exercise.demo(file, code), live);
        boolean race = exercise.check() == Exercise.Check.EXPLORE;
        int budget = schedules.orElse(exercise.schedules());
        if (!played.verdict().passed()) {
            // A race's run that came out wrong (not one that hung) is explored too: the learner sees how.
            if (race
                    && played.run().outcome() instanceof concur.run.Outcome.Exited
                    && explore(exercise, target, budget) instanceof Exploration.Failure failure) {
                return new Verification.InterleavingFailed(played, failure);
            }
            return new Verification.RunFailed(played);
        }
        if (!race) {
            return new Verification.Passed(played, Optional.empty());
        }
        return judge(played, explore(exercise, target, budget));
    }

    /**
     * The schedules explored without the run first: what {@code concur exercises check} and the tests use to
     * prove that a race is found by exploring, not by a lucky run.
     */
    public Exploration explore(Exercise exercise, Path file, String code) throws CompileException, IOException {
        return explore(exercise, compile(exercise, file, code), exercise.schedules());
    }

    /** The failing schedule shown again, from the recording the last verify kept. */
    public Exploration replay(Exercise exercise, Path file, String code, Path recording)
            throws CompileException, IOException {
        return explorer.replay(compile(exercise, file, code), recording, EXPLORE_LIMIT);
    }

    private Target compile(Exercise exercise, Path file, String code) throws CompileException, IOException {
        CompiledExample compiled = compiler.compile(exercise.example(file, code));
        return new Target(compiled.classes(), file, compiled.mainClass(), exercise.args());
    }

    private Exploration explore(Exercise exercise, Target target, int schedules) {
        return explorer.explore(target, schedules, seedOf(exercise), EXPLORE_LIMIT);
    }

    static Verification judge(Played played, Exploration explored) {
        return switch (explored) {
            case Exploration.NoFailure none -> new Verification.Passed(played, Optional.of(none));
            case Exploration.Stressed stressed -> new Verification.Passed(played, Optional.of(stressed));
            case Exploration.Failure failure -> new Verification.InterleavingFailed(played, failure);
            case Exploration.StressFailure failure -> new Verification.InterleavingFailed(played, failure);
            case Exploration.Unavailable unavailable -> new Verification.NotChecked(played, unavailable.reason());
            case Exploration.Crashed crashed ->
                new Verification.NotChecked(
                        played, "the schedule explorer stopped without an answer: " + crashed.detail());
            case Exploration.TimedOut late ->
                new Verification.NotChecked(
                        played,
                        "exploring " + late.what() + " did not end within "
                                + late.limit().toSeconds()
                                + " s (a program that waits for ever in some schedule? a schedule budget too large?)");
        };
    }

    /** The same exercise explores the same schedules every time, so a learner sees the same failure again. */
    static long seedOf(Exercise exercise) {
        return exercise.name().hashCode();
    }
}
