package concur.step;

import static org.assertj.core.api.Assertions.assertThat;

import concur.check.Expectation;
import concur.run.Outcome;
import concur.run.OutputLine;
import concur.run.RunResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A run of which concur did not keep everything can never pass, and the verdict says why in plain words. */
class VerdictOfWhatWasNotShownTest {
    private static final List<OutputLine> ONE_LINE =
            List.of(OutputLine.out(1, "main", "x … (499,995,904 more bytes not shown)"));

    private static Verdict judge(RunResult run) throws Exception {
        return Verdict.of(Expectation.parse(List.of("x{any}"), 1), run);
    }

    @Test
    void aLineCutShortFailsWithTheBytesNotShown() throws Exception {
        Verdict verdict = judge(new RunResult(
                ONE_LINE,
                1,
                ONE_LINE,
                Duration.ofSeconds(1),
                new Outcome.Exited(0),
                true,
                List.of(),
                new RunResult.NotShown(499_995_904, Optional.empty())));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.summary())
                .isEqualTo(
                        "printed lines too long to show whole (499,995,904 bytes not shown), so an example should print shorter lines");
    }

    @Test
    void linesPastTheLimitFailWithTheirCountAndBytes() throws Exception {
        Verdict verdict = judge(new RunResult(
                ONE_LINE,
                1_000_000,
                ONE_LINE,
                Duration.ofSeconds(1),
                new Outcome.Exited(0),
                true,
                List.of(),
                new RunResult.NotShown(12_345_678, Optional.empty())));

        assertThat(verdict.summary())
                .isEqualTo(
                        "printed 1,000,000 lines; concur keeps the first 1 (12,345,678 bytes not shown), so an example should print fewer");
    }

    @Test
    void aBrokenTagChannelFailsAndSaysWhereItBroke() throws Exception {
        Verdict verdict = judge(new RunResult(
                ONE_LINE,
                1,
                ONE_LINE,
                Duration.ofSeconds(1),
                new Outcome.Exited(0),
                true,
                List.of(),
                new RunResult.NotShown(1_000, Optional.of("a record of 2147483647 bytes"))));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.summary())
                .isEqualTo("concur stopped reading the example's output at a record of 2147483647 bytes,"
                        + " which no harness sends; 1,000 bytes not shown");
    }
}
