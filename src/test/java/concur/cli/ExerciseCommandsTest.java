package concur.cli;

import static org.assertj.core.api.Assertions.assertThat;

import concur.view.Screen;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A learner fixing exercises: their copy in a workspace, verify, hints, solution, reset, and CI's check. */
class ExerciseCommandsTest {
    static final Path HOME = Path.of("src/test/resources/fixtures/exercises");
    static final Path START = HOME.resolve("lessons/ex/exercises/Sum.java");
    static final Path SOLUTION = HOME.resolve("lessons/ex/solutions/Sum.java");

    @TempDir
    Path workspace;

    record Result(int code, String out, String err) {}

    Result concurWithInput(String input, String... args) {
        Properties properties = new Properties();
        properties.putAll(System.getProperties());
        properties.setProperty("concur.home", HOME.toString());
        Settings settings = Settings.read(Map.of("CONCUR_WORKSPACE", workspace.toString()), properties);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Context context = Context.of(
                settings,
                Screen.plain(),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        int code = Main.run(context, args);
        return new Result(code, out.toString(), err.toString());
    }

    Result concur(String... args) {
        return concurWithInput("", args);
    }

    Path mine(String exercise, String file) {
        return workspace.resolve("exercises").resolve(exercise).resolve(file);
    }

    @Test
    void anExerciseShowsItsTaskAndCopiesTheStartingCodeIntoTheWorkspace() throws IOException {
        Result result = concur("exercise", "sum-it");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("exercise sum-it · Sum it right")
                .contains("Make the program print the sum of 1, 2 and 3.")
                .contains(mine("sum-it", "Sum.java").toString())
                .contains("concur verify sum-it");
        assertThat(mine("sum-it", "Sum.java")).hasSameTextualContentAs(START);
    }

    @Test
    void theStartingCodeFailsAndTheFixPassesAndProgressFollows() throws IOException {
        Result start = concur("verify", "sum-it");
        assertThat(start.code()).as(start.out() + start.err()).isEqualTo(1);
        assertThat(start.out()).contains("sum 3").contains("Not yet");
        assertThat(concur("exercises").out()).containsPattern("sum-it +tried");

        Files.copy(SOLUTION, mine("sum-it", "Sum.java"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Result fixed = concur("verify", "sum-it");

        assertThat(fixed.code()).as(fixed.out() + fixed.err()).isZero();
        assertThat(fixed.out()).contains("PASS").contains("Next: concur exercise count-all");
        assertThat(concur("exercises").out()).containsPattern("sum-it +passed");
        assertThat(START).content().contains("i < 3"); // the lesson's own file is never touched
    }

    @Test
    void verifyWithoutANameTakesTheFirstExerciseNotYetPassed() throws IOException {
        Files.createDirectories(mine("sum-it", "Sum.java").getParent());
        Files.copy(SOLUTION, mine("sum-it", "Sum.java"));
        assertThat(concur("verify").out()).contains("exercise sum-it");

        assertThat(concur("verify").out()).contains("exercise count-all");
    }

    @Test
    void codeThatDoesNotCompileIsShownWithItsLineAndACaret() throws IOException {
        Files.createDirectories(mine("sum-it", "Sum.java").getParent());
        Files.writeString(
                mine("sum-it", "Sum.java"),
                "public class Sum {\n    public static void main(String[] args) {\n        int x = oops;\n    }\n}\n");

        Result result = concur("verify", "sum-it");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err())
                .contains("your code does not compile")
                .contains("Sum.java:3:17: cannot find symbol")
                .contains("        int x = oops;\n                    ^")
                .doesNotContain("\tat ");
    }

    @Test
    void watchChecksAgainOnEverySaveAndOffersTheNextExerciseWhenItPasses() throws Exception {
        Properties properties = new Properties();
        properties.putAll(System.getProperties());
        properties.setProperty("concur.home", HOME.toString());
        Settings settings = Settings.read(Map.of("CONCUR_WORKSPACE", workspace.toString()), properties);
        StringWriter out = new StringWriter();
        java.io.PipedOutputStream keys = new java.io.PipedOutputStream();
        Context context = Context.of(
                settings,
                Screen.plain(),
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true),
                new java.io.PipedInputStream(keys));
        var watch = java.util.concurrent.CompletableFuture.supplyAsync(() -> Main.run(context, "watch", "sum-it"));

        awaitText(out, "Watching Sum.java");
        assertThat(out.toString()).contains("Not yet");
        Files.copy(SOLUTION, mine("sum-it", "Sum.java"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        awaitText(out, "Passed. n then Enter: the next exercise, count-all");
        keys.write("q\n".getBytes(StandardCharsets.UTF_8));
        keys.flush();

        assertThat(watch.get(30, java.util.concurrent.TimeUnit.SECONDS)).isZero();
        assertThat(out.toString()).contains("Saved: checking again.").contains("Stopped watching.");
    }

    @Test
    void watchStoppedAfterAPassingFirstCheckExitsZero() throws Exception {
        Files.createDirectories(mine("sum-it", "Sum.java").getParent());
        Files.copy(SOLUTION, mine("sum-it", "Sum.java"));

        Result result = concurWithInput("q\n", "watch", "sum-it");

        assertThat(result.code()).as(result.out()).isZero();
        assertThat(result.out()).contains("PASS").contains("Stopped watching.");
    }

    /** Waits for a line the watcher prints; a generous limit, since each check starts a JVM. */
    private static void awaitText(StringWriter out, String text) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!out.toString().contains(text)) {
            assertThat(System.nanoTime())
                    .as("waiting for \"%s\" in:%n%s", text, out)
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void hintsComeOneMoreEachTime() {
        assertThat(concur("hint", "sum-it").out()).contains("hint 1/2").contains("Look at the loop's bounds.");
        assertThat(concur("hint", "sum-it").out()).contains("hint 2/2").contains("That was the last hint");
        assertThat(concur("hint", "sum-it").out()).contains("hint 2/2");
    }

    @Test
    void theSolutionWaitsForAPassUnlessForced() {
        Result refused = concur("solution", "sum-it");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("you have not passed sum-it yet");

        Result forced = concur("solution", "--force", "sum-it");
        assertThat(forced.code()).isZero();
        assertThat(forced.out()).contains("the reference solution").containsPattern("i < 3.*\\*.*i <= 3");
    }

    @Test
    void resetAsksFirstAndKeepsTheLearnersVersion() throws IOException {
        concur("exercise", "sum-it");
        Files.writeString(mine("sum-it", "Sum.java"), "my work");

        assertThat(concurWithInput("n\n", "reset", "sum-it").out()).contains("Nothing was reset.");
        assertThat(mine("sum-it", "Sum.java")).hasContent("my work");

        Result reset = concurWithInput("y\n", "reset", "sum-it");
        assertThat(reset.code()).isZero();
        assertThat(mine("sum-it", "Sum.java")).hasSameTextualContentAs(START);
        try (var files = Files.list(mine("sum-it", "Sum.java").getParent())) {
            assertThat(files.filter(f -> !f.equals(mine("sum-it", "Sum.java"))))
                    .anySatisfy(backup -> assertThat(backup).hasContent("my work"));
        }
    }

    @Test
    void anUnknownExerciseIsAUsageErrorThatSuggestsTheClosest() {
        Result result = concur("verify", "sum-itt");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("no exercise 'sum-itt'; did you mean 'sum-it'?");
    }

    @Test
    void theLessonEndsWithItsExercises() {
        Result result = concurWithInput("\n\n", "lesson", "ex");

        assertThat(result.out()).contains("This lesson's exercises:").contains("concur exercise sum-it");
    }

    @Test
    void listCountsTheExercisesAndShowsWhatTheLearnerHasDone() throws IOException {
        assertThat(concur("list").out()).contains("(1 steps, 2 exercises)").doesNotContain("seen");

        concurWithInput("\n\n", "lesson", "ex");
        Files.createDirectories(mine("sum-it", "Sum.java").getParent());
        Files.copy(SOLUTION, mine("sum-it", "Sum.java"));
        concur("verify", "sum-it");

        assertThat(concur("list").out())
                .contains("(1 steps, 2 exercises)  · seen 1/1 steps, 1 passed; 1/2 exercises passed");
    }

    /** A race: one run passes by luck, exploring schedules finds the interleaving that loses an update. */
    @Nested
    class ARace {
        @Test
        void theStartingCodeIsBrokenByAnInterleavingShownStepByStep() {
            Result result = concur("verify", "count-all");

            assertThat(result.code()).as(result.out() + result.err()).isEqualTo(1);
            assertThat(result.out())
                    .contains("count 4") // the one run matched
                    .containsPattern("schedule \\d+ breaks your program: .*expected 4 but was [0-3]")
                    .contains("Tally.java:")
                    .contains("count++;")
                    .contains("<-")
                    .contains("concur verify --replay count-all");

            Result replay = concur("verify", "--replay", "count-all");
            assertThat(replay.code()).isEqualTo(1);
            assertThat(replay.out()).contains("count++;").contains("<-");
        }

        @Test
        void theFixHoldsInEverySchedule() throws IOException {
            Files.createDirectories(mine("count-all", "Tally.java").getParent());
            Files.copy(HOME.resolve("lessons/ex/solutions/Tally.java"), mine("count-all", "Tally.java"));

            Result result = concur("verify", "count-all");

            assertThat(result.code()).as(result.out() + result.err()).isZero();
            assertThat(result.out()).contains("PASS  no failing interleaving in 200 schedules");
        }

        @Test
        void ciProvesEveryCheckHasTeeth() {
            Result result = concur("exercises", "check");

            assertThat(result.code()).as(result.out() + result.err()).isZero();
            assertThat(result.out())
                    .contains("sum-it: start fails")
                    .contains("count-all: start fails")
                    .contains("Checked 2 exercises: every starting code fails its check and every solution passes.");
        }
    }
}
