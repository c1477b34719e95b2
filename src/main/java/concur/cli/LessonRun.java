package concur.cli;

import concur.lesson.Catalog;
import concur.lesson.DisplayPath;
import concur.lesson.Lesson;
import concur.lesson.LessonException;
import concur.lesson.LessonParser;
import concur.lesson.Step;
import concur.report.StepOutcome;
import concur.run.CompileException;
import concur.run.Outcome;
import concur.run.Printable;
import concur.step.StepRunner.Played;
import concur.step.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code concur run} for one lesson: every runnable step (or one), once or repeatedly, without stopping. */
final class LessonRun {
    private final Context context;
    private final StepPlayer player;
    private final Optional<Integer> only;
    private final int repeat;
    private final boolean timeline;
    private final boolean variants;

    /**
     * @param only     the one step to run, when {@code --step} names one
     * @param repeat   how many times to run each step
     * @param timeline draw each run's timeline (when it runs once)
     * @param variants run each step's variants instead, which must fail: does every step's check have teeth?
     */
    LessonRun(
            Context context,
            StepPlayer player,
            Optional<Integer> only,
            int repeat,
            boolean timeline,
            boolean variants) {
        this.context = context;
        this.player = player;
        this.only = only;
        this.repeat = repeat;
        this.timeline = timeline;
        this.variants = variants;
    }

    /** Runs the lesson in {@code file}; an error in it is an outcome (and said on stderr), not an exception. */
    List<StepOutcome> lesson(Path file) {
        String name = Catalog.nameOf(file);
        Lesson lesson;
        try {
            lesson = new LessonParser().parse(file);
        } catch (LessonException e) {
            return List.of(error(StepOutcome.Errored.lesson(name, DisplayPath.of(file), e.getMessage())));
        }
        int size = lesson.steps().size();
        if (only.isPresent() && (only.get() < 1 || only.get() > size)) {
            String problem =
                    lesson.displayFile() + ": there is no step " + only.get() + " (the lesson has " + size + ")";
            return List.of(error(StepOutcome.Errored.lesson(name, lesson.displayFile(), problem)));
        }
        if (only.isPresent() && !lesson.steps().get(only.get() - 1).runnable()) {
            Step step = lesson.steps().get(only.get() - 1);
            String problem = lesson.displayFile() + ":" + step.line() + ": step " + step.number() + " (\""
                    + step.title() + "\") has no example to run";
            return List.of(error(StepOutcome.Errored.lesson(name, lesson.displayFile(), problem)));
        }
        context.out().println(Printable.of("# " + lesson.title() + " (" + lesson.displayFile() + ")"));
        List<StepOutcome> outcomes = new ArrayList<>();
        for (Step step : lesson.steps()) {
            if (step.runnable() && only.map(n -> n == step.number()).orElse(true)) {
                if (variants) {
                    outcomes.addAll(variants(lesson, step));
                } else {
                    outcomes.add(step(lesson, step));
                }
            }
        }
        return outcomes;
    }

    /** A lesson the listing could not read: an error, said on stderr, for {@code run --all}. */
    StepOutcome unreadable(LessonException problem) {
        Path file = problem.file().orElseThrow();
        return error(StepOutcome.Errored.lesson(Catalog.nameOf(file), DisplayPath.of(file), problem.getMessage()));
    }

    private StepOutcome step(Lesson lesson, Step step) {
        PrintWriter out = context.out();
        out.println();
        out.println(StepPlayer.heading(lesson, step));
        out.flush();
        String name = "step " + step.number() + ": " + step.title();
        long start = System.nanoTime();
        try {
            int passes = 0;
            String firstFailure = null;
            for (int i = 0; i < repeat; i++) {
                Played played = repeat == 1 ? player.show(step) : player.quietly(step);
                if (played.run().outcome() instanceof Outcome.Interrupted
                        || Thread.currentThread().isInterrupted()) {
                    throw stopped();
                }
                if (played.verdict() instanceof Verdict.NotStarted notStarted) {
                    // Not a mismatch: the step cannot run as written, and running it again would not help.
                    return error(StepOutcome.Errored.step(
                            lesson.name(),
                            name,
                            lesson.displayFile() + ":" + step.line() + ": step " + step.number() + " (\"" + step.title()
                                    + "\"): " + notStarted.summary()));
                }
                if (repeat == 1 && timeline) {
                    player.timeline(played.run());
                }
                if (played.verdict().passed()) {
                    passes++;
                } else if (firstFailure == null) {
                    firstFailure = StepPlayer.plainText(step, played);
                }
            }
            if (repeat > 1) {
                String first = firstFailure == null
                        ? ""
                        : "; first failure: " + firstFailure.lines().findFirst().orElse("");
                out.println(passes + "/" + repeat + " passed" + first);
            }
            return new StepOutcome.Ran(
                    lesson.name(),
                    name,
                    repeat,
                    passes,
                    Duration.ofNanos(System.nanoTime() - start),
                    Optional.ofNullable(firstFailure));
        } catch (CompileException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw stopped();
            }
            return error(StepOutcome.Errored.step(lesson.name(), name, e.describe(DisplayPath::of)));
        } catch (IOException e) {
            if (Errors.stopped(e)) {
                throw stopped();
            }
            String problem = "cannot run step " + step.number() + " of " + lesson.displayFile() + ": " + e.getMessage();
            return error(StepOutcome.Errored.step(lesson.name(), name, problem));
        }
    }

    /**
     * The step's variants, each run {@code repeat} times: a run "passes" here when the variant FAILS the
     * step's expected output, since the variant takes away what the step teaches. A step without a
     * variant is an error: nothing shows that its check could fail.
     */
    private List<StepOutcome> variants(Lesson lesson, Step step) {
        PrintWriter out = context.out();
        String where =
                lesson.displayFile() + ":" + step.line() + ": step " + step.number() + " (\"" + step.title() + "\")";
        if (step.variants().isEmpty()) {
            String name = "step " + step.number() + ": " + step.title();
            return List.of(error(StepOutcome.Errored.step(
                    lesson.name(),
                    name,
                    where + " has no variant: nothing shows its expected output fails without its point"
                            + " (add variant=PATH removes=\"...\")")));
        }
        List<StepOutcome> outcomes = new ArrayList<>();
        for (concur.lesson.Variant variant : step.variants()) {
            String name = "step " + step.number() + " without " + variant.removes();
            out.print(Printable.of(name) + ": ");
            out.flush();
            long start = System.nanoTime();
            int caught = 0;
            String firstEscape = null;
            try {
                for (int i = 0; i < repeat; i++) {
                    Played played = player.quietly(variant.in(step.demo().orElseThrow()));
                    if (played.run().outcome() instanceof Outcome.Interrupted
                            || Thread.currentThread().isInterrupted()) {
                        out.println("stopped");
                        throw stopped();
                    }
                    if (played.verdict() instanceof Verdict.NotStarted notStarted) {
                        out.println("did not start");
                        return List.of(error(StepOutcome.Errored.step(
                                lesson.name(),
                                name,
                                lesson.displayFile() + ":" + variant.line() + ": the variant " + variant.removes()
                                        + " did not start: " + notStarted.summary())));
                    }
                    if (!played.verdict().passed()) {
                        caught++;
                    } else if (firstEscape == null) {
                        firstEscape = "the variant matched the expected output: " + where + " does not notice "
                                + variant.removes() + " is gone";
                    }
                }
            } catch (CompileException e) {
                out.println("does not compile");
                if (Thread.currentThread().isInterrupted()) {
                    throw stopped();
                }
                outcomes.add(error(StepOutcome.Errored.step(lesson.name(), name, e.describe(DisplayPath::of))));
                continue;
            } catch (IOException e) {
                if (Errors.stopped(e)) {
                    throw stopped();
                }
                outcomes.add(error(StepOutcome.Errored.step(lesson.name(), name, "cannot run: " + e.getMessage())));
                continue;
            }
            out.println("failed " + caught + "/" + repeat
                    + (caught == repeat ? ", as it must" : "; it must fail every time"));
            out.flush();
            outcomes.add(new StepOutcome.Ran(
                    lesson.name(),
                    name,
                    repeat,
                    caught,
                    Duration.ofNanos(System.nanoTime() - start),
                    Optional.ofNullable(firstEscape)));
        }
        return outcomes;
    }

    /**
     * Ctrl-C: the step it interrupted has said so, and nothing more runs; what did not run is not a failure.
     * Left as the thread's interrupt, the next step would start, be interrupted at once, and fail.
     */
    private static ConcurException stopped() {
        return new ConcurException(ExitCode.INTERRUPTED, "stopped.");
    }

    private StepOutcome error(StepOutcome.Errored outcome) {
        context.err().println("concur: " + Printable.text(outcome.message()));
        context.err().flush();
        return outcome;
    }
}
