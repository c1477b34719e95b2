package concur.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import concur.explore.Exploration;
import concur.explore.Explorer;
import concur.lesson.Catalog;
import concur.lesson.Exercise;
import concur.lesson.Exercises;
import concur.lesson.LessonParser;
import concur.run.ExampleCompiler;
import concur.run.ExampleRunner;
import concur.step.StepRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every exercise's check has teeth: the starting code fails it and the reference solution passes it. An
 * exercise whose starting code passes teaches nothing, and one whose solution fails cannot be done.
 * The schedules are explored with each exercise's fixed seed, so a verdict here is the learner's.
 */
class EveryExerciseTest {
    private static final Exercises EXERCISES = Exercises.of(new Catalog(Path.of("lessons")), new LessonParser());
    private static Verifier verifier;

    @BeforeAll
    static void verifier() {
        ExampleCompiler compiler = new ExampleCompiler(Path.of(System.getProperty("concur.cache")));
        List<Path> jdks = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
        jdks.addAll(Explorer.jdkFolders(Path.of("/usr/lib/jvm")));
        Explorer explorer = new Explorer(
                Path.of(System.getProperty("concur.fray")),
                Path.of("target/fray-jdk"),
                Explorer.findJdk25(jdks),
                progress -> {});
        verifier = new Verifier(compiler, new StepRunner(compiler, new ExampleRunner(), Optional.empty()), explorer);
    }

    static Stream<Exercise> exercises() {
        return EXERCISES.all().stream();
    }

    @Test
    void everyLessonHasAtLeastFourExercisesAndAllCanBeRead() {
        assertThat(EXERCISES.problems()).isEmpty();
        for (String lesson : List.of("processes", "threads", "coroutines")) {
            assertThat(EXERCISES.of(lesson)).as(lesson).hasSizeGreaterThanOrEqualTo(4);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void theStartingCodeFailsItsCheck(Exercise exercise) throws Exception {
        Verification verification = verify(exercise, exercise.start());

        assertThat(verification)
                .as("%s: %s", exercise.name(), verification)
                .isInstanceOfAny(Verification.RunFailed.class, Verification.InterleavingFailed.class);
        if (exercise.check() == Exercise.Check.EXPLORE) {
            // The one run may fail by luck now and then; exploring must find the bug every time.
            Exploration explored = verifier.explore(exercise, exercise.start(), Files.readString(exercise.start()));
            assertThat(explored)
                    .as("a race or deadlock is found by exploring schedules, not by luck in one run")
                    .isInstanceOf(Exploration.Failure.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void theReferenceSolutionPassesIt(Exercise exercise) throws Exception {
        Verification verification = verify(exercise, exercise.solution());

        assertThat(verification).as("%s: %s", exercise.name(), verification).isInstanceOf(Verification.Passed.class);
    }

    private static Verification verify(Exercise exercise, Path file) throws Exception {
        return verifier.verify(exercise, file, Files.readString(file), Optional.empty(), line -> {});
    }
}
