package concur.cli;

import static org.assertj.core.api.Assertions.assertThat;

import concur.lesson.Catalog;
import concur.view.Screen;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The commands as a learner and CI meet them: exit codes, messages, and never a stack trace. */
class CommandsTest {
    static final String FIXTURES = "src/test/resources/fixtures/";

    /** One run of concur with captured output. */
    record Outcome(int code, String out, String err) {}

    static Outcome concurWithInput(String input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Context context = new Context(new Catalog(Path.of("lessons")), Screen.plain(), new PrintWriter(out, true),
                new PrintWriter(err, true), new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        int code = Main.run(context, args);
        return new Outcome(code, out.toString(), err.toString());
    }

    static Outcome concur(String... args) {
        return concurWithInput("", args);
    }

    @Nested
    class Run {
        @Test
        void exitsZeroWhenEveryStepMatches() {
            Outcome result = concur("run", FIXTURES + "passing.md");

            assertThat(result.code()).as(result.err()).isZero();
            assertThat(result.out()).contains("── passing · step 1/3 · Hello from a worker ──")
                    .contains("PASS  matched in").contains("2 of 2 steps matched");
        }

        @Test
        void exitsOneWhenAnExpectationIsWrongAndSaysWhichLine() {
            Outcome result = concur("run", FIXTURES + "wrong-expectation.md");

            assertThat(result.code()).isEqualTo(1);
            assertThat(result.out()).contains("FAIL  line 18:").contains("three").contains("0 of 1 steps matched");
            assertThat(result.out()).containsPattern("(?m)^- +\\| three$");
        }

        @Test
        void exitsTwoForAMalformedLessonWithFileAndLine() {
            Outcome result = concur("run", FIXTURES + "missing-expected.md");

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err()).contains("concur: " + FIXTURES + "missing-expected.md:3: step ");
            assertThat(result.err()).doesNotContain("\tat ").doesNotContain("Exception");
        }

        @Test
        void exitsTwoForAnExampleThatDoesNotCompile() {
            Outcome result = concur("run", FIXTURES + "compile-error.md");

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err()).contains(FIXTURES + "compile-error.md:8: ';' expected");
        }

        @Test
        void repeatsEveryStepAndCountsThePasses() {
            Outcome result = concur("run", FIXTURES + "passing.md", "--step", "1", "--repeat", "3");

            assertThat(result.code()).isZero();
            assertThat(result.out()).contains("3/3 passed").containsPattern("passing +step 1: Hello from a worker +3/3");
        }

        @Test
        void writesAJUnitReportWithTheMismatchAsFailureText() throws Exception {
            Path report = Path.of("target/test-reports/wrong-expectation.xml");
            java.nio.file.Files.deleteIfExists(report);

            Outcome result = concur("run", FIXTURES + "wrong-expectation.md", "--report", report.toString());

            assertThat(result.code()).isEqualTo(1);
            assertThat(java.nio.file.Files.readString(report))
                    .contains("<testsuite name=\"wrong-expectation\" tests=\"1\" failures=\"1\" errors=\"0\"")
                    .contains("<testcase classname=\"wrong-expectation\" name=\"step 1: Counts to two, expects three\"")
                    .contains("<failure message=\"line 18: expected &quot;three&quot; but the output ended\">")
                    .containsPattern("(?m)^- +\\| three$");
        }

        @Test
        void drawsATimelineAfterEachStepOnRequest() {
            Outcome result = concur("run", FIXTURES + "passing.md", "--step", "1", "--timeline");

            assertThat(result.out()).contains("Timeline").containsPattern("(?m)^worker +\\*").containsPattern("(?m)^main +");
        }

        @Test
        void needsALessonOrAll() {
            Outcome result = concur("run");

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err()).contains("name a lesson, a lesson file, or --all");
        }

        @Test
        void rejectsAStepThatDoesNotExist() {
            Outcome result = concur("run", FIXTURES + "passing.md", "--step", "9");

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err()).contains("there is no step 9 (the lesson has 3)");
        }

        @Test
        void rejectsAMalformedTimeout() {
            Outcome result = concur("run", "threads", "--timeout", "soon");

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err()).contains("'soon' is not a duration like 500ms, 10s or 2m");
        }
    }

    @Nested
    class Lesson {
        @Test
        void suggestsTheLessonATypoMeant() {
            Outcome result = concur("lesson", "thread");

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err().strip()).isEqualTo("concur: no lesson 'thread'; did you mean 'threads'?");
        }

        @Test
        void stepsThroughWithEnterAndEnds() {
            Outcome result = concurWithInput("\n\n\n", "lesson", FIXTURES + "passing.md");

            assertThat(result.code()).isZero();
            assertThat(result.out()).contains("A passing lesson\n═").contains("step 3/3 · From a file").contains("End of passing: 2 of 2 examples passed.");
        }

        @Test
        void showsHintsOneAtATimeAndQuitsOnQ() {
            Outcome result = concurWithInput("h\nh\nq\n", "lesson", FIXTURES + "passing.md");

            assertThat(result.code()).isZero();
            assertThat(result.out()).contains("Hint 1/1: join() waits for the worker.").contains("No more hints.")
                    .doesNotContain("step 2/3");
        }

        @Test
        void runsAStepAgainOnR() {
            Outcome result = concurWithInput("r\nq\n", "lesson", FIXTURES + "passing.md");

            assertThat(result.out().split("PASS", -1)).hasSize(3);
        }

        @Test
        void showsWhereTheLearnerIsAndWhichKeysDoWhat() {
            Outcome result = concurWithInput("q\n", "lesson", FIXTURES + "passing.md");

            assertThat(result.out()).contains("passing · step 1/3 · passed 1")
                    .contains("[Enter] next  [b] back  [r] run again  [s] source  [h] hint  [p] Python  [t] timeline");
        }

        @Test
        void showsTheSourceThePythonNoteAndTheTimelineOnRequest() {
            Outcome result = concurWithInput("s\np\nt\nq\n", "lesson", FIXTURES + "passing.md");

            assertThat(result.out()).containsPattern("1 . public class Hello \\{")
                    .contains("Python: the same with threading.Thread.")
                    .contains("Timeline on.")
                    .containsPattern("(?m)^worker +\\*");
        }

        @Test
        void jumpsToAStepAndGoesBack() {
            Outcome result = concurWithInput("g3\nb\nq\n", "lesson", FIXTURES + "passing.md");

            String out = result.out();
            assertThat(out.indexOf("step 3/3 · From a file")).isPositive();
            assertThat(out.lastIndexOf("step 2/3 · Prose only")).isGreaterThan(out.indexOf("step 3/3 · From a file"));
        }

        @Test
        void refusesAStepThatDoesNotExist() {
            Outcome result = concurWithInput("g9\nq\n", "lesson", FIXTURES + "passing.md");

            assertThat(result.out()).contains("There is no such step; the steps are 1 to 3.");
        }

        @Test
        void quitsAtTheEndOfInputRatherThanHanging() {
            Outcome result = concurWithInput("", "lesson", FIXTURES + "passing.md");

            assertThat(result.code()).isZero();
            assertThat(result.out()).doesNotContain("step 2/3");
        }
    }

    @Test
    void printsACompletionScriptThatCompletesLessonNamesInBash() throws Exception {
        Outcome result = concur("completion", "bash");
        assertThat(result.code()).isZero();
        Path script = Path.of("target/concur-completion.bash");
        java.nio.file.Files.writeString(script, result.out());

        Process bash = new ProcessBuilder("bash", "-c", "source " + script + "; COMP_WORDS=(concur lesson th); COMP_CWORD=2;"
                + " COMP_LINE='concur lesson th'; COMP_POINT=${#COMP_LINE}; _complete_concur concur th lesson; echo \"${COMPREPLY[@]}\"")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start(); // bash warns that compopt runs outside completion
        String completions = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertThat(completions).isEqualTo("threads");
    }

    @Test
    void refusesAShellItCannotComplete() {
        Outcome result = concur("completion", "fish");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("concur completes in bash and zsh, not 'fish'");
    }

    @Test
    void listsTheLessons() {
        Outcome result = concur("list");

        assertThat(result.code()).isZero();
        assertThat(result.out()).containsPattern("(?m)^threads +.+ \\(\\d+ steps\\)$");
    }

    @Test
    void printsHelpWithExamplesAndAVersion() {
        assertThat(concur("--help").out()).contains("Commands:").contains("lesson").contains("run").contains("Examples:");
        assertThat(concur("run", "--help").out()).contains("Exit status:").contains("concur run --all");
        assertThat(concur("--version").out()).startsWith("concur ");
    }

    @Test
    void rejectsAnUnknownCommandWithExitTwo() {
        Outcome result = concur("frobnicate");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("frobnicate");
    }
}
