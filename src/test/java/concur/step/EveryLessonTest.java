package concur.step;

import static org.assertj.core.api.Assertions.assertThat;

import concur.check.Expectation;
import concur.check.Mark;
import concur.lesson.Catalog;
import concur.lesson.Lesson;
import concur.lesson.LessonException;
import concur.lesson.LessonParser;
import concur.lesson.Step;
import concur.run.ExampleCompiler;
import concur.run.ExampleRunner;
import concur.run.Outcome;
import concur.run.OutputLine;
import concur.run.RunResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every step of every lesson, through the real compiler, child JVM and matcher: the lessons are the product. */
class EveryLessonTest {
    private final StepRunner runner = new StepRunner(TestCache.compiler(), new ExampleRunner(), Optional.empty());

    @TestFactory
    Stream<DynamicNode> everyStepMatchesItsExpectation() {
        return lessons()
                .map(lesson -> DynamicContainer.dynamicContainer(
                        lesson.name(),
                        lesson.steps().stream()
                                .filter(Step::runnable)
                                .map(step ->
                                        DynamicTest.dynamicTest("step " + step.number() + ": " + step.title(), () -> {
                                            StepRunner.Played played = runner.play(step, line -> {});
                                            assertThat(played.verdict().passed())
                                                    .as(played.verdict().summary())
                                                    .isTrue();
                                            assertMutantsFail(
                                                    step.demo().orElseThrow().expectation(), played);
                                        }))));
    }

    /**
     * The step's expectation has teeth: the same real output with one line dropped, or that line changed,
     * does not match. The line is the first one matched by an expected line with literal text in it.
     */
    private static void assertMutantsFail(Expectation expectation, StepRunner.Played played) {
        RunResult run = played.run();
        int exitCode = run.outcome() instanceof Outcome.Exited exited ? exited.code() : -1;
        OutputLine victim = played.verdict().match().rows().stream()
                .filter(row -> row.mark() == Mark.MATCH && row.actual().isPresent())
                .filter(row ->
                        row.expected().map(EveryLessonTest::hasLiteralText).orElse(false))
                .map(row -> row.actual().orElseThrow())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no expected line with literal text matched: nothing to mutate"));
        List<OutputLine> dropped = new ArrayList<>(run.lines());
        dropped.remove(victim);
        List<OutputLine> changed = new ArrayList<>(run.lines());
        changed.set(
                changed.indexOf(victim),
                new OutputLine(victim.elapsed(), victim.thread(), victim.source(), "mutated by the teeth test"));

        assertThat(expectation.match(dropped, run.total(), exitCode).matched())
                .as("the output without \"%s\" still matches", victim.text())
                .isFalse();
        assertThat(expectation.match(changed, run.total(), exitCode).matched())
                .as("the output with \"%s\" changed still matches", victim.text())
                .isFalse();
    }

    /** An expected line that says something beyond placeholders, thread labels and {@code ...}. */
    private static boolean hasLiteralText(String expected) {
        String literal = expected.replaceAll("\\{[^}]*}", "")
                .replaceAll("^\\s*\\[[^]]*]", "")
                .strip();
        return !literal.isEmpty() && !literal.equals("...");
    }

    /** Every lesson in the repository, parsed. */
    static Stream<Lesson> lessons() {
        return new Catalog(Path.of("lessons")).entries().stream().map(head -> parse(head.file()));
    }

    private static Lesson parse(Path file) {
        try {
            return new LessonParser().parse(file);
        } catch (LessonException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** The compile cache the build gives the tests ({@code concur.cache}), so test runs share compiled examples. */
    static final class TestCache {
        private TestCache() {}

        static ExampleCompiler compiler() {
            return new ExampleCompiler(Path.of(System.getProperty("concur.cache", "target/example-cache")));
        }
    }
}
