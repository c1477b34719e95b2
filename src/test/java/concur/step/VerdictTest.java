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
    private static final List<OutputLine> JVM_SAYS = List.of(
            new OutputLine(Duration.ZERO, OutputLine.UNKNOWN_THREAD, OutputLine.Source.UNTAGGED, "Unrecognized VM option 'NoSuchOption'"),
            new OutputLine(Duration.ZERO, OutputLine.UNKNOWN_THREAD, OutputLine.Source.UNTAGGED, "Error: Could not create the Java Virtual Machine."));

    @Test
    void aRunWhoseHarnessNeverStartedDidNotStartWhateverItPrinted() throws Exception {
        RunResult run = new RunResult(JVM_SAYS, 2, JVM_SAYS, Duration.ofMillis(40), new Outcome.Exited(1), false);

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
                new Outcome.TimedOut(Duration.ofSeconds(2), ""), false);

        Verdict verdict = Verdict.of(Expectation.parse(List.of("hello"), 10), run);

        assertThat(verdict).isInstanceOf(Verdict.NotStarted.class);
        assertThat(verdict.summary()).startsWith("the example's JVM did not start within 2.00 s");
    }

    @Test
    void aJvmThatSaidNothingIsStillNamed() throws Exception {
        RunResult run = new RunResult(List.of(), 0, List.of(), Duration.ofMillis(40), new Outcome.Exited(0), false);

        assertThat(Verdict.of(Expectation.parse(List.of(), 10), run).summary())
                .isEqualTo("the example's JVM did not start (exit code 0); check the step's java-options");
    }
}
