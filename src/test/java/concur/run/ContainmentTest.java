package concur.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * No process an example starts outlives its step, however it detaches itself: whether the example
 * exits, runs out of time, or is stopped (Ctrl-C), and whichever way the grandchild tried to leave.
 */
class ContainmentTest {
    /**
     * Starts the command in its arguments and prints the pid of the grandchild it leaves, then exits or
     * hangs. The grandchild writes its pid to a file, as a daemon would: a pipe would not do, as the JDK
     * closes a child's output pipe once the child exits, and the grandchild may not have written yet.
     */
    private static final String ESCAPES = """
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.util.Arrays;
            public class Escapes {
                public static void main(String[] args) throws Exception {
                    new ProcessBuilder(Arrays.asList(args).subList(1, args.length)).start();
                    Path pid = Path.of("grandchild.pid");
                    long deadline = System.nanoTime() + 60_000_000_000L;
                    while (!Files.exists(pid) && System.nanoTime() < deadline) {
                        Thread.sleep(10);
                    }
                    System.out.println("grandchild " + Files.readString(pid).strip());
                    if (args[0].equals("hang")) {
                        Thread.sleep(1_000_000);
                    }
                }
            }
            """;
    /** What each escaping grandchild runs: it writes its pid to the example's working folder, then sleeps. */
    private static final String SLEEPER =
            "echo $$ > grandchild.tmp && mv grandchild.tmp grandchild.pid && exec sleep 1000";

    /** Ways out of the example's process tree, each ending in a {@code sleep}. */
    enum Escape {
        /** A session and process group of its own. */
        NEW_SESSION(List.of("setsid", "sh", "-c", SLEEPER)),
        /** A daemon's double fork: its parents exit at once and it is re-parented. */
        DOUBLE_FORK(List.of("bash", "-c", "(sh -c '" + SLEEPER + "' &) &")),
        /** Job control gives the background job a process group of its own; bash exits and leaves it. */
        JOB_CONTROL(List.of(
                "bash", "-c", "set -m; sleep 1000 & echo $! > grandchild.tmp && mv grandchild.tmp grandchild.pid")),
        /** No environment (so no run token), a session of its own, and orphaned at once: only a subreaper sees it. */
        CLEARED_ENVIRONMENT(List.of("sh", "-c", "/usr/bin/env -i /usr/bin/setsid /bin/sh -c '" + SLEEPER + "' &"));

        final List<String> command;

        Escape(List<String> command) {
            this.command = command;
        }
    }

    @TempDir
    static Path cache;

    private static CompiledExample escapes;

    private final ExampleRunner runner = new ExampleRunner(1_000);
    /** Grandchildren seen by a test, killed afterwards should the test fail, so a failure leaves nothing running. */
    private final List<Long> seen = new ArrayList<>();

    @BeforeAll
    static void compile() throws Exception {
        assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/setsid")) && Files.isExecutable(Path.of("/bin/bash")),
                "needs Linux with setsid and bash");
        escapes = new ExampleCompiler(cache).compile(new Example("Escapes", ESCAPES, Path.of("Escapes.java"), 1));
    }

    /**
     * Only a process that still runs the grandchild's {@code sleep 1000}: by now its id may well have been
     * given to another process (ids wrap at 32768 on many systems, and every thread of a JVM takes one),
     * and killing that would kill whatever runs beside the tests, such as a learner's example.
     */
    @AfterEach
    void killWhatATestLeft() {
        seen.forEach(pid -> ProcessHandle.of(pid)
                .filter(ContainmentTest::isALeftGrandchild)
                .ifPresent(ProcessHandle::destroyForcibly));
    }

    private static boolean isALeftGrandchild(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        return info.command().filter(command -> command.endsWith("/sleep")).isPresent()
                && info.arguments()
                        .filter(args -> List.of(args).equals(List.of("1000")))
                        .isPresent();
    }

    @ParameterizedTest
    @EnumSource(Escape.class)
    void aGrandchildDoesNotOutliveAnExampleThatExits(Escape escape) throws Exception {
        RunResult result = run(escape, "exit", Duration.ofSeconds(60), line -> {});

        assertThat(result.outcome()).isEqualTo(new Outcome.Exited(0));
        assertGoneOrWarned(
                escape,
                grandchild(result).orElseThrow(() -> new AssertionError("no pid in " + result.lines())),
                result);
    }

    @ParameterizedTest
    @EnumSource(Escape.class)
    void aGrandchildDoesNotOutliveAnExampleThatTimesOut(Escape escape) throws Exception {
        // The time limit must fall after the grandchild started; on a busy machine that may take a while,
        // so a limit that came too early is doubled rather than tuned.
        for (Duration limit = Duration.ofSeconds(3); limit.toSeconds() <= 48; limit = limit.multipliedBy(2)) {
            RunResult result = run(escape, "hang", limit, line -> {});

            assertThat(result.outcome()).isInstanceOf(Outcome.TimedOut.class);
            OptionalLong pid = grandchild(result);
            if (pid.isPresent()) {
                assertGoneOrWarned(escape, pid.getAsLong(), result);
                return;
            }
        }
        throw new AssertionError("the grandchild never started within a time limit");
    }

    @ParameterizedTest
    @EnumSource(Escape.class)
    void aGrandchildDoesNotOutliveAnExampleStoppedByCtrlC(Escape escape) throws Exception {
        CompletableFuture<Long> started = new CompletableFuture<>();
        AtomicReference<Object> ended = new AtomicReference<>();
        Thread step = Thread.ofPlatform().name("step").start(() -> {
            try {
                ended.set(run(escape, "hang", Duration.ofSeconds(120), line -> {
                    if (line.text().startsWith("grandchild ")) {
                        started.complete(Long.parseLong(line.text().substring("grandchild ".length())));
                    }
                }));
            } catch (Throwable e) {
                ended.set(e);
                started.completeExceptionally(e);
            }
        });
        long pid = started.get(60, TimeUnit.SECONDS);
        seen.add(pid);

        step.interrupt(); // what Ctrl-C in `concur lesson` does to the thread that plays the step
        step.join(Duration.ofSeconds(30));

        assertThat(step.isAlive()).as("the step returned").isFalse();
        assertThat(ended.get()).isInstanceOfSatisfying(RunResult.class, result -> {
            assertThat(result.outcome()).isInstanceOf(Outcome.Interrupted.class);
            assertGoneOrWarned(escape, pid, result);
        });
    }

    private RunResult run(Escape escape, String ending, Duration timeout, Consumer<OutputLine> live) throws Exception {
        List<String> args = new ArrayList<>(List.of(ending));
        args.addAll(escape.command);
        return runner.run(escapes, new RunSpec(timeout, List.of(), args), live);
    }

    private OptionalLong grandchild(RunResult result) {
        for (OutputLine line : result.lines()) {
            if (line.text().matches("grandchild \\d+")) {
                long pid = Long.parseLong(line.text().substring("grandchild ".length()));
                seen.add(pid);
                return OptionalLong.of(pid);
            }
        }
        return OptionalLong.empty();
    }

    /**
     * The grandchild is gone, verified before the run returned, and the result claims nothing survived.
     * Only a child subreaper catches the cleared environment: without one (JDK 21) concur must say so.
     */
    private void assertGoneOrWarned(Escape escape, long pid, RunResult result) {
        if (escape == Escape.CLEARED_ENVIRONMENT && Runtime.version().feature() < 22) {
            assertThat(runner.containmentWarning())
                    .hasValueSatisfying(warning -> assertThat(warning).contains("subreaper"));
            return;
        }
        if (escape == Escape.CLEARED_ENVIRONMENT) {
            assertThat(runner.containmentWarning())
                    .as("on JDK %d", Runtime.version().feature())
                    .isEmpty();
        }
        assertThat(result.survivors()).as("processes the run says survived").isEmpty();
        assertThat(ProcessTree.running(pid))
                .as("grandchild %d runs after the step", pid)
                .isFalse();
        if (runner.containmentWarning().isEmpty()) {
            // An orphan re-parented to this JVM, the subreaper, must also be reaped: the JDK reaps only what it
            // started.
            assertThat(ProcessTree.stat(pid)
                            .filter(stat ->
                                    stat.parent() == ProcessHandle.current().pid()))
                    .as("grandchild %d left as a zombie of this JVM", pid)
                    .isEmpty();
        }
    }
}
