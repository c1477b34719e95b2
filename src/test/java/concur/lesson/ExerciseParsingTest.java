package concur.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exercises follow a lesson's steps: a heading "## Exercise: ...", a directive, the task, expected output, hints. */
class ExerciseParsingTest {
    private static final String PROGRAM = "public class Counter { public static void main(String[] a) {} }\n";
    private static final String STEP = """
            ---
            title: T
            ---
            ## A step

            Prose.

            """;

    @TempDir
    Path dir;

    private Path lesson;

    @BeforeEach
    void files() throws IOException {
        Files.createDirectories(dir.resolve("t/exercises"));
        Files.createDirectories(dir.resolve("t/solutions"));
        Files.writeString(dir.resolve("t/exercises/Counter.java"), PROGRAM);
        Files.writeString(dir.resolve("t/solutions/Counter.java"), PROGRAM);
        lesson = dir.resolve("t.md");
    }

    private Lesson parse(String exercises) throws Exception {
        Files.writeString(lesson, STEP + exercises);
        return new LessonParser().parse(lesson);
    }

    private static String exercise(String directive) {
        return """
                ## Exercise: Lost increments

                <!-- concur: %s -->

                Make every increment count.

                ```expected
                count 4
                ```

                > Hint: Two threads read the same value.

                > Hint: Use an AtomicInteger.
                """.formatted(directive);
    }

    private static final String GOOD =
            "name=lost-increments exercise=t/exercises/Counter.java solution=t/solutions/Counter.java check=explore";

    @Test
    void anExerciseHasItsNameTaskFilesCheckExpectationAndHints() throws Exception {
        Lesson parsed = parse(exercise(GOOD + " timeout=20s schedules=200"));

        assertThat(parsed.steps()).hasSize(1);
        Exercise exercise = parsed.exercises().get(0);
        assertThat(exercise.name()).isEqualTo("lost-increments");
        assertThat(exercise.lesson()).isEqualTo("t");
        assertThat(exercise.title()).isEqualTo("Lost increments");
        assertThat(exercise.task()).isEqualTo("Make every increment count.");
        assertThat(exercise.start()).isEqualTo(dir.resolve("t/exercises/Counter.java"));
        assertThat(exercise.solution()).isEqualTo(dir.resolve("t/solutions/Counter.java"));
        assertThat(exercise.className()).isEqualTo("Counter");
        assertThat(exercise.check()).isEqualTo(Exercise.Check.EXPLORE);
        assertThat(exercise.timeout()).contains(Duration.ofSeconds(20));
        assertThat(exercise.schedules()).isEqualTo(200);
        assertThat(exercise.stressRuns()).isEqualTo(Exercise.DEFAULT_STRESS_RUNS);
        assertThat(exercise.hints()).containsExactly("Two threads read the same value.", "Use an AtomicInteger.");
        assertThat(exercise.expectation().displayLines()).containsExactly("count 4");
    }

    @Test
    void aStepAfterAnExerciseIsRefusedWithItsLine() {
        assertThatThrownBy(() -> parse(exercise(GOOD) + "\n## Another step\n\nProse.\n"))
                .isInstanceOf(LessonException.class)
                .hasMessageContaining("t.md:")
                .hasMessageContaining("exercises follow all its steps");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "exercise=t/exercises/Counter.java solution=t/solutions/Counter.java check=run | has no name",
                "name=x solution=t/solutions/Counter.java check=run | has no starting code",
                "name=x exercise=t/exercises/Counter.java check=run | has no reference solution",
                "name=x exercise=t/exercises/Counter.java solution=t/solutions/Counter.java | does not say how it is checked",
                "name=x exercise=t/exercises/Counter.java solution=t/exercises/Counter.java check=run | another file of the same name",
                "name=x exercise=t/exercises/Counter.java solution=t/solutions/Counter.java check=fast | check \"fast\" is not one",
                "name=Lost_Increments exercise=t/exercises/Counter.java solution=t/solutions/Counter.java check=run | lowercase words joined by dashes",
                "name=x exercise=t/exercises/Counter.java solution=t/solutions/Counter.java check=run schedules=0 | schedules=0 is not a whole number",
                "name=x exercise=../Counter.java solution=t/solutions/Counter.java check=run | outside the lesson's folder",
                "name=x example=t/exercises/Counter.java | 'example' belongs in a step",
            })
    void aBrokenExerciseDirectiveNamesTheProblem(String directive, String problem) {
        assertThatThrownBy(() -> parse(exercise(directive)))
                .isInstanceOf(LessonException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void anExerciseKeyInAStepIsRefused() {
        assertThatThrownBy(() -> parse("## Another\n\n<!-- concur: check=run -->\n"))
                .isInstanceOf(LessonException.class)
                .hasMessageContaining("'check' belongs in an exercise");
    }

    @Test
    void twoExercisesOfOneNameAreRefused() {
        assertThatThrownBy(() -> parse(exercise(GOOD) + "\n" + exercise(GOOD)))
                .isInstanceOf(LessonException.class)
                .hasMessageContaining("exercise name lost-increments is taken by line");
    }

    @Test
    void anInlineJavaBlockInAnExerciseIsRefused() {
        assertThatThrownBy(() -> parse(exercise(GOOD) + "\n```java\n" + PROGRAM + "```\n"))
                .isInstanceOf(LessonException.class)
                .hasMessageContaining("an exercise's code lives in a file");
    }
}
