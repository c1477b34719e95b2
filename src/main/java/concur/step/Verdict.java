package concur.step;

import concur.check.Durations;
import concur.check.Expectation;
import concur.check.MatchResult;
import concur.run.Outcome;
import concur.run.OutputLine;
import concur.run.RunResult;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

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

    /**
     * The example's JVM exited before it ran the example, as with a {@code java-options} it does not
     * know: the lesson's fault, not the output's.
     *
     * @param summary what the JVM said, e.g. {@code the example's JVM did not start (exit code 1): Unrecognized VM option 'NoSuchOption'}
     * @param match   the alignment of what it printed
     */
    record NotStarted(String summary, MatchResult match) implements Verdict {
        public NotStarted {
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(match, "match");
        }
    }

    /** Judges one run of an example against what it must print. */
    public static Verdict of(Expectation expectation, RunResult run) {
        return of(expectation, run, Optional.empty());
    }

    /**
     * Judges one run, knowing how busy the machine was: a run that missed only a time or speed limit on a
     * busy machine is told so in plain words, since running it again when the machine is quieter is the cure.
     */
    public static Verdict of(Expectation expectation, RunResult run, Optional<Load> load) {
        int exitCode = run.outcome() instanceof Outcome.Exited exited ? exited.code() : -1;
        MatchResult match = expectation.match(run.lines(), run.total(), exitCode);
        String leftOver = run.survivors().isEmpty() ? "" : "; " + couldNotKill(run);
        return switch (run.outcome()) {
            case Outcome.TimedOut t
            when !run.started() ->
                new NotStarted(
                        "the example's JVM did not start within "
                                + Durations.seconds(t.limit())
                                + " (a java-options that waits, such as a debugger's suspend=y?)"
                                + leftOver,
                        match);
            case Outcome.TimedOut t ->
                new Failed(
                        "timed out after " + Durations.seconds(t.limit()) + "; "
                                + (run.survivors().isEmpty()
                                        ? "the example and its processes were killed"
                                        : couldNotKill(run)),
                        match);
            case Outcome.Interrupted i -> new Failed("stopped before it finished" + leftOver, match);
            case Outcome.Exited e when !run.started() -> new NotStarted(notStarted(e.code(), run) + leftOver, match);
            case Outcome.Exited e when run.truncated() -> new Failed(notShown(run) + leftOver, match);
            case Outcome.Exited e ->
                switch (match) {
                    case MatchResult.Matched m ->
                        new Passed("matched in " + Durations.seconds(run.total()) + leftOver, match);
                    case MatchResult.Mismatched m ->
                        new Failed(
                                tooSlowOnABusyMachine(expectation, run, e.code(), load)
                                                .orElse("")
                                        + m.reason()
                                        + leftOver,
                                match);
                };
        };
    }

    private static Optional<String> tooSlowOnABusyMachine(
            Expectation expectation, RunResult run, int exitCode, Optional<Load> load) {
        if (load.isEmpty()
                || !load.get().busy()
                || !expectation.matchesApartFromBounds(run.lines(), run.total(), exitCode)) {
            return Optional.empty();
        }
        return Optional.of("only a time or speed limit was missed, and the machine was busy (" + load.get()
                + "), which slows every example: run it again when it is quieter. In detail: ");
    }

    /** Only what a fresh look after the kill confirmed is called killed; the rest is named. */
    private static String couldNotKill(RunResult run) {
        List<Long> pids = run.survivors();
        return (pids.size() == 1 ? "process " : "processes ")
                + pids.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " of the example could not be killed and still run";
    }

    /** The JVM's own words, which it wrote untagged: the first few lines are the ones that say why. */
    private static String notStarted(int exitCode, RunResult run) {
        List<String> said = run.lines().stream()
                .filter(line -> line.source() == OutputLine.Source.UNTAGGED
                        && !line.text().isBlank())
                .map(line -> line.text().strip())
                .limit(3)
                .toList();
        String how = "the example's JVM did not start (exit code " + exitCode + ")";
        return said.isEmpty() ? how + "; check the step's java-options" : how + ": " + String.join("; ", said);
    }

    /** What the matcher did not see, and why, in plain words: it cannot call such a run a match. */
    static String notShown(RunResult run) {
        long bytes = run.notShown().bytes();
        if (run.notShown().brokenChannel().isPresent()) {
            return String.format(
                    Locale.ROOT,
                    "concur stopped reading the example's output at %s, which no harness"
                            + " sends; %,d bytes not shown",
                    run.notShown().brokenChannel().get(),
                    bytes);
        }
        if (run.linesNotKept() > 0) {
            return String.format(
                    Locale.ROOT,
                    "printed %,d lines; concur keeps the first %,d (%,d bytes not shown),"
                            + " so an example should print fewer",
                    run.totalLines(),
                    run.lines().size(),
                    bytes);
        }
        return String.format(
                Locale.ROOT,
                "printed lines too long to show whole (%,d bytes not shown),"
                        + " so an example should print shorter lines",
                bytes);
    }
}
