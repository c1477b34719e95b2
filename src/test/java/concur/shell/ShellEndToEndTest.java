package concur.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import concur.run.ProcessTree;
import concur.tmux.Tmux;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell in a real terminal: tmux runs {@code concur}, send-keys types, capture-pane reads the
 * screen, and the assertions are about what a person would see. {@code .ci/run} installs tmux.
 */
class ShellEndToEndTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Path HANGS_PIDS = Path.of("target/hangs.pids").toAbsolutePath();

    @TempDir
    Path home;

    private Tmux tmux = new Tmux();

    @BeforeEach
    void startConcurInTmux() throws Exception {
        assumeTrue(Tmux.installed(), "tmux is not installed (.ci/run installs it)");
        startConcur();
    }

    /** {@code concur} alone, in a new tmux session, its data (history, progress) in {@code home}. */
    private void startConcur() throws Exception {
        // The hangs fixture's example inherits HANGS_PIDS; it runs in a scratch folder.
        tmux.start(Tmux.concur(List.of("XDG_DATA_HOME=" + home, "HANGS_PIDS=" + HANGS_PIDS)), 110, 40);
        awaitScreen("concur>"); // capture-pane trims the prompt's trailing space
    }

    @AfterEach
    void stopTmux() throws Exception {
        if (Tmux.installed()) {
            tmux.close();
        }
    }

    @Test
    void tabCompletesALessonName() throws Exception {
        keys("lesson th", "Tab");

        assertThat(awaitScreen("concur> lesson threads")).contains("concur> lesson threads");
    }

    @Test
    void runsAStepAndShowsItsVerdict() throws Exception {
        keys("run src/test/resources/fixtures/passing.md --step 1", "Enter");

        awaitScreen("1 of 1 steps matched");
        String screen = awaitPrompt(); // JLine takes a moment, up to a tenth of a second, to draw it
        assertThat(screen).contains("hello from worker").contains("PASS  matched in");
    }

    @Test
    void ctrlCStopsTheRunningExampleAndItsProcessesAndRunsNothingMore() throws Exception {
        Files.deleteIfExists(HANGS_PIDS);
        keys("run src/test/resources/fixtures/hangs-then-counts.md", "Enter");
        List<Long> pids = awaitExampleStarted();

        keys("C-c");

        awaitScreen("concur: stopped.");
        String screen = awaitPrompt();
        assertThat(screen)
                .contains("stopped before it finished")
                .doesNotContain("step 2/2")
                .doesNotContain("steps matched")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertGone(pids);
    }

    @Test
    void ctrlCInALessonStopsTheExampleKeepsTheStepAndDropsTheKeysTypedMeanwhile() throws Exception {
        Files.deleteIfExists(HANGS_PIDS);
        keys("lesson src/test/resources/fixtures/hangs-then-counts.md", "Enter");
        awaitScreen("hangs-then-counts · step 1/2");
        keys("Enter"); // the full-screen lesson runs the example when asked
        List<Long> pids = awaitExampleStarted();

        keys("xyzzy");
        Thread.sleep(300);
        keys("C-c");

        String screen = awaitScreen("Stopped before it finished. r runs it again.");
        assertThat(screen)
                .contains("hangs-then-counts · step 1/2")
                .contains("stopped")
                .doesNotContain("xyzzy")
                .doesNotContain("Exception");
        assertGone(pids);

        keys("C-c"); // with nothing running: leaves the lesson, back to the shell's prompt
        assertThat(awaitPrompt())
                .doesNotContain("xyzzy")
                .doesNotContain("Exception")
                .doesNotContain("That key does nothing here");
    }

    @Test
    void keysTypedBeforeThePromptIsReadyAreDroppedNotRunNorKeptInTheHistory() throws Exception {
        tmux.close();
        tmux = new Tmux();
        // Typed while concur starts: an arrow and a word, as the newcomer did.
        tmux.start(Tmux.concur(List.of("XDG_DATA_HOME=" + home)), 110, 40);
        keys("Up", "xyzzy");
        awaitPrompt();
        // And typed while a command runs.
        keys("run src/test/resources/fixtures/passing.md --step 1", "Enter");
        keys("plugh");
        awaitScreen("1 of 1 steps matched");
        awaitPrompt();

        keys("help", "Enter");
        awaitScreen("exit");
        awaitPrompt();
        keys("C-d");
        tmux.awaitEnd();

        assertThat(home.resolve("concur/history"))
                .content()
                .contains("run src/test/resources/fixtures/passing.md --step 1")
                .contains("help")
                .doesNotContain("xyzzy")
                .doesNotContain("plugh")
                .doesNotContain("[A");
    }

    @Test
    void welcomesALearnerBackToTheLessonTheyWereIn() throws Exception {
        keys("lesson threads 2", "Enter");
        awaitScreen("threads · step 2/");
        keys("q");
        awaitPrompt();
        keys("exit", "Enter");
        tmux.awaitEnd();
        tmux.close();
        tmux = new Tmux();

        startConcur();

        assertThat(awaitScreen("Welcome back")).contains("Welcome back: concur lesson threads continues at step 2");
    }

    /** The process ids the hangs example wrote (atomically) once it was running. */
    private static List<Long> awaitExampleStarted() throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!Files.exists(HANGS_PIDS) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(HANGS_PIDS).as("the example started").exists();
        List<Long> pids = Arrays.stream(Files.readString(HANGS_PIDS).strip().split(" "))
                .map(Long::parseLong)
                .toList();
        Files.deleteIfExists(HANGS_PIDS);
        return pids;
    }

    private static void assertGone(List<Long> pids) throws Exception {
        for (long pid : pids) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (ProcessTree.running(pid) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(ProcessTree.running(pid))
                    .as("process " + pid + " is gone")
                    .isFalse();
        }
    }

    @Test
    void helpListsTheCommandsAndCtrlDLeaves() throws Exception {
        keys("help", "Enter");
        assertThat(awaitScreen("exit")).contains("list", "lesson", "run", "completion");
        awaitPrompt(); // a key typed before the prompt is ready is dropped

        keys("C-d");
        tmux.awaitEnd();
        assertThat(tmux.alive()).as("concur left on Ctrl-D").isFalse();
        assertThat(home.resolve("concur/history")).content().contains("help");
    }

    private void keys(String... keys) throws Exception {
        tmux.keys(keys);
    }

    private String awaitScreen(String text) throws Exception {
        return tmux.await(text);
    }

    /** The screen once it ends in the shell's prompt. */
    private String awaitPrompt() throws Exception {
        return tmux.await("the shell's prompt", screen -> screen.strip().endsWith("concur>"));
    }
}
