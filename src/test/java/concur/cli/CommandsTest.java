package concur.cli;

import static org.assertj.core.api.Assertions.assertThat;

import concur.view.Screen;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The commands as a learner and CI meet them: exit codes, messages, and never a stack trace. */
class CommandsTest {
    static final String FIXTURES = "src/test/resources/fixtures/";
    static final String HOSTILE = "src/test/resources/hostile/";
    /** This checkout, the build's compile cache, and no terminal. */
    static final Settings SETTINGS = Settings.read(java.util.Map.of(), System.getProperties());

    /** One run of concur with captured output. */
    record Result(int code, String out, String err) {}

    /** Concur with {@code input} as the learner's keys, and a new, empty workspace: no progress from other tests. */
    static Result concurWithInput(String input, String... args) {
        try {
            Path workspace = java.nio.file.Files.createTempDirectory(
                    java.nio.file.Files.createDirectories(Path.of("target/test-workspaces")), "ws");
            return concurWithInputIn(workspace, input, args);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Concur with {@code input} as the learner's keys, keeping progress in {@code workspace}. */
    static Result concurWithInputIn(Path workspace, String input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Context context = Context.of(
                Settings.read(java.util.Map.of("CONCUR_WORKSPACE", workspace.toString()), System.getProperties()),
                Screen.plain(),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        int code = Main.run(context, args);
        return new Result(code, out.toString(), err.toString());
    }

    static Result concur(String... args) {
        return concurWithInput("", args);
    }

    @Nested
    class RunCommand {
        @Test
        void exitsZeroWhenEveryStepMatches() {
            Result result = concur("run", FIXTURES + "passing.md");

            assertThat(result.code()).as(result.err()).isZero();
            assertThat(result.out())
                    .contains("── passing · step 1/3 · Hello from a worker ──")
                    .contains("PASS  matched in")
                    .contains("2 of 2 steps matched");
        }

        @Test
        void exitsOneWhenAnExpectationIsWrongAndSaysWhichLine() {
            Result result = concur("run", FIXTURES + "wrong-expectation.md");

            assertThat(result.code()).isEqualTo(1);
            assertThat(result.out())
                    .contains("FAIL  line 18:")
                    .contains("three")
                    .contains("0 of 1 steps matched");
            assertThat(result.out()).containsPattern("(?m)^- +\\| three$");
        }

        @Test
        void exitsTwoForAMalformedLessonWithFileAndLine() {
            Result result = concur("run", FIXTURES + "missing-expected.md");

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err()).contains("concur: " + FIXTURES + "missing-expected.md:3: step ");
            assertThat(result.err()).doesNotContain("\tat ").doesNotContain("Exception");
        }

        @Test
        void exitsTwoForAnExampleThatDoesNotCompile() {
            Result result = concur("run", FIXTURES + "compile-error.md");

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err())
                    .as("the error, then the line javac points at and a caret under the place")
                    .containsPattern(
                            Pattern.quote(FIXTURES + "compile-error.md:8: ';' expected") + "\\n    .*\\S.*\\n +\\^");
            assertThat(result.out())
                    .as("the step that did not compile is one of the steps")
                    .contains("0 of 1 steps matched; 1 error");
        }

        @Test
        void repeatsEveryStepAndCountsThePasses() {
            Result result = concur("run", FIXTURES + "passing.md", "--step", "1", "--repeat", "3");

            assertThat(result.code()).isZero();
            assertThat(result.out())
                    .contains("3/3 passed")
                    .containsPattern("passing +step 1: Hello from a worker +3/3");
        }

        @Test
        void runsEachVariantWhichMustFailAndNamesTheOneThatDoesNot() {
            Result result = concur("run", FIXTURES + "variants/teeth.md", "--variants", "--repeat", "2");

            assertThat(result.code()).isEqualTo(1);
            assertThat(result.out())
                    .contains("step 1 without join(): failed 2/2, as it must")
                    .contains("step 1 without nothing at all: failed 0/2; it must fail every time");
        }

        @Test
        void aStepWithoutAVariantIsAnErrorUnderVariants() {
            Result result = concur("run", FIXTURES + "passing.md", "--step", "1", "--variants");

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err())
                    .contains(FIXTURES + "passing.md:7: step 1 (\"Hello from a worker\") has no variant");
        }

        @Test
        void writesAJUnitReportWithTheMismatchAsFailureText() throws Exception {
            Path report = Path.of("target/test-reports/wrong-expectation.xml");
            java.nio.file.Files.deleteIfExists(report);

            Result result = concur("run", FIXTURES + "wrong-expectation.md", "--report", report.toString());

            assertThat(result.code()).isEqualTo(1);
            assertThat(java.nio.file.Files.readString(report))
                    .contains("<testsuite name=\"wrong-expectation\" tests=\"1\" failures=\"1\" errors=\"0\"")
                    .contains("<testcase classname=\"wrong-expectation\" name=\"step 1: Counts to two, expects three\"")
                    .contains("<failure message=\"line 18: expected &quot;three&quot; but the output ended\">")
                    .containsPattern("(?m)^- +\\| three$");
        }

        @Test
        void drawsATimelineAfterEachStepOnRequest() {
            Result result = concur("run", FIXTURES + "passing.md", "--step", "1", "--timeline");

            assertThat(result.out())
                    .contains("Timeline")
                    .containsPattern("(?m)^worker +\\*")
                    .containsPattern("(?m)^main +");
        }

        @Test
        void needsALessonOrAll() {
            Result result = concur("run");

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err()).contains("name a lesson, a lesson file, or --all");
        }

        @Test
        void rejectsAStepThatDoesNotExist() {
            Result result = concur("run", FIXTURES + "passing.md", "--step", "9");

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err()).contains("there is no step 9 (the lesson has 3)");
        }

        @ParameterizedTest(name = "--timeout {0}")
        @ValueSource(strings = {"999999999999m", "0s", "61m"})
        void rejectsATimeoutOutsideItsBounds(String timeout) {
            Result result = concur("run", "threads", "--timeout", timeout);

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err()).contains("'" + timeout + "' is too ").contains("a time limit is at");
            assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }

        @Test
        void rejectsALessonWithAnAbsurdTimeoutNamingItsLine() {
            Result result = concur("run", HOSTILE + "absurd-timeout.md");

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err()).contains(HOSTILE + "absurd-timeout.md:5: timeout \"999999999999m\" is too long");
        }

        @Test
        void compilesIntoATemporaryCacheAndSaysSoWhenTheCacheCannotBeWritten(@TempDir Path dir) throws Exception {
            Path inTheWay = java.nio.file.Files.writeString(dir.resolve("file"), "not a folder");

            Result result = concurWith(
                    java.util.Map.of("concur.cache", inTheWay.resolve("classes").toString()),
                    "run",
                    FIXTURES + "passing.md");

            assertThat(result.code()).as(result.err()).isZero();
            assertThat(result.err())
                    .startsWith("concur: cannot write the compile cache " + inTheWay.resolve("classes"))
                    .contains("compiling into");
            assertThat(result.err().strip().lines()).hasSize(1);
            assertNoStackTrace(result);
        }

        @Test
        void rejectsAMalformedTimeout() {
            Result result = concur("run", "threads", "--timeout", "soon");

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err()).contains("'soon' is not a duration like 500ms, 10s or 2m");
        }
    }

    @Nested
    class LessonCommand {
        @Test
        void suggestsTheLessonATypoMeant() {
            Result result = concur("lesson", "thread");

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err().strip()).isEqualTo("concur: no lesson 'thread'; did you mean 'threads'?");
        }

        @Test
        void stepsThroughWithEnterAndEnds() {
            Result result = concurWithInput("\n\n\n", "lesson", FIXTURES + "passing.md");

            assertThat(result.code()).isZero();
            assertThat(result.out())
                    .contains("A passing lesson\n═")
                    .contains("step 3/3 · From a file")
                    .contains("End of passing: 2 of 2 examples passed.");
        }

        @Test
        void showsHintsOneAtATimeAndQuitsOnQ() {
            Result result = concurWithInput("h\nh\nq\n", "lesson", FIXTURES + "passing.md");

            assertThat(result.code()).isZero();
            assertThat(result.out())
                    .contains("Hint 1/1: join() waits for the worker.")
                    .contains("No more hints.")
                    .doesNotContain("step 2/3");
        }

        @Test
        void runsAStepAgainOnR() {
            Result result = concurWithInput("r\nq\n", "lesson", FIXTURES + "passing.md");

            assertThat(result.out().split("PASS", -1)).hasSize(3);
        }

        @Test
        void showsWhereTheLearnerIsAndWhichKeysDoWhat() {
            Result result = concurWithInput("q\n", "lesson", FIXTURES + "passing.md");

            assertThat(result.out())
                    .contains("passing · step 1/3 · passed 1")
                    .contains("[Enter] next [b]ack [r]un [s]ource [e]dit [d]iff [x] undo [h]int [p]ython [t]imeline");
        }

        @Test
        void showsTheSourceThePythonNoteAndTheTimelineOnRequest() {
            Result result = concurWithInput("s\np\nt\nq\n", "lesson", FIXTURES + "passing.md");

            assertThat(result.out())
                    .containsPattern("1 . public class Hello \\{")
                    .contains("Python: the same with threading.Thread.")
                    .contains("Timeline on.")
                    .containsPattern("(?m)^worker +\\*");
        }

        @Test
        void jumpsToAStepAndGoesBack() {
            Result result = concurWithInput("g3\nb\nq\n", "lesson", FIXTURES + "passing.md");

            String out = result.out();
            assertThat(out.indexOf("step 3/3 · From a file")).isPositive();
            assertThat(out.lastIndexOf("step 2/3 · Prose only")).isGreaterThan(out.indexOf("step 3/3 · From a file"));
        }

        @Test
        void refusesAStepThatDoesNotExist() {
            Result result = concurWithInput("g9\nq\n", "lesson", FIXTURES + "passing.md");

            assertThat(result.out()).contains("There is no such step; the steps are 1 to 3.");
        }

        @Test
        void quitsAtTheEndOfInputRatherThanHanging() {
            Result result = concurWithInput("", "lesson", FIXTURES + "passing.md");

            assertThat(result.code()).isZero();
            assertThat(result.out()).doesNotContain("step 2/3");
        }

        @Test
        void startsAtTheStepNamedEvenAProseStep() {
            Result third = concurWithInput("q\n", "lesson", FIXTURES + "passing.md", "3");
            Result prose = concurWithInput("q\n", "lesson", FIXTURES + "passing.md", "2");

            assertThat(third.code()).as(third.err()).isZero();
            assertThat(third.out())
                    .startsWith("A passing lesson\n═")
                    .contains("step 3/3 · From a file")
                    .doesNotContain("step 1/3")
                    .doesNotContain("The smallest lesson that runs."); // the introduction is for step 1
            assertThat(prose.out()).contains("step 2/3 · Prose only").doesNotContain("step 1/3");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "4"})
        void refusesToStartAtAStepThereIsNotNamingTheRange(String step) {
            Result result = concurWithInput("q\n", "lesson", FIXTURES + "passing.md", step);

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err().strip())
                    .isEqualTo(
                            "concur: " + FIXTURES + "passing.md: there is no step " + step + "; its steps are 1 to 3");
            assertThat(result.out()).doesNotContain("step 1/3");
        }

        @Test
        void offersToContinueWhereTheLearnerLeftOff(@TempDir Path workspace) {
            concurWithInputIn(workspace, "g3\nq\n", "lesson", FIXTURES + "passing.md");

            Result enter = concurWithInputIn(workspace, "\nq\n", "lesson", FIXTURES + "passing.md");
            Result no = concurWithInputIn(workspace, "n\nq\n", "lesson", FIXTURES + "passing.md");
            Result named = concurWithInputIn(workspace, "q\n", "lesson", FIXTURES + "passing.md", "1");

            assertThat(enter.out())
                    .startsWith("You were at step 3 of passing. Continue there? [Y/n] \n")
                    .contains("step 3/3 · From a file")
                    .doesNotContain("step 1/3");
            assertThat(no.out())
                    .contains("Continue there?")
                    .contains("step 1/3")
                    .doesNotContain("step 3/3");
            assertThat(named.out()).doesNotContain("Continue there?").contains("step 1/3");
        }

        @Test
        void offersNothingToALearnerNewToTheLesson() {
            Result result = concurWithInput("q\n", "lesson", FIXTURES + "passing.md");

            assertThat(result.out()).doesNotContain("Continue there?").contains("step 1/3");
        }

        @Test
        void aGoToStepLeftEmptyIsCancelledWithoutComplaint() {
            Result result = concurWithInput("g\n\nq\n", "lesson", FIXTURES + "passing.md");

            assertThat(result.out()).doesNotContain("There is no such step").doesNotContain("step 2/3");
        }

        @Test
        void rendersHintsAsMarkdown(@TempDir Path home) throws Exception {
            Path lessons = java.nio.file.Files.createDirectories(home.resolve("lessons"));
            java.nio.file.Files.writeString(
                    lessons.resolve("hinted.md"),
                    "# Hinted\n\n## Prose\n\nRead on.\n\n> Hint: imagine the line **deleted**.\n");

            Result result = concurIn(home, "h\nq\n", "lesson", "hinted");

            assertThat(result.out())
                    .contains("Hint 1/1: imagine the line deleted.")
                    .doesNotContain("**");
        }

        @Test
        void theEndNamesTheNextLessonAndTheLastSaysItWasTheLast(@TempDir Path home) throws Exception {
            Path lessons = java.nio.file.Files.createDirectories(home.resolve("lessons"));
            String passing = java.nio.file.Files.readString(Path.of(FIXTURES, "passing.md"));
            java.nio.file.Files.writeString(lessons.resolve("first.md"), passing);
            java.nio.file.Files.writeString(
                    lessons.resolve("alphabetically-first.md"), passing.replace("order: 1", "order: 2"));
            copyFolder(Path.of(FIXTURES, "passing"), lessons.resolve("passing"));

            Result first = concurIn(home, "g3\n\n", "lesson", "first");
            Result last = concurIn(home, "g3\n\n", "lesson", "alphabetically-first");

            assertThat(first.out()).contains("End of first:").endsWith("Next: concur lesson alphabetically-first\n");
            assertThat(last.out()).contains("End of alphabetically-first:").endsWith("That was the last lesson.\n");
        }

        @Test
        void welcomesALearnerBackWhereTheyWereOrToTheNextLesson(@TempDir Path home) throws Exception {
            Path lessons = java.nio.file.Files.createDirectories(home.resolve("lessons"));
            String passing = java.nio.file.Files.readString(Path.of(FIXTURES, "passing.md"));
            java.nio.file.Files.writeString(lessons.resolve("first.md"), passing);
            java.nio.file.Files.writeString(lessons.resolve("second.md"), passing.replace("order: 1", "order: 2"));
            concur.lesson.Catalog catalog = new concur.lesson.Catalog(lessons);
            Path file = home.resolve("progress");

            assertThat(LessonWalk.welcomeBack(catalog, file)).isEmpty();
            concur.workspace.Progress.load(file).update(edit -> edit.seen("first", 2));
            assertThat(LessonWalk.welcomeBack(catalog, file))
                    .contains("Welcome back: concur lesson first continues at step 2");
            concur.workspace.Progress.load(file).update(edit -> edit.seen("first", 3));
            assertThat(LessonWalk.welcomeBack(catalog, file)).contains("Welcome back: next is concur lesson second");
        }

        /** Concur in a checkout at {@code home}, with {@code input} as the keys and a workspace of its own. */
        private static Result concurIn(Path home, String input, String... args) {
            java.util.Properties properties = new java.util.Properties();
            properties.putAll(System.getProperties());
            properties.setProperty("concur.home", home.toString());
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Context context = Context.of(
                    Settings.read(
                            java.util.Map.of(
                                    "CONCUR_WORKSPACE", home.resolve("ws").toString()),
                            properties),
                    Screen.plain(),
                    new PrintWriter(out, true),
                    new PrintWriter(err, true),
                    new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            int code = Main.run(context, args);
            return new Result(code, out.toString(), err.toString());
        }

        private static void copyFolder(Path from, Path to) throws java.io.IOException {
            java.nio.file.Files.createDirectories(to);
            try (var files = java.nio.file.Files.list(from)) {
                for (Path file : files.toList()) {
                    java.nio.file.Files.copy(file, to.resolve(file.getFileName()));
                }
            }
        }
    }

    @Test
    void printsACompletionScriptThatCompletesLessonNamesInBash() throws Exception {
        Result result = concur("completion", "bash");
        assertThat(result.code()).isZero();
        Path script = Path.of("target/concur-completion.bash");
        java.nio.file.Files.writeString(script, result.out());

        Process bash = new ProcessBuilder(
                        "bash",
                        "-c",
                        "source " + script + "; COMP_WORDS=(concur lesson th); COMP_CWORD=2;"
                                + " COMP_LINE='concur lesson th'; COMP_POINT=${#COMP_LINE}; _complete_concur concur th lesson; echo \"${COMPREPLY[@]}\"")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start(); // bash warns that compopt runs outside completion
        String completions = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertThat(completions).isEqualTo("threads");

        Process step = new ProcessBuilder(
                        "bash",
                        "-c",
                        "source " + script + "; COMP_WORDS=(concur lesson threads 1); COMP_CWORD=3;"
                                + " COMP_LINE='concur lesson threads 1'; COMP_POINT=${#COMP_LINE};"
                                + " _complete_concur concur 1 threads; echo \"${COMPREPLY[@]}\"")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String steps = new String(step.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(steps.split(" ")).as("step numbers after a lesson's name").contains("1", "10", "11");
    }

    @Test
    void refusesAShellItCannotComplete() {
        Result result = concur("completion", "fish");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("concur completes in bash and zsh, not 'fish'");
    }

    @Test
    void listsTheLessons() {
        Result result = concur("list");

        assertThat(result.code()).isZero();
        assertThat(result.out()).containsPattern("(?m)^threads +.+ \\(\\d+ steps, \\d+ exercises\\)");
    }

    @Test
    void printsHelpWithExamplesAndAVersion() {
        assertThat(concur("--help").out())
                .contains("Commands:")
                .contains("lesson")
                .contains("run")
                .contains("Examples:");
        assertThat(concur("run", "--help").out()).contains("Exit status:").contains("concur run --all");
        assertThat(concur("--version").out()).startsWith("concur ");
    }

    @Test
    void everyCommandTheHelpListsAnswersToItsOwnNameAlone() {
        String help = concur("--help").out();
        List<String> names = help.lines()
                .dropWhile(line -> !line.startsWith("Commands:"))
                .skip(1)
                .takeWhile(line -> line.startsWith("  "))
                .filter(line -> !line.startsWith("   ")) // a description's second line
                .map(line -> line.strip().split("\\s+")[0])
                .toList();

        assertThat(names).contains("list", "lesson", "run", "exercise", "verify", "completion");
        for (String name : names) {
            Result usage = concur(name, "--help");
            assertThat(usage.code()).as(name).isZero();
            assertThat(usage.out()).as(name).startsWith("Usage: concur " + name + " ");
        }
    }

    @Test
    void anUnknownCommandIsAnsweredWithEveryCommandThereIs() {
        for (Result result : List.of(concur("lesosn"), concur("--debug", "lesosn"))) {
            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err())
                    .contains("'lesosn'")
                    .contains("lesson ", "list ", "verify ", "exercises ", "completion ");
        }
    }

    @Test
    void rejectsAnUnknownCommandWithExitTwo() {
        Result result = concur("frobnicate");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("frobnicate");
    }

    /** Concur with its lessons in {@code home}/lessons and the build's compile cache. */
    static Result concurIn(Path home, String... args) {
        return concurWith(java.util.Map.of("concur.home", home.toString()), args);
    }

    /** Concur with these system properties changed. */
    static Result concurWith(java.util.Map<String, String> changed, String... args) {
        java.util.Properties properties = new java.util.Properties();
        properties.putAll(System.getProperties());
        changed.forEach(properties::setProperty);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Context context = Context.of(
                Settings.read(java.util.Map.of(), properties),
                Screen.plain(),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                new ByteArrayInputStream(new byte[0]));
        int code = Main.run(context, args);
        return new Result(code, out.toString(), err.toString());
    }

    static void assertNoStackTrace(Result result) {
        assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(result.out()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Nested
    class ALessonsFolderWithBrokenFiles {
        @TempDir
        Path home;

        @org.junit.jupiter.api.BeforeEach
        void breakSomeLessons() throws Exception {
            Path lessons = java.nio.file.Files.createDirectories(home.resolve("lessons"));
            java.nio.file.Files.copy(Path.of(FIXTURES, "passing.md"), lessons.resolve("passing.md"));
            java.nio.file.Files.createDirectories(lessons.resolve("passing"));
            java.nio.file.Files.copy(
                    Path.of(FIXTURES, "passing/Counted.java"), lessons.resolve("passing/Counted.java"));
            java.nio.file.Files.createDirectory(lessons.resolve("folder.md"));
            java.nio.file.Files.createSymbolicLink(lessons.resolve("dangling.md"), home.resolve("nowhere.md"));
            assertThat(new ProcessBuilder("mkfifo", lessons.resolve("pipe.md").toString())
                            .start()
                            .waitFor())
                    .isZero();
            java.nio.file.Files.copy(Path.of(HOSTILE, "latin1.md"), lessons.resolve("latin1.md"));
        }

        @Test
        void listsTheOthersWithoutWaitingOnAPipe() {
            Result result = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(20), () -> concurIn(home, "list"));

            assertThat(result.code()).isZero();
            assertThat(result.out()).contains("A passing lesson");
            assertThat(result.err())
                    .contains("pipe.md: cannot read this lesson: it is not an ordinary file (a pipe or a device?)")
                    .contains("latin1.md:3: cannot read this lesson: it is not UTF-8 text (byte 0xE9 in column 7)");
            assertNoStackTrace(result);
        }

        @Test
        void runAllReportsEachBrokenFileAndStillRunsTheOthers() {
            Result result = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(60), () -> concurIn(home, "run", "--all"));

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err())
                    .contains("dangling.md: cannot read this lesson: no such file (a dangling link?)")
                    .contains("folder.md: cannot read this lesson: it is a folder, not a file")
                    .contains("pipe.md: cannot read this lesson: it is not an ordinary file")
                    .contains("latin1.md:3: cannot read this lesson: it is not UTF-8 text");
            assertThat(result.out()).contains("2 of 2 steps matched; 4 errors");
            assertNoStackTrace(result);
        }

        @ParameterizedTest(name = "concur {0} {1}")
        @CsvSource(delimiter = '|', textBlock = """
                run    | folder   | folder.md: cannot read this lesson: it is a folder, not a file
                run    | dangling | dangling.md: cannot read this lesson: no such file (a dangling link?)
                run    | pipe     | pipe.md: cannot read this lesson: it is not an ordinary file (a pipe or a device?)
                lesson | folder   | folder.md: cannot read this lesson: it is a folder, not a file
                lesson | dangling | dangling.md: cannot read this lesson: no such file (a dangling link?)
                lesson | pipe     | pipe.md: cannot read this lesson: it is not an ordinary file (a pipe or a device?)
                lesson | latin1   | latin1.md:3: cannot read this lesson: it is not UTF-8 text (byte 0xE9 in column 7); save it as UTF-8
                """)
        void aBrokenLessonByNameIsReportedAsItselfNotAsUnknown(String command, String name, String problem) {
            Result result = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(20), () -> concurIn(home, command, name));

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err()).contains(problem).doesNotContain("no lesson '");
            assertNoStackTrace(result);
        }

        @Test
        void anUnreadableLessonIsReportedAsItself() throws Exception {
            Path secret = java.nio.file.Files.writeString(
                    home.resolve("lessons/secret.md"), "# Secret\n\n## A step\n\nText.\n");
            java.nio.file.Files.setPosixFilePermissions(secret, java.util.Set.of());
            org.junit.jupiter.api.Assumptions.assumeFalse(
                    java.nio.file.Files.isReadable(secret), "root reads every file");

            Result result = concurIn(home, "run", "secret");

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err()).contains("secret.md: cannot read this lesson: permission denied");
            assertNoStackTrace(result);
        }

        @Test
        void aLoopOfLinksIsReportedAsItself() throws Exception {
            Path lessons = home.resolve("lessons");
            java.nio.file.Files.createSymbolicLink(lessons.resolve("loop.md"), lessons.resolve("pool.md"));
            java.nio.file.Files.createSymbolicLink(lessons.resolve("pool.md"), lessons.resolve("loop.md"));

            Result result = concurIn(home, "lesson", "loop");

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err()).contains("loop.md: cannot read this lesson: too many levels of symbolic links");
            assertNoStackTrace(result);
        }

        @Test
        void runAllWithNoLessonsAtAllIsAUsageError(@TempDir Path empty) {
            Result result = concurIn(empty, "run", "--all");

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err()).contains("no lessons in ");
        }

        @Test
        void runOfABrokenAndAGoodLessonRunsTheGoodOne() {
            Result result = concurIn(home, "run", "folder", "passing");

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err()).contains("folder.md: cannot read this lesson: it is a folder, not a file");
            assertThat(result.out()).contains("2 of 2 steps matched; 1 error");
        }
    }

    @Nested
    class HostileLessons {
        @Test
        void aLessonSavedOnWindowsRunsAsItsAuthorMeantIt() {
            Result result = concur("run", HOSTILE + "windows.md");

            assertThat(result.code()).as(result.err()).isZero();
            assertThat(result.out()).contains("# Saved on Windows").contains("2 of 2 steps matched");
        }

        @Test
        void aClassNamedInACommentOrAStringIsNotTheOneRun() {
            Result result = concur("run", HOSTILE + "class-names.md", "--step", "1");
            assertThat(result.code()).as(result.err() + result.out()).isZero();

            result = concur("run", HOSTILE + "class-names.md", "--step", "2");
            assertThat(result.code()).as(result.err() + result.out()).isZero();
        }

        @Test
        void anExampleWhoseJvmCannotStartIsExitTwoWithTheJvmsOwnWords() {
            Result result = concur("run", HOSTILE + "bad-java-options.md");

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err())
                    .contains("concur: " + HOSTILE + "bad-java-options.md:19: step 2 (\"An option no JVM knows\"):"
                            + " the example's JVM did not start (exit code 1): Unrecognized VM option 'NoSuchOption'");
            assertThat(result.out()).contains("1 of 2 steps matched; 1 error").doesNotContain("FAIL");
            assertNoStackTrace(result);
        }

        @Test
        void anExampleWhoseJvmCannotStartIsSaidInALessonToo() {
            Result result = concurWithInput("\n\n\n", "lesson", HOSTILE + "bad-java-options.md");

            assertThat(result.code()).isZero();
            assertThat(result.err()).contains("bad-java-options.md:19: the example's JVM did not start (exit code 1)");
            assertThat(result.out()).contains("End of bad-java-options: 1 of 2 examples passed.");
        }

        @Test
        void numbersBeyondAnyDoubleAreComparedAsTheyAre() {
            Result result = concur("run", HOSTILE + "matcher.md", "--step", "1");

            assertThat(result.code()).as(result.out() + result.err()).isZero();
            assertNoStackTrace(result);
        }

        @Test
        void aRegexThatBacktracksWithoutEndFailsTheStepNamingItsLine() {
            Result result = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(30), () -> concur("run", HOSTILE + "matcher.md", "--step", "2"));

            assertThat(result.code()).isEqualTo(1);
            assertThat(result.out()).contains("FAIL  line 30: \"{/((a+)+)+b/}\" takes too long to match \"aaaa");
            assertNoStackTrace(result);
        }

        @Test
        void thousandsOfDotsAreNoTrouble(@TempDir Path dir) throws Exception {
            String lesson = java.nio.file.Files.readString(Path.of(HOSTILE, "matcher.md"))
                    .replace("{/((a+)+)+b/}", "...\n".repeat(5_000) + "{/a+/}");
            Path file = java.nio.file.Files.writeString(dir.resolve("dots.md"), lesson);

            Result result = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(30), () -> concur("run", file.toString(), "--step", "2"));

            assertThat(result.code()).as(result.out() + result.err()).isZero();
        }

        @Test
        void twoRegexesThatDefineOneGroupAreAnErrorAtTheirLine() {
            Result result = concur("run", HOSTILE + "duplicate-group.md");

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err())
                    .contains("concur: " + HOSTILE + "duplicate-group.md:14: the regexes of this line do not fit"
                            + " together: Named capturing group <x> is already defined");
            assertNoStackTrace(result);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                climbs-out.md         | climbs-out.md:5: example ../fixtures/passing/Counted.java lies outside the lesson's folder
                absolute-example.md   | absolute-example.md:5: example /etc/Counted.java is an absolute path
                unclosed-quote.md     | unclosed-quote.md:5: the quote after args= is never closed
                latin1-example.md     | latin1-example/Grusse.java:2: cannot read this example: it is not UTF-8 text
                """)
        void aLessonThatCannotBeUsedAsWrittenIsExitTwoWithFileAndLine(String file, String problem) {
            Result result = concur("run", HOSTILE + file);

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err()).contains("concur: " + HOSTILE + problem);
            assertNoStackTrace(result);
        }
    }

    @Nested
    class EveryErrorHasOneWayOut {
        /** Writing anything fails with an exception concur does not expect: a stand-in for a bug in any command. */
        private static final PrintWriter BROKEN = new PrintWriter(new StringWriter()) {
            @Override
            public void write(String text, int offset, int length) {
                throw new IllegalStateException("injected failure");
            }
        };

        static Result withBrokenOutput(boolean debug, String... args) {
            StringWriter err = new StringWriter();
            Settings settings =
                    debug ? Settings.read(java.util.Map.of("CONCUR_DEBUG", "1"), System.getProperties()) : SETTINGS;
            Context context = Context.of(
                    settings,
                    Screen.plain(),
                    BROKEN,
                    new PrintWriter(err, true),
                    new ByteArrayInputStream(new byte[0]));
            return new Result(Main.run(context, args), "", err.toString());
        }

        @ParameterizedTest(name = "concur {0}")
        @ValueSource(strings = {"list", "lesson threads", "run threads --step 1", "completion bash"})
        void anUnexpectedExceptionInAnyCommandIsOneParagraphAndExitSeventy(String command) {
            Result result = withBrokenOutput(false, command.split(" "));

            assertThat(result.code()).isEqualTo(70);
            assertThat(result.err())
                    .startsWith("concur: internal error: java.lang.IllegalStateException: injected failure.")
                    .contains("This is a bug in concur; please report it")
                    .contains("--debug");
            assertThat(result.err().strip().lines()).hasSize(1);
            assertThat(result.err()).doesNotContain("\tat ");
        }

        @Test
        void debugShowsTheStackTraceAsWell() {
            assertThat(withBrokenOutput(true, "list").err()).contains("\tat concur.cli.ListCommand.call");
            Result withOption = withBrokenOutput(false, "list", "--debug");
            assertThat(withOption.code()).isEqualTo(70);
            assertThat(withOption.err()).contains("\tat concur.cli.ListCommand.call");
        }

        @Test
        void aLessonWithoutItsNameGetsTheUsageAndTheLessons() {
            Result result = concur("lesson");

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err())
                    .startsWith("concur: Missing required parameter: 'LESSON'")
                    .contains("Usage: concur lesson")
                    .containsPattern("Lessons: .*threads");
            assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }

        /** Concur run as if checked out in {@code home}, whose {@code lessons/} the test made. */
        static Result concurIn(Path home, String... args) {
            java.util.Properties properties = new java.util.Properties();
            properties.putAll(System.getProperties());
            properties.setProperty("concur.home", home.toString());
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Context context = Context.of(
                    Settings.read(java.util.Map.of(), properties),
                    Screen.plain(),
                    new PrintWriter(out, true),
                    new PrintWriter(err, true),
                    new ByteArrayInputStream(new byte[0]));
            int code = Main.run(context, args);
            return new Result(code, out.toString(), err.toString());
        }

        @Test
        void aLessonsFolderWithAnUnreadableFileStillListsTheOthers(@TempDir Path home) throws Exception {
            Path lessons = java.nio.file.Files.createDirectories(home.resolve("lessons"));
            java.nio.file.Files.copy(Path.of(FIXTURES, "passing.md"), lessons.resolve("passing.md"));
            java.nio.file.Files.createDirectory(lessons.resolve("folder.md"));
            java.nio.file.Files.createSymbolicLink(lessons.resolve("dangling.md"), home.resolve("nowhere.md"));

            Result result = concurIn(home, "list");

            assertThat(result.code()).isZero();
            assertThat(result.out()).contains("passing").contains("A passing lesson");
            assertThat(result.err())
                    .contains("dangling.md: cannot read this lesson: no such file")
                    .contains("folder.md: cannot read this lesson: it is a folder, not a file")
                    .doesNotContain("Exception");
        }

        @Test
        void aLessonFileWhoseNameAndTitleHoldControlCharactersCannotSteerTheTerminal(@TempDir Path home)
                throws Exception {
            Path lessons = java.nio.file.Files.createDirectories(home.resolve("lessons"));
            java.nio.file.Files.writeString(
                    lessons.resolve("bad\u001b]0;owned\u0007.md"), "---\ntitle: clear \u001b[2J now\n---\n\n## One\n");

            Result list = concurIn(home, "list");
            Result run = concurIn(home, "run", "bad\u001b]0;owned\u0007");

            assertThat(list.out() + list.err() + run.out() + run.err())
                    .doesNotContain("\u001b")
                    .doesNotContain("\u0007");
            assertThat(list.out()).contains("clear \\x1b[2J now");
        }

        @Test
        void runOnAProseOnlyStepIsAUsageError() {
            Result result = concur("run", FIXTURES + "passing.md", "--step", "2");

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err()).contains("passing.md:").contains("step 2 (\"Prose only\") has no example to run");
        }
    }
}
