package concur.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TallyTest {
    @Test
    void aStepNamedWithEscapeSequencesIsSummarisedWithThemMadeVisible() {
        Tally tally = new Tally();
        tally.add(new StepOutcome.Ran(
                "les\u001b[2Json", "step 1: \u001b]0;title\u0007", 1, 0, Duration.ZERO, Optional.of("x")));

        assertThat(tally.summary())
                .contains("les\\x1b[2Json", "step 1: \\x1b]0;title\\x07")
                .doesNotContain("\u001b");
    }
}
