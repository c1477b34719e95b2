package concur.check;

import concur.run.OutputLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds expectations and outputs for the matcher's tests. */
final class Fixtures {
    private Fixtures() {}

    /** An expectation whose first line is line 1 of the lesson, so that messages count lines as the test lists them. */
    static Expectation expect(String... lines) {
        try {
            return Expectation.parse(Arrays.asList(lines), 1);
        } catch (ExpectationException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Lines printed by {@code main}, 10 ms apart. */
    static List<OutputLine> output(String... texts) {
        List<OutputLine> lines = new ArrayList<>();
        for (String text : texts) {
            lines.add(OutputLine.out(10L * lines.size(), "main", text));
        }
        return lines;
    }

    /** Matches output that took a second in all and exited with 0. */
    static MatchResult match(Expectation expectation, List<OutputLine> output) {
        return expectation.match(output, Duration.ofSeconds(1), 0);
    }

    static MatchResult match(Expectation expectation, String... output) {
        return match(expectation, output(output));
    }

    static String failure(Expectation expectation, String... output) {
        return match(expectation, output).failure().orElseThrow(() -> new AssertionError("expected a failure"));
    }
}
