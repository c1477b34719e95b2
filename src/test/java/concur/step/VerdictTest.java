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
        RunResult run = new RunResult(DONE, 1, DONE, Duration.ofMillis(1500), outcome, survivors);
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
}
