package concur.step;

import concur.check.Durations;
import concur.check.Expectation;
import concur.check.MatchResult;
import concur.run.Outcome;
import concur.run.RunResult;
import java.util.Locale;
import java.util.Objects;

/** Whether a step passed: its run ended well and its output matched. */
public sealed interface Verdict {
    /** One line saying how it went, or what went wrong first. */
    String summary();

    /** The matcher's alignment of output and expectation, for the side-by-side view. */
    MatchResult match();

    default boolean passed() {
        return this instanceof Passed;
    }

    /**
     * The run ended by itself and its output matched.
     *
     * @param summary e.g. {@code matched in 1.02 s}
     * @param match   the alignment
     */
    record Passed(String summary, MatchResult match) implements Verdict {
        public Passed {
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(match, "match");
        }
    }

    /**
     * The run did not match, timed out, was stopped or printed too much.
     *
     * @param summary what went wrong first
     * @param match   the alignment, as far as the output went
     */
    record Failed(String summary, MatchResult match) implements Verdict {
        public Failed {
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(match, "match");
        }
    }

    /** Judges one run of an example against what it must print. */
    public static Verdict of(Expectation expectation, RunResult run) {
        int exitCode = run.outcome() instanceof Outcome.Exited exited ? exited.code() : -1;
        MatchResult match = expectation.match(run.lines(), run.total(), exitCode);
        return switch (run.outcome()) {
            case Outcome.TimedOut t -> new Failed(
                    "timed out after " + Durations.seconds(t.limit()) + "; the example and its processes were killed",
                    match);
            case Outcome.Interrupted i -> new Failed("stopped before it finished", match);
            case Outcome.Exited e when run.truncated() -> new Failed(notShown(run), match);
            case Outcome.Exited e -> switch (match) {
                case MatchResult.Matched m -> new Passed("matched in " + Durations.seconds(run.total()), match);
                case MatchResult.Mismatched m -> new Failed(m.reason(), match);
            };
        };
    }

    /** What the matcher did not see, and why, in plain words: it cannot call such a run a match. */
    static String notShown(RunResult run) {
        long bytes = run.notShown().bytes();
        if (run.notShown().brokenChannel().isPresent()) {
            return String.format(Locale.ROOT, "concur stopped reading the example's output at %s, which no harness"
                    + " sends; %,d bytes not shown", run.notShown().brokenChannel().get(), bytes);
        }
        if (run.linesNotKept() > 0) {
            return String.format(Locale.ROOT, "printed %,d lines; concur keeps the first %,d (%,d bytes not shown),"
                    + " so an example should print fewer", run.totalLines(), run.lines().size(), bytes);
        }
        return String.format(Locale.ROOT, "printed lines too long to show whole (%,d bytes not shown),"
                + " so an example should print shorter lines", bytes);
    }
}
