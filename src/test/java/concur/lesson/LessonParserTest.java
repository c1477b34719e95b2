package concur.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import concur.run.Example;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LessonParserTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    static final Path HOSTILE = Path.of("src/test/resources/hostile");

    private final LessonParser parser = new LessonParser();

    @Nested
    class AWellFormedLesson {
        private final Lesson lesson = parse("passing.md");

        @Test
        void takesItsNameFromTheFileAndItsTitleFromTheFrontMatter() {
            assertThat(lesson.name()).isEqualTo("passing");
            assertThat(lesson.title()).isEqualTo("A passing lesson");
            assertThat(lesson.intro()).isEqualTo("The smallest lesson that runs.");
        }

        @Test
        void hasOneStepPerLevelTwoHeading() {
            assertThat(lesson.steps()).extracting(Step::title)
                    .containsExactly("Hello from a worker", "Prose only", "From a file");
            assertThat(lesson.steps()).extracting(Step::number).containsExactly(1, 2, 3);
            assertThat(lesson.steps().get(0).line()).isEqualTo(7);
        }

        @Test
        void readsAnInlineExampleWithItsPublicClassAndSourceLine() {
            Example example = lesson.steps().get(0).demo().orElseThrow().example();
            assertThat(example.className()).isEqualTo("Hello");
            assertThat(example.source()).startsWith("public class Hello {");
            assertThat(example.firstLine()).isEqualTo(10);
            assertThat(example.file()).isEqualTo(FIXTURES.resolve("passing.md"));
        }

        @Test
        void keepsHintsAndThePythonNoteOutOfTheProse() {
            Step step = lesson.steps().get(0);
            assertThat(step.hints()).containsExactly("join() waits for the worker.");
            assertThat(step.pythonNote()).contains("the same with threading.Thread.");
            assertThat(step.text()).doesNotContain("Hint:").doesNotContain("Python:");
            assertThat(step.demo()).isPresent();
        }

        @Test
        void aStepWithoutAnExampleIsProseOnly() {
            Step prose = lesson.steps().get(1);
            assertThat(prose.runnable()).isFalse();
            assertThat(prose.demo()).isEmpty();
            assertThat(prose.text()).isEqualTo("A step with nothing to run.");
        }

        @Test
        void readsDirectives() {
            Step fromFile = lesson.steps().get(2);
            Demo demo = fromFile.demo().orElseThrow();
            Example example = demo.example();
            assertThat(example.className()).isEqualTo("Counted");
            assertThat(example.file()).endsWith(Path.of("passing", "Counted.java"));
            assertThat(example.firstLine()).isEqualTo(1);
            assertThat(demo.timeout()).contains(Duration.ofSeconds(10));
            assertThat(demo.args()).containsExactly("3");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing-expected.md   | 3  | step "A step without its expected output" has an example but no ```expected block
            unknown-directive.md  | 5  | unknown directive 'exmaple' (known: example, timeout, java-options, args)
            missing-source.md     | 5  | file src/test/resources/fixtures/missing-source/Nowhere.java does not exist
            unterminated-block.md | 13 | this ``` block is never closed
            """)
    void reportsAMalformedLessonAsFileLineProblem(String file, int line, String problem) {
        assertThatThrownBy(() -> parser.parse(FIXTURES.resolve(file)))
                .isInstanceOf(LessonException.class)
                .hasMessage("src/test/resources/fixtures/" + file + ":" + line + ": " + problem);
    }

    @Test
    void reportsABadExpectationAtItsOwnLine() {
        assertThatThrownBy(() -> parser.parse(FIXTURES.resolve("bad-placeholder.md")))
                .isInstanceOf(LessonException.class)
                .hasMessageStartingWith("src/test/resources/fixtures/bad-placeholder.md:14: ")
                .hasMessageContaining("{tread}");
    }

    @ParameterizedTest(name = "timeout={0}")
    @CsvSource(delimiter = '|', textBlock = """
            999999999999m                          | is too long: a time limit is at most 1 hour (60m)
            61m                                    | is too long: a time limit is at most 1 hour (60m)
            99999999999999999999999999999999999s   | is too long: a time limit is at most 1 hour (60m)
            0s                                     | is too short: a time limit is at least 1ms
            0.0000001ms                            | is too short: a time limit is at least 1ms
            -5s                                    | is not a duration like 500ms, 10s or 2m
            1e9s                                   | is not a duration like 500ms, 10s or 2m
            """)
    void rejectsATimeLimitOutsideItsBounds(String timeout, String problem, @TempDir Path dir) throws Exception {
        Path lesson = dir.resolve("limits.md");
        Files.writeString(lesson, Files.readString(HOSTILE.resolve("absurd-timeout.md")).replace("999999999999m", timeout));

        assertThatThrownBy(() -> parser.parse(lesson))
                .isInstanceOf(LessonException.class)
                .hasMessageEndingWith("limits.md:5: timeout \"" + timeout + "\" " + problem);
    }

    @Test
    void acceptsATimeLimitOfAnHour(@TempDir Path dir) throws Exception {
        Path lesson = dir.resolve("limits.md");
        Files.writeString(lesson, Files.readString(HOSTILE.resolve("absurd-timeout.md")).replace("999999999999m", "60m"));

        assertThat(parser.parse(lesson).steps().get(0).demo().orElseThrow().timeout()).contains(Duration.ofHours(1));
    }

    @Test
    void everyLessonInTheRepositoryParses() throws LessonException {
        for (LessonHead entry : new Catalog(Path.of("lessons")).entries()) {
            Lesson lesson = parser.parse(entry.file());
            assertThat(lesson.steps()).as(entry.name()).hasSize(entry.steps());
            assertThat(lesson.title()).isEqualTo(entry.title());
        }
    }

    private Lesson parse(String name) {
        try {
            return parser.parse(FIXTURES.resolve(name));
        } catch (LessonException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
