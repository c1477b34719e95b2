package concur.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import concur.run.ProcessTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    private final String socket = "concur-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    @BeforeEach
    void startConcurInTmux() throws Exception {
        assumeTrue(tmuxInstalled(), "tmux is not installed (.ci/run installs it)");
        startConcur();
    }

    /** {@code concur} alone, in a new tmux session, its data (history, progress) in {@code home}. */
    private void startConcur() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = String.join(
                " ",
                "cd",
                Path.of("").toAbsolutePath().toString(),
                "&&",
                "XDG_DATA_HOME=" + home,
                "TERM=xterm-256color",
                "HANGS_PIDS=" + HANGS_PIDS, // the hangs fixture's example inherits it; it runs in a scratch folder
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                "-Dconcur.home=.",
                "-Dconcur.cache=" + System.getProperty("concur.cache", "target/example-cache"),
                "concur.cli.Main");
        tmux("new-session", "-d", "-s", "concur", "-x", "110", "-y", "40", command);
        awaitScreen("concur>"); // capture-pane trims the prompt's trailing space
    }

    @AfterEach
    void stopTmux() throws Exception {
        if (tmuxInstalled()) {
            tmux("kill-server");
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
        List<Long> pids = awaitExampleStarted();

        keys("xyzzy");
        Thread.sleep(300);
        keys("C-c");

        String screen = awaitScreen("Stopped. r runs it again.");
        assertThat(screen)
                .contains("hangs-then-counts · step 1/2 · passed 0")
                .doesNotContain("xyzzy")
                .doesNotContain("Exception");
        assertGone(pids);

        keys("C-c"); // at the key prompt: leaves the lesson, back to the shell's prompt
        assertThat(awaitPrompt())
                .doesNotContain("xyzzy")
                .doesNotContain("Exception")
                .doesNotContain("That key does nothing here");
    }

    @Test
    void welcomesALearnerBackToTheLessonTheyWereIn() throws Exception {
        keys("lesson threads 2", "Enter");
        awaitScreen("threads · step 2/7 · passed");
        keys("q");
        awaitPrompt();
        keys("exit", "Enter");
        awaitSessionEnd();

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

        keys("C-d");
        awaitSessionEnd();
        assertThat(sessionAlive()).as("concur left on Ctrl-D").isFalse();
        assertThat(home.resolve("concur/history")).content().contains("help");
    }

    private void awaitSessionEnd() throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (sessionAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private void keys(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "concur"));
        args.addAll(Arrays.asList(keys));
        tmux(args.toArray(String[]::new));
    }

    /** The screen once it contains {@code text} (whole pane, trailing blank lines trimmed). */
    private String awaitScreen(String text) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = tmux("capture-pane", "-p", "-t", "concur");
            if (screen.contains(text)) {
                return screen;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the screen never showed \"" + text + "\"; it shows:\n" + screen);
    }

    /** The screen once it ends in the shell's prompt. */
    private String awaitPrompt() throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = tmux("capture-pane", "-p", "-t", "concur");
            if (screen.strip().endsWith("concur>")) {
                return screen;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the screen never ended in the prompt; it shows:\n" + screen);
    }

    private boolean sessionAlive() throws Exception {
        return run(List.of("tmux", "-L", socket, "has-session", "-t", "concur")).exitCode == 0;
    }

    private String tmux(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(Arrays.asList(args));
        return run(command).output;
    }

    private record Result(int exitCode, String output) {}

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(10, TimeUnit.SECONDS);
        return new Result(process.exitValue(), output);
    }

    private static boolean tmuxInstalled() {
        try {
            return run(List.of("tmux", "-V")).exitCode == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
