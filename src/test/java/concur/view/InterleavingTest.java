package concur.view;

import static org.assertj.core.api.Assertions.assertThat;

import concur.explore.TraceStep;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterleavingTest {
    private static final List<TraceStep> TRACE = List.of(
            new TraceStep("main", "Thread.start", 6, "a.start();", false, ""),
            new TraceStep("a", "reads", 27, "count++;", true, "count"),
            new TraceStep("b", "reads", 27, "count++;", false, "count"),
            new TraceStep("b", "writes", 27, "count++;", false, "count"),
            new TraceStep("a", "writes", 27, "count++;", true, "count"));

    @Test
    void eachThreadHasALaneAndEveryStepItsLineOfTheLearnersFile() {
        List<String> rows = Interleaving.render(TRACE, "Tally.java", Screen.plain());

        assertThat(rows)
                .containsExactly(
                        "1  main      Thread.start  Tally.java:6   a.start();",
                        "2    a       reads         Tally.java:27  count++;  (count)  <-",
                        "3      b     reads         Tally.java:27  count++;  (count)",
                        "4      b     writes        Tally.java:27  count++;  (count)",
                        "5    a       writes        Tally.java:27  count++;  (count)  <-");
    }

    @Test
    void theConflictingStepsAreRedOnAColourScreenAndMarkedOnEvery() {
        List<String> rows = Interleaving.render(TRACE, "Tally.java", new Screen(true, true, 100));

        assertThat(rows.get(1)).startsWith("\u001b[31m").endsWith("<-\u001b[0m");
        assertThat(rows.get(2)).doesNotContain("\u001b[");
    }

    @Test
    void aThreadNameOrSourceLineCannotSteerTheTerminal() {
        List<TraceStep> hostile =
                List.of(new TraceStep("\u001b]0;owned\u0007", "reads", 1, "x = \u001b[2J;", false, ""));

        assertThat(Interleaving.render(hostile, "X.java", Screen.plain()).get(0))
                .doesNotContain("\u001b")
                .contains("\\x1b]0;owned");
    }
}
