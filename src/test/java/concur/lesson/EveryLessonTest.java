package concur.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import concur.check.Verdict;
import concur.run.ExampleCompiler;
import concur.run.ExampleRunner;
import concur.run.RunResult;
import concur.run.StepRunner;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every step of every lesson, through the real compiler, child JVM and matcher: the lessons are the product. */
class EveryLessonTest {
    private final StepRunner runner = new StepRunner(ExampleCompiler.withDefaultCache(), new ExampleRunner(), Optional.empty());

    @TestFactory
    Stream<DynamicNode> everyStepMatchesItsExpectation() {
        return new Catalog(Path.of("lessons")).entries().stream().map(entry -> {
            Lesson lesson = parse(entry.file());
            return DynamicContainer.dynamicContainer(lesson.name(), lesson.steps().stream()
                    .filter(Step::runnable)
                    .map(step -> DynamicTest.dynamicTest("step " + step.number() + ": " + step.title(), () -> {
                        RunResult result = runner.run(step, line -> {});
                        Verdict verdict = Verdict.of(step.expectation().orElseThrow(), result, ExampleRunner.DEFAULT_LINE_LIMIT);
                        assertThat(verdict.passed()).as(verdict.summary()).isTrue();
                    })));
        });
    }

    private static Lesson parse(Path file) {
        try {
            return new LessonParser().parse(file);
        } catch (LessonException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
