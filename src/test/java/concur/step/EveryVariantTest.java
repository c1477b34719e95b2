package concur.step;

import static org.assertj.core.api.Assertions.assertThat;

import concur.lesson.Step;
import concur.lesson.Variant;
import concur.run.ExampleRunner;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every runnable step proves its point: its example with the point taken away (each variant the lesson
 * names) fails the step's expected output, run after run. A step whose check passes without its point
 * teaches nothing. {@code -Dconcur.variantRuns=20} runs each variant 20 times, as the lessons' review asks;
 * CI runs each {@value #CI_RUNS} time to keep the build short (several variants hang until their time limit, by design).
 */
class EveryVariantTest {
    private static final int CI_RUNS = 1;
    private static final int RUNS = Integer.getInteger("concur.variantRuns", CI_RUNS);

    private final StepRunner runner =
            new StepRunner(EveryLessonTest.TestCache.compiler(), new ExampleRunner(), Optional.empty());

    @TestFactory
    Stream<DynamicNode> everyVariantFailsItsStepEveryTime() {
        return EveryLessonTest.lessons()
                .map(lesson -> DynamicContainer.dynamicContainer(
                        lesson.name(),
                        lesson.steps().stream()
                                .filter(Step::runnable)
                                .map(step -> DynamicContainer.dynamicContainer(
                                        "step " + step.number() + ": " + step.title(),
                                        Stream.concat(
                                                Stream.of(DynamicTest.dynamicTest(
                                                        "names a variant",
                                                        () -> assertThat(step.variants())
                                                                .as(
                                                                        "step %d of %s has no variant",
                                                                        step.number(), lesson.name())
                                                                .isNotEmpty())),
                                                step.variants().stream()
                                                        .map(variant -> DynamicTest.dynamicTest(
                                                                "without " + variant.removes() + " it fails",
                                                                () -> assertFailsEveryTime(step, variant))))))));
    }

    private void assertFailsEveryTime(Step step, Variant variant) throws Exception {
        for (int run = 1; run <= RUNS; run++) {
            StepRunner.Played played = runner.play(variant.in(step.demo().orElseThrow()), line -> {});
            assertThat(played.verdict())
                    .as("run %d of %d without %s", run, RUNS, variant.removes())
                    .isNotInstanceOf(Verdict.NotStarted.class);
            assertThat(played.verdict().passed())
                    .as("run %d of %d: the step still matched without %s", run, RUNS, variant.removes())
                    .isFalse();
        }
    }
}
