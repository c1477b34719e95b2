package concur.step;

import static org.assertj.core.api.Assertions.assertThat;

import concur.lesson.Lesson;
import concur.lesson.LessonParser;
import concur.lesson.Step;
import concur.run.ExampleCompiler;
import concur.run.ExampleRunner;
import concur.run.Outcome;
import concur.run.OutputLine;
import concur.run.ProcessTree;
import concur.run.RunResult;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processes lesson's examples start JVMs of their own (concur's grandchildren), joined by pipes.
 * However a step ends (by itself, at its time limit, or interrupted), none of those processes and
 * none of their pipes may outlive it.
 *
 * <p>Examples are compiled into a cache directory of this test's own. Every JVM a step starts, the
 * example's and the ones it starts in turn, has that directory on its class path, so scanning all
 * processes for it finds exactly what these tests started, also processes that were orphaned and
 * are no longer anyone's descendants, and nothing that another build on the machine started.
 */
class ProcessesLessonTest {
    private static final Path LESSON = Path.of("lessons/processes.md");
    /** How long a process may take to disappear after SIGKILL (it is usually milliseconds). */
    private static final Duration DYING = Duration.ofSeconds(10);

    private static final Pattern STARTED = Pattern.compile("parent: started (\\w+), process (\\d+)");

    @TempDir
    static Path cache;

    private static Lesson lesson;
    private static List<String> exampleClasses;

    @BeforeAll
    static void parseTheLessonAndWarmUp() throws Exception {
        lesson = new LessonParser().parse(LESSON);
        exampleClasses = lesson.steps().stream()
                .flatMap(step -> step.demo().stream())
                .map(demo -> demo.example().className())
                .toList();
        // The JDK opens a few descriptors once per JVM and keeps them (the first socket also opens a
        // Unix-domain socket that stays). One untimed run first, so the checks below see what each step
        // leaves, not what the JVM set up for good.
        runner(Optional.empty()).play(stepRunning("Cores"), line -> {});
    }

    private static StepRunner runner(Optional<Duration> timeoutOverride) {
        return new StepRunner(new ExampleCompiler(cache), new ExampleRunner(), timeoutOverride);
    }

    private static Step stepRunning(String className) {
        return lesson.steps().stream()
                .filter(step -> step.demo()
                        .map(demo -> demo.example().className())
                        .filter(className::equals)
                        .isPresent())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step of " + LESSON + " runs " + className));
    }

    @Test
    void theLessonStartsChildProcessesInMostSteps() {
        // What the rest of this class checks is only worth something if the steps really start processes.
        long startingProcesses = lesson.steps().stream()
                .flatMap(step -> step.demo().stream())
                .filter(demo -> demo.example().source().contains("new ProcessBuilder("))
                .count();
        assertThat(startingProcesses).isGreaterThanOrEqualTo(6);
    }

    @TestFactory
    Stream<DynamicTest> everyStepLeavesNoProcessAndNoPipeBehind() {
        StepRunner runner = runner(Optional.empty());
        return lesson.steps().stream()
                .filter(Step::runnable)
                .map(step -> DynamicTest.dynamicTest("step " + step.number() + ": " + step.title(), () -> {
                    Snapshot before = Snapshot.take();

                    RunResult result = runner.play(step, line -> {}).run();

                    assertThat(result.outcome())
                            .as("step %d ran to its end", step.number())
                            .isInstanceOf(Outcome.Exited.class);
                    assertNothingLeftSince(before);
                }));
    }

    @Test
    void aTimeOutInTheMiddleOfAStepKillsTheGrandchildrenToo() throws Exception {
        // StopStuck's "stubborn" child ignores the polite stop and sleeps forever: while its parent is
        // still in its 2 s grace period, nothing but concur will end it. A time limit of 2 s usually
        // lands in that period; on a machine much slower or faster than expected the limit moves.
        Step step = stepRunning("StopStuck");
        Duration limit = Duration.ofSeconds(2);
        List<String> tried = new ArrayList<>();
        for (int attempt = 0; attempt < 4; attempt++) {
            Snapshot before = Snapshot.take();

            RunResult result = runner(Optional.of(limit)).play(step, line -> {}).run();

            OptionalLong stubborn = result.outcome() instanceof Outcome.TimedOut
                    ? runningAtTheEnd(result.lines(), "stubborn")
                    : OptionalLong.empty();
            assertNothingLeftSince(before);
            if (stubborn.isPresent()) {
                assertThat(ProcessHandle.of(stubborn.getAsLong()).filter(ProcessTree::running))
                        .as("stubborn child %d after the time limit", stubborn.getAsLong())
                        .isEmpty();
                return;
            }
            tried.add(limit.toMillis() + " ms: " + texts(result.lines()));
            boolean tooEarly =
                    texts(result.lines()).stream().noneMatch(text -> text.startsWith("parent: started stubborn"));
            limit = tooEarly ? limit.plusMillis(750) : limit.minusMillis(500);
        }
        throw new AssertionError(
                "no time limit caught the stubborn child running, so this test proved nothing: " + tried);
    }

    @Test
    void interruptingAStepKillsTheGrandchildrenToo() throws Exception {
        Step step = stepRunning("StopStuck");
        Snapshot before = Snapshot.take();
        CountDownLatch stubbornIsSleeping = new CountDownLatch(1);
        AtomicReference<Long> stubbornPid = new AtomicReference<>();
        AtomicReference<Object> outcome = new AtomicReference<>();

        Thread stepThread = Thread.ofPlatform().name("step-runner").start(() -> {
            try {
                outcome.set(runner(Optional.empty())
                        .play(step, line -> {
                            Matcher started = STARTED.matcher(line.text());
                            if (started.matches() && started.group(1).equals("stubborn")) {
                                stubbornPid.set(Long.parseLong(started.group(2)));
                            }
                            if (line.text().startsWith("stubborn: sleeping")) {
                                stubbornIsSleeping.countDown();
                            }
                        })
                        .run());
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        assertThat(stubbornIsSleeping.await(60, TimeUnit.SECONDS))
                .as("the stubborn child started")
                .isTrue();
        long pid = stubbornPid.get();
        assertThat(ProcessHandle.of(pid).filter(ProcessTree::running))
                .as("stubborn child %d before the interrupt", pid)
                .isPresent();

        stepThread.interrupt(); // what Ctrl-C in `concur lesson` does to the thread that runs the step
        stepThread.join(Duration.ofSeconds(30));

        assertThat(stepThread.isAlive())
                .as("the step returned after the interrupt")
                .isFalse();
        assertThat(outcome.get())
                .isInstanceOfSatisfying(
                        RunResult.class,
                        result -> assertThat(result.outcome()).isInstanceOf(Outcome.Interrupted.class));
        awaitGone(
                () -> ProcessHandle.of(pid).filter(ProcessTree::running).stream()
                        .map(ProcessesLessonTest::describe)
                        .toList(),
                "stubborn child after the interrupt");
        assertNothingLeftSince(before);
    }

    /** The PID of {@code child} if the output shows it started and its parent had not yet given up on it. */
    private static OptionalLong runningAtTheEnd(List<OutputLine> lines, String child) {
        OptionalLong pid = OptionalLong.empty();
        for (OutputLine line : lines) {
            Matcher started = STARTED.matcher(line.text());
            if (started.matches() && started.group(1).equals(child)) {
                pid = OptionalLong.of(Long.parseLong(started.group(2)));
            }
            if (line.text().startsWith("parent: " + child + " is still running")
                    || line.text().startsWith("parent: " + child + " ended")) {
                return OptionalLong.empty(); // its parent killed it, or it had ended: no witness of concur's kill
            }
        }
        return pid;
    }

    private static List<String> texts(List<OutputLine> lines) {
        return lines.stream().map(OutputLine::text).toList();
    }

    // ---- what "nothing left" means ----

    private static void assertNothingLeftSince(Snapshot before) throws InterruptedException {
        awaitGone(() -> newDescendants(before), "new descendants of the test JVM");
        awaitGone(
                () -> newProcessesOfThisLesson(before),
                "processes running this lesson's classes from this test's cache");
        awaitGone(() -> newChannels(before), "pipes or sockets the step opened in the test JVM");
    }

    /** Waits until {@code leftovers} is empty; SIGKILL is sent synchronously but processes take a moment to go. */
    private static void awaitGone(Supplier<List<String>> leftovers, String what) throws InterruptedException {
        long deadline = System.nanoTime() + DYING.toNanos();
        List<String> left = leftovers.get();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            left = leftovers.get();
        }
        assertThat(left)
                .as(what + " still there %d s after the step", DYING.toSeconds())
                .isEmpty();
    }

    private static List<String> newDescendants(Snapshot before) {
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessTree::running)
                .filter(process -> !before.descendants().contains(process.pid()))
                .map(ProcessesLessonTest::describe)
                .toList();
    }

    private static List<String> newProcessesOfThisLesson(Snapshot before) {
        return processesOfThisLesson()
                .filter(process -> !before.lessonProcesses().contains(process.pid()))
                .map(ProcessesLessonTest::describe)
                .toList();
    }

    /** Any process on the machine whose command line names this test's cache and one of the lesson's classes. */
    private static Stream<ProcessHandle> processesOfThisLesson() {
        String cacheDir = cache.toAbsolutePath().toString();
        return ProcessHandle.allProcesses().filter(ProcessTree::running).filter(process -> {
            String commandLine = commandLine(process);
            return commandLine.contains(cacheDir) && exampleClasses.stream().anyMatch(commandLine::contains);
        });
    }

    private static String commandLine(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        return info.commandLine()
                .orElseGet(() -> info.command().orElse("") + " "
                        + String.join(" ", info.arguments().orElse(new String[0])));
    }

    private static String describe(ProcessHandle process) {
        return process.pid() + " " + commandLine(process);
    }

    private static List<String> newChannels(Snapshot before) {
        Set<String> now = openChannels();
        now.removeAll(before.channels());
        return now.stream().map(ProcessesLessonTest::describeChannel).toList();
    }

    /** For a socket, its line in /proc/net (addresses and state), so a failure says which socket it is. */
    private static String describeChannel(String channel) {
        if (!channel.startsWith("socket:[")) {
            return channel;
        }
        String inode = channel.substring("socket:[".length(), channel.length() - 1);
        for (String table : List.of("tcp", "tcp6", "udp", "udp6", "unix")) {
            try (Stream<String> lines = Files.lines(Path.of("/proc/net", table))) {
                Optional<String> row = lines.filter(
                                line -> List.of(line.trim().split("\\s+")).contains(inode))
                        .findFirst();
                if (row.isPresent()) {
                    return channel + " " + table + ": " + row.get().trim();
                }
            } catch (IOException | RuntimeException e) {
                // no such table here
            }
        }
        return channel;
    }

    /** Pipes and sockets this JVM holds open, by inode ({@code pipe:[123]}); empty where there is no /proc. */
    private static Set<String> openChannels() {
        Path fds = Path.of("/proc/self/fd");
        Set<String> channels = new HashSet<>();
        if (!Files.isDirectory(fds)) {
            return channels;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(fds)) {
            for (Path entry : entries) {
                try {
                    String target = Files.readSymbolicLink(entry).toString();
                    if (target.startsWith("pipe:") || target.startsWith("socket:")) {
                        channels.add(target);
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while we looked: it is not left open
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot list " + fds, e);
        }
        return channels;
    }

    /**
     * What existed before a step: the test JVM's descendants, the lesson's processes (none, unless an
     * earlier test already failed), and the test JVM's open pipes and sockets. A step is blamed only
     * for what it added.
     */
    private record Snapshot(Set<Long> descendants, Set<Long> lessonProcesses, Set<String> channels) {
        static Snapshot take() {
            return new Snapshot(
                    ProcessHandle.current()
                            .descendants()
                            .map(ProcessHandle::pid)
                            .collect(Collectors.toSet()),
                    processesOfThisLesson().map(ProcessHandle::pid).collect(Collectors.toSet()),
                    openChannels());
        }
    }
}
