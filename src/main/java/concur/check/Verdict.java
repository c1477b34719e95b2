package concur.check;

import concur.lesson.Durations;
import concur.run.Outcome;
import concur.run.RunResult;
import java.util.Objects;

/**
 * Whether a step passed: its run ended well and its output matched.
 *
 * @param passed  the step passed
 * @param summary one line saying so, or saying what went wrong first
 * @param match   the matcher's alignment of output and expectation, for the side-by-side view
 */
public record Verdict(boolean passed, String summary, MatchResult match) {
    public Verdict {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(match, "match");
    }

    public static Verdict of(Expectation expectation, RunResult run, int lineLimit) {
        int exitCode = run.outcome() instanceof Outcome.Exited exited ? exited.code() : -1;
        MatchResult match = expectation.match(run.lines(), run.total(), exitCode);
        return switch (run.outcome()) {
            case Outcome.TimedOut t -> new Verdict(false,
                    "timed out after " + Durations.seconds(t.limit()) + "; the example and its processes were killed", match);
            case Outcome.Interrupted i -> new Verdict(false, "stopped before it finished", match);
            case Outcome.Exited e when run.truncated() -> new Verdict(false, "printed " + run.totalLines()
                    + " lines; concur keeps the first " + lineLimit + ", so an example should print fewer", match);
            case Outcome.Exited e -> new Verdict(match.matched(),
                    match.failure().orElse("matched in " + Durations.seconds(run.total())), match);
        };
    }
}
