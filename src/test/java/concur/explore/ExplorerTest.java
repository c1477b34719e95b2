package concur.explore;

import static org.assertj.core.api.Assertions.assertThat;

import concur.explore.Exploration.Failure;
import concur.explore.Exploration.NoFailure;
import concur.explore.Exploration.StressFailure;
import concur.explore.Exploration.Stressed;
import concur.explore.Exploration.TimedOut;
import concur.explore.Exploration.Unavailable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer's regression suite: each buggy program must fail and each fixed one pass, because the
 * ways Fray goes wrong (a plain field not interleaved, a static field skipped) are silent false passes.
 * Budgets are small to keep the suite near a minute on two cores: the bugs show within the first few
 * schedules, and fixed programs get 200.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplorerTest {
    private static final Path PROGRAMS = Path.of("src/test/resources/explore");
    private static final Path FRAY = Path.of("target/fray/lib");
    private static final Path CACHE = Path.of("target/explore-cache");
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final int FIXED_BUDGET = 200;
    private static final long SEED = 42;

    @TempDir
    Path classes;

    private final List<String> progress = new ArrayList<>();
    private Explorer explorer;

    @BeforeAll
    void explorerOnThisJdk25() {
        Optional<Path> jdk25 =
                Explorer.findJdk25(List.of(Path.of(System.getProperty("java.home")), Path.of("/usr/lib/jvm")));
        assertThat(jdk25).as("the build runs on a JDK 25").isPresent();
        explorer = new Explorer(FRAY, CACHE, jdk25, progress::add);
    }

    @Test
    void findsTheLostUpdateOfCountPlusPlusInASeparateClass() {
        Failure failure = failing("CounterRace");

        assertThat(failure.error()).startsWith("java.lang.AssertionError: expected 4 but was");
        assertThat(failure.trace())
                .anySatisfy(step -> assertThat(step)
                        .extracting(TraceStep::thread, TraceStep::action, TraceStep::source, TraceStep::detail)
                        .containsExactly("alice", "reads", "count++;", "count"))
                .anySatisfy(step -> assertThat(step.action()).isEqualTo("writes"));
        List<TraceStep> conflict =
                failure.trace().stream().filter(TraceStep::conflict).toList();
        assertThat(conflict).extracting(TraceStep::action).containsExactly("reads", "writes");
        assertThat(conflict.get(0).thread()).isEqualTo(conflict.get(1).thread());
    }

    @Test
    void passesTheCounterWhoseIncrementIsSynchronized() {
        assertThat(passing("CounterFixed").schedules()).isEqualTo(FIXED_BUDGET);
    }

    @Test
    void findsTheLostUpdateOfAStaticField() {
        assertThat(failing("StaticRace").error()).contains("balance should be 300");
    }

    @Test
    void passesTheStaticFieldUpdatedUnderALock() {
        assertThat(passing("StaticFixed").schedules()).isEqualTo(FIXED_BUDGET);
    }

    @Test
    void findsTheCheckThenActThatOverdraws() {
        assertThat(failing("CheckThenAct").error()).contains("overdrawn: -40");
    }

    @Test
    void passesTheCheckThenActUnderOneLock() {
        assertThat(passing("CheckThenActFixed").schedules()).isEqualTo(FIXED_BUDGET);
    }

    @Test
    void findsTheDeadlockOfLocksTakenInOppositeOrders() {
        Failure failure = failing("Deadlock");

        assertThat(failure.deadlock()).isTrue();
        assertThat(failure.error()).contains("DeadlockException");
        assertThat(failure.trace().stream().filter(TraceStep::conflict))
                .extracting(TraceStep::thread, TraceStep::action, TraceStep::source)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("alice", "locks", "synchronized (to) {"),
                        org.assertj.core.groups.Tuple.tuple("bob", "locks", "synchronized (to) {"));
    }

    @Test
    void passesLocksTakenInOneOrder() {
        assertThat(passing("DeadlockFixed").schedules()).isEqualTo(FIXED_BUDGET);
    }

    @Test
    void givesTheSameScheduleAndTraceForTheSameSeed() {
        Target target = target("CounterRace");

        Failure first = (Failure) explorer.explore(target, 1000, 7, LIMIT);
        Failure second = (Failure) explorer.explore(target, 1000, 7, LIMIT);

        assertThat(second.schedule()).isEqualTo(first.schedule());
        assertThat(second.trace()).isEqualTo(first.trace());
    }

    @Test
    void replaysTheRecordedFailureWithTheSameTrace() {
        Target target = target("CheckThenAct");
        Failure found = failing("CheckThenAct");

        Exploration replayed = explorer.replay(target, found.recording(), LIMIT);

        assertThat(replayed).isInstanceOfSatisfying(Failure.class, again -> {
            assertThat(again.error()).isEqualTo(found.error());
            assertThat(again.trace()).isEqualTo(found.trace());
        });
    }

    @Test
    void sendsAVirtualThreadProgramToStressAndSaysWhy() {
        Exploration result = explorer.explore(target("VirtualRace"), 1000, SEED, LIMIT);

        assertThat(result)
                .isInstanceOfSatisfying(
                        Stressed.class, stressed -> assertThat(stressed.why()).contains("virtual threads"));
    }

    @Test
    void stressCatchesALostUpdateBehindAStartGate() {
        Exploration result = explorer.stress(target("GateRace"), Explorer.STRESS_RUNS, LIMIT);

        assertThat(result)
                .isInstanceOfSatisfying(
                        StressFailure.class,
                        failure -> assertThat(failure.error())
                                .startsWith("java.lang.AssertionError: expected 40000 but was"));
    }

    @Test
    void aProgramThatNeverEndsTimesOutUnderFrayAndLeavesNoProcess() {
        Target target = target("Spin");

        Exploration result = explorer.explore(target, 10, SEED, Duration.ofSeconds(4));

        assertThat(result).isInstanceOf(TimedOut.class);
        assertThat(processesMentioning(target.classes().toString())).isEmpty();
    }

    @Test
    void aStressedProgramThatNeverEndsIsKilledWithTheProcessItStarted() {
        Target target = target("SpinWithChild");

        Exploration result = explorer.stress(target, 5, Duration.ofSeconds(3));

        assertThat(result).isInstanceOf(TimedOut.class);
        assertThat(processesMentioning(target.classes().toString())).isEmpty();
        assertThat(processesMentioning("sleep 86421")).isEmpty();
    }

    @Test
    void isUnavailableWhenTheJdkGivenIsNot25() {
        Path jdk17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        Explorer on17 = new Explorer(FRAY, CACHE, Optional.of(jdk17), progress::add);

        Exploration result = on17.explore(target("CounterRace"), 10, SEED, LIMIT);

        assertThat(result)
                .isInstanceOfSatisfying(
                        Unavailable.class,
                        unavailable -> assertThat(unavailable.reason())
                                .isEqualTo(jdk17 + " is Java 17.0.15, but exploring schedules needs a JDK 25"));
    }

    @Test
    void findsAJdk25AmongCandidatesByItsReleaseFile() {
        Path jdk17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        Path jdk25 = Path.of(System.getProperty("java.home"));

        assertThat(Explorer.findJdk25(List.of(jdk17, Path.of("/nowhere"), jdk25)))
                .contains(jdk25);
        assertThat(Explorer.findJdk25(List.of(jdk17))).isEmpty();
    }

    private Failure failing(String program) {
        Exploration result = explorer.explore(target(program), 1000, SEED, LIMIT);
        assertThat(result).as(program).isInstanceOf(Failure.class);
        return (Failure) result;
    }

    private NoFailure passing(String program) {
        Exploration result = explorer.explore(target(program), FIXED_BUDGET, SEED, LIMIT);
        assertThat(result).as(program).isInstanceOf(NoFailure.class);
        return (NoFailure) result;
    }

    /** Compiles one program of src/test/resources/explore into a folder of its own. */
    private Target target(String program) {
        Path source = PROGRAMS.resolve(program + ".java").toAbsolutePath();
        Path out = classes.resolve(program);
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        int status = ToolProvider.getSystemJavaCompiler()
                .run(null, null, null, "-g", "-d", out.toString(), source.toString());
        assertThat(status).as("javac " + program).isZero();
        return new Target(out, source, program, List.of());
    }

    private static List<String> processesMentioning(String text) {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(ProcessHandle::isAlive)
                    .map(p -> p.info().commandLine().orElse(""))
                    .filter(line -> line.contains(text))
                    .toList();
        }
    }
}
