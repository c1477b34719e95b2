package concur.step;

import static org.assertj.core.api.Assertions.assertThat;

import concur.check.Expectation;
import concur.run.Outcome;
import concur.run.OutputLine;
import concur.run.RunResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {
    private static final List<OutputLine> DONE = List.of(OutputLine.out(10, "main", "done"));

    private static Verdict judge(Outcome outcome, List<Long> survivors) throws Exception {
        RunResult run = new RunResult(
                DONE, 1, DONE, Duration.ofMillis(1500), outcome, true, survivors, RunResult.NotShown.NOTHING);
        return Verdict.of(Expectation.parse(List.of("done"), 1), run);
    }

    @Test
    void aTimeOutSaysTheProcessesWereKilledWhenNoneSurvived() throws Exception {
        Verdict verdict = judge(new Outcome.TimedOut(Duration.ofSeconds(2), ""), List.of());

        assertThat(verdict.summary()).isEqualTo("timed out after 2.00 s; the example and its processes were killed");
    }

    @Test
    void aTimeOutNamesTheProcessesThatSurvivedInsteadOfClaimingTheyWereKilled() throws Exception {
        Verdict verdict = judge(new Outcome.TimedOut(Duration.ofSeconds(2), ""), List.of(4711L, 4712L));

        assertThat(verdict.summary())
                .isEqualTo(
                        "timed out after 2.00 s; processes 4711, 4712 of the example could not be killed and still run")
                .doesNotContain("were killed");
    }

    @Test
    void aStopNamesTheProcessThatSurvived() throws Exception {
        assertThat(judge(new Outcome.Interrupted(), List.of()).summary()).isEqualTo("stopped before it finished");
        assertThat(judge(new Outcome.Interrupted(), List.of(4711L)).summary())
                .isEqualTo("stopped before it finished; process 4711 of the example could not be killed and still run");
    }

    @Test
    void aMatchingRunStillPassesButNamesWhatItLeftRunning() throws Exception {
        Verdict verdict = judge(new Outcome.Exited(0), List.of(4711L));

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.summary())
                .isEqualTo("matched in 1.50 s; process 4711 of the example could not be killed and still run");
    }

    private static final List<OutputLine> JVM_SAYS = List.of(
            new OutputLine(
                    Duration.ZERO,
                    OutputLine.UNKNOWN_THREAD,
                    OutputLine.Source.UNTAGGED,
                    "Unrecognized VM option 'NoSuchOption'"),
            new OutputLine(
                    Duration.ZERO,
                    OutputLine.UNKNOWN_THREAD,
                    OutputLine.Source.UNTAGGED,
                    "Error: Could not create the Java Virtual Machine."));

    @Test
    void aRunWhoseHarnessNeverStartedDidNotStartWhateverItPrinted() throws Exception {
        RunResult run = new RunResult(
                JVM_SAYS,
                2,
                JVM_SAYS,
                Duration.ofMillis(40),
                new Outcome.Exited(1),
                false,
                List.of(),
                RunResult.NotShown.NOTHING);

        Verdict verdict = Verdict.of(Expectation.parse(List.of("hello"), 10), run);

        assertThat(verdict).isInstanceOf(Verdict.NotStarted.class);
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.summary())
                .isEqualTo("the example's JVM did not start (exit code 1): Unrecognized VM option"
                        + " 'NoSuchOption'; Error: Could not create the Java Virtual Machine.");
    }

    @Test
    void aRunThatStartedAndPrintedTheSameIsAMismatch() throws Exception {
        RunResult run = new RunResult(JVM_SAYS, 2, JVM_SAYS, Duration.ofMillis(40), new Outcome.Exited(1));

        assertThat(Verdict.of(Expectation.parse(List.of("hello"), 10), run)).isInstanceOf(Verdict.Failed.class);
    }

    @Test
    void aJvmThatWaitedBeforeTheHarnessPastTheLimitDidNotStart() throws Exception {
        RunResult run = new RunResult(
                List.of(),
                0,
                List.of(),
                Duration.ofSeconds(2),
                new Outcome.TimedOut(Duration.ofSeconds(2), ""),
                false,
                List.of(),
                RunResult.NotShown.NOTHING);

        Verdict verdict = Verdict.of(Expectation.parse(List.of("hello"), 10), run);

        assertThat(verdict).isInstanceOf(Verdict.NotStarted.class);
        assertThat(verdict.summary()).startsWith("the example's JVM did not start within 2.00 s");
    }

    @Test
    void aJvmThatSaidNothingIsStillNamed() throws Exception {
        RunResult run = new RunResult(
                List.of(),
                0,
                List.of(),
                Duration.ofMillis(40),
                new Outcome.Exited(0),
                false,
                List.of(),
                RunResult.NotShown.NOTHING);

        assertThat(Verdict.of(Expectation.parse(List.of(), 10), run).summary())
                .isEqualTo("the example's JVM did not start (exit code 0); check the step's java-options");
    }

    private static final List<OutputLine> SLOW =
            List.of(OutputLine.out(10, "main", "1 thread: 400 ms"), OutputLine.out(20, "main", "speedup 1.05"));

    private static Verdict judgeSpeedup(List<OutputLine> lines, Load load) throws Exception {
        RunResult run = new RunResult(lines, lines.size(), lines, Duration.ofMillis(900), new Outcome.Exited(0));
        Expectation expectation = Expectation.parse(List.of("1 thread: {num} ms", "speedup {num >= 1.3}"), 1);
        return Verdict.of(expectation, run, java.util.Optional.of(load));
    }

    @Test
    void aSpeedLimitMissedOnABusyMachineIsSaidInPlainWords() throws Exception {
        Verdict verdict = judgeSpeedup(SLOW, new Load(3.9, 2));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.summary())
                .startsWith("only a time or speed limit was missed, and the machine was busy"
                        + " (load 3.9 on 2 cores), which slows every example: run it again when it is quieter.");
    }

    @Test
    void onAQuietMachineAMissedLimitIsJustAFailure() throws Exception {
        assertThat(judgeSpeedup(SLOW, new Load(0.4, 2)).summary())
                .startsWith("line 2: ")
                .doesNotContain("busy");
    }

    @Test
    void aWrongLineIsNeverBlamedOnTheMachine() throws Exception {
        List<OutputLine> wrong =
                List.of(OutputLine.out(10, "main", "1 thread: 400 ms"), OutputLine.out(20, "main", "slower"));

        assertThat(judgeSpeedup(wrong, new Load(9.0, 2)).summary()).doesNotContain("busy");
    }
}
