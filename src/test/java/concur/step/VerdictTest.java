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
        RunResult run = new RunResult(DONE, 1, DONE, Duration.ofMillis(1500), outcome, true, survivors);
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
                .isEqualTo("timed out after 2.00 s; processes 4711, 4712 of the example could not be killed and still run")
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
        assertThat(verdict.summary()).isEqualTo("matched in 1.50 s; process 4711 of the example could not be killed and still run");
    }

    private static final List<OutputLine> JVM_SAYS = List.of(
            new OutputLine(Duration.ZERO, OutputLine.UNKNOWN_THREAD, OutputLine.Source.UNTAGGED, "Unrecognized VM option 'NoSuchOption'"),
            new OutputLine(Duration.ZERO, OutputLine.UNKNOWN_THREAD, OutputLine.Source.UNTAGGED, "Error: Could not create the Java Virtual Machine."));

    @Test
    void aRunWhoseHarnessNeverStartedDidNotStartWhateverItPrinted() throws Exception {
        RunResult run = new RunResult(JVM_SAYS, 2, JVM_SAYS, Duration.ofMillis(40), new Outcome.Exited(1), false, List.of());

        Verdict verdict = Verdict.of(Expectation.parse(List.of("hello"), 10), run);

        assertThat(verdict).isInstanceOf(Verdict.NotStarted.class);
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.summary()).isEqualTo("the example's JVM did not start (exit code 1): Unrecognized VM option"
                + " 'NoSuchOption'; Error: Could not create the Java Virtual Machine.");
    }

    @Test
    void aRunThatStartedAndPrintedTheSameIsAMismatch() throws Exception {
        RunResult run = new RunResult(JVM_SAYS, 2, JVM_SAYS, Duration.ofMillis(40), new Outcome.Exited(1));

        assertThat(Verdict.of(Expectation.parse(List.of("hello"), 10), run)).isInstanceOf(Verdict.Failed.class);
    }

    @Test
    void aJvmThatWaitedBeforeTheHarnessPastTheLimitDidNotStart() throws Exception {
        RunResult run = new RunResult(List.of(), 0, List.of(), Duration.ofSeconds(2),
                new Outcome.TimedOut(Duration.ofSeconds(2), ""), false, List.of());

        Verdict verdict = Verdict.of(Expectation.parse(List.of("hello"), 10), run);

        assertThat(verdict).isInstanceOf(Verdict.NotStarted.class);
        assertThat(verdict.summary()).startsWith("the example's JVM did not start within 2.00 s");
    }

    @Test
    void aJvmThatSaidNothingIsStillNamed() throws Exception {
        RunResult run = new RunResult(List.of(), 0, List.of(), Duration.ofMillis(40), new Outcome.Exited(0), false, List.of());

        assertThat(Verdict.of(Expectation.parse(List.of(), 10), run).summary())
                .isEqualTo("the example's JVM did not start (exit code 0); check the step's java-options");
    }
}
