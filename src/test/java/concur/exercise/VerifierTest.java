package concur.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import concur.explore.Exploration;
import concur.explore.Explorer;
import concur.lesson.Exercise;
import concur.lesson.LessonParser;
import concur.run.ExampleCompiler;
import concur.run.ExampleRunner;
import concur.step.StepRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerifierTest {
    private static final Path LESSON = Path.of("src/test/resources/fixtures/exercises/lessons/ex.md");

    private static Verifier verifier() {
        ExampleCompiler compiler = new ExampleCompiler(Path.of(System.getProperty("concur.cache")));
        List<Path> jdks = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
        jdks.addAll(Explorer.jdkFolders(Path.of("/usr/lib/jvm")));
        Explorer explorer = new Explorer(
                Path.of(System.getProperty("concur.fray")),
                Path.of("target/fray-jdk"),
                Explorer.findJdk25(jdks),
                progress -> {});
        return new Verifier(compiler, new StepRunner(compiler, new ExampleRunner(), Optional.empty()), explorer);
    }

    /** A race whose one run already came out wrong is explored all the same, so the learner sees how. */
    @Test
    void aRaceWhoseRunFailedStillShowsTheInterleaving() throws Exception {
        Exercise race = new LessonParser().parse(LESSON).exercises().get(1);
        String start = Files.readString(race.start());
        // Lost in every run: the check wants one more increment than the threads make.
        String wrong = start.replace("count != 4", "count != 5");

        Verification verification = verifier().verify(race, race.start(), wrong, Optional.of(50), line -> {});

        assertThat(verification.run().verdict().passed()).isFalse();
        assertThat(verification)
                .isInstanceOfSatisfying(
                        Verification.InterleavingFailed.class,
                        failed -> assertThat(failed.failure()).isInstanceOf(Exploration.Failure.class));
    }
}
