package concur.cli;

import concur.exercise.Verification;
import concur.exercise.Verifier;
import concur.explore.Exploration;
import concur.lesson.DisplayPath;
import concur.lesson.Exercise;
import concur.run.CompileException;
import concur.run.OutputLine;
import concur.run.Printable;
import concur.view.Interleaving;
import concur.view.Screen;
import concur.view.SideBySide;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code concur verify [NAME]}: does the learner's fix hold? */
final class VerifyCommand implements Callable<Integer> {
    private final Context context;
    private final CommandSpec spec;
    private final PositionalParamSpec name;
    private final OptionSpec replay =
            Specs.flag("--replay", "show the interleaving that broke your program last time, again");
    private final OptionSpec schedules = Specs.option(
            "--schedules", Integer.class, "N", "how many thread schedules to explore (default: the exercise's, 1,000)");
    private final OptionSpec timeout = Specs.timeout();

    VerifyCommand(Context context) {
        this.context = context;
        this.spec = Specs.command(
                this,
                "verify",
                "Check your fix of an exercise: its output, then, for a race or a deadlock, thread schedules"
                        + " explored one by one.",
                "Examples:",
                "  concur verify                   the first exercise you have not passed",
                "  concur verify lost-increments",
                "  concur verify --replay lost-increments");
        this.name = Specs.exercise(context);
        spec.addPositional(name);
        spec.addOption(replay);
        spec.addOption(schedules);
        spec.addOption(timeout);
        Specs.exerciseExitCodes(spec);
    }

    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() throws IOException {
        Exercising exercising = new Exercising(context);
        Exercise exercise = exercising.pick(Optional.ofNullable((String) name.getValue()));
        Integer budget = schedules.getValue();
        if (budget != null && (budget < 1 || budget > 100_000)) {
            throw new ConcurException(ExitCode.USAGE, "--schedules=" + budget + " is not from 1 to 100,000");
        }
        Path file = exercising.learnersFile(exercise);
        Check check = new Check(context, exercising, new StepPlayer(context, Optional.ofNullable(timeout.getValue())));
        if (Specs.isSet(replay)) {
            return check.replay(exercise, file);
        }
        return check.verify(exercise, file, Optional.ofNullable(budget), true);
    }

    /** One verify, shown: used by {@code verify} and {@code watch}. */
    static final class Check {
        private final Context context;
        private final Exercising exercising;
        private final Verifier verifier;

        Check(Context context, Exercising exercising, StepPlayer player) {
            this.context = context;
            this.exercising = exercising;
            this.verifier = exercising.verifier(player);
        }

        int verify(Exercise exercise, Path file, Optional<Integer> schedules, boolean record) throws IOException {
            PrintWriter out = context.out();
            out.println(heading(exercise));
            out.println("Your file: " + link(file, context.screen()));
            out.flush();
            String code = Exercising.read(file);
            SideBySide view =
                    new SideBySide(context.screen(), out, exercise.expectation().displayLines());
            LazyHeader live = new LazyHeader(view);
            Verification verification;
            try {
                if (exercise.check() == Exercise.Check.EXPLORE) {
                    out.println("Running it once, then exploring thread schedules"
                            + " (up to "
                            + Exercising.plural(schedules.orElse(exercise.schedules()), "schedule", "schedules")
                            + ")...");
                }
                out.println();
                out.flush();
                verification = verifier.verify(exercise, file, code, schedules, live);
            } catch (CompileException e) {
                out.flush();
                context.err().println("concur: " + Exercising.describe(e));
                context.err().flush();
                if (record) {
                    exercising.record(edit -> edit.tried(exercise.name()));
                }
                return ExitCode.MISMATCH;
            }
            live.header(); // also for a program that printed nothing
            view.finish(verification.run().verdict(), verification.run().run());
            out.println();
            int code2 = show(exercise, verification);
            if (record) {
                exercising.record(edit -> {
                    if (verification.passed()) {
                        edit.passed(exercise.name());
                    } else {
                        edit.tried(exercise.name());
                    }
                    if (verification instanceof Verification.InterleavingFailed failed
                            && failed.failure() instanceof Exploration.Failure f) {
                        edit.failingRecording(
                                exercise.name(), Optional.of(f.recording().toString()));
                    }
                });
            }
            out.flush();
            return code2;
        }

        private int show(Exercise exercise, Verification verification) {
            PrintWriter out = context.out();
            Screen screen = context.screen();
            String file = exercise.fileName();
            switch (verification) {
                case Verification.RunFailed failed -> {
                    out.println("Not yet: the run above does not match what a fixed program prints.");
                    hintLine(exercise);
                    return ExitCode.MISMATCH;
                }
                case Verification.NotChecked notChecked -> {
                    out.println("The run matched, but the schedules could not be explored: "
                            + Printable.of(notChecked.reason()));
                    out.println("So this is not a pass yet. Run concur verify " + exercise.name() + " again.");
                    return ExitCode.MISMATCH;
                }
                case Verification.InterleavingFailed failed -> {
                    switch (failed.failure()) {
                        case Exploration.Failure f -> {
                            out.println("FAIL  " + (failed.run().verdict().passed() ? "the run matched, but " : "")
                                    + "schedule " + f.schedule() + " breaks your program: "
                                    + Printable.of(f.error()));
                            interleaving(f, file, screen);
                            out.println("See it again: concur verify --replay " + exercise.name());
                        }
                        case Exploration.StressFailure s -> {
                            out.println("FAIL  the run matched, but run " + s.run() + " of "
                                    + Exercising.plural(exercise.stressRuns(), "run", "runs") + " broke your program: "
                                    + Printable.of(s.error()));
                            out.println("(Checked by runs, not by exploring schedules: " + Printable.of(s.why()) + ")");
                        }
                        default ->
                            out.println("FAIL  " + Printable.of(failed.failure().toString()));
                    }
                    hintLine(exercise);
                    return ExitCode.MISMATCH;
                }
                case Verification.Passed passed -> {
                    out.println("PASS  " + howChecked(passed));
                    next(exercise);
                    return ExitCode.OK;
                }
            }
        }

        int replay(Exercise exercise, Path file) throws IOException {
            PrintWriter out = context.out();
            Optional<String> recording =
                    exercising.progress().exercise(exercise.name()).failingRecording();
            if (recording.isEmpty() || !Files.isDirectory(Path.of(recording.get()))) {
                throw new ConcurException(
                        ExitCode.USAGE,
                        "nothing to replay for " + exercise.name() + ": no verify of it has found a failing"
                                + " interleaving yet (run concur verify " + exercise.name() + ")");
            }
            out.println(heading(exercise));
            Exploration replayed;
            try {
                replayed = verifier.replay(exercise, file, Exercising.read(file), Path.of(recording.get()));
            } catch (CompileException e) {
                context.err().println("concur: " + Exercising.describe(e));
                return ExitCode.MISMATCH;
            }
            if (replayed instanceof Exploration.Failure f) {
                out.println("The interleaving that broke your program: " + Printable.of(f.error()));
                interleaving(f, exercise.fileName(), context.screen());
                out.flush();
                return ExitCode.MISMATCH;
            }
            out.println("Replayed, and your program no longer fails that way: " + Printable.of(replayed.toString())
                    + ". Run concur verify " + exercise.name() + " to explore again.");
            out.flush();
            return ExitCode.OK;
        }

        private void interleaving(Exploration.Failure failure, String file, Screen screen) {
            PrintWriter out = context.out();
            if (failure.trace().isEmpty()) {
                return;
            }
            out.println();
            out.println("The interleaving that breaks it, each row before the next (<- marks the two that conflict):");
            Interleaving.render(failure.trace(), file, screen).forEach(out::println);
            out.println();
        }

        private static String howChecked(Verification.Passed passed) {
            return passed.how()
                    .map(how -> switch (how) {
                        case Exploration.NoFailure none ->
                            "no failing interleaving in " + Exercising.plural(none.schedules(), "schedule", "schedules")
                                    + " explored (a search, not a proof)";
                        case Exploration.Stressed stressed ->
                            "checked by " + Exercising.plural(stressed.runs(), "run", "runs")
                                    + ", not by exploring schedules: " + Printable.of(stressed.why());
                        default -> Printable.of(how.toString());
                    })
                    .orElse("the program does what the exercise asks");
        }

        private void hintLine(Exercise exercise) {
            if (!exercise.hints().isEmpty()) {
                context.out().println("Stuck? concur hint " + exercise.name());
            }
        }

        private void next(Exercise exercise) {
            context.out()
                    .println(exercising
                            .exercises()
                            .after(exercise)
                            .map(next -> "Next: concur exercise " + next.name())
                            .orElse("That was the last exercise. Well done."));
        }

        static String heading(Exercise exercise) {
            return Printable.of(
                    "── " + exercise.lesson() + " · exercise " + exercise.name() + " · " + exercise.title() + " ──");
        }
    }

    /** Draws the table's header with the first line, so a compile error is not shown under an empty table. */
    private static final class LazyHeader implements Consumer<OutputLine> {
        private final SideBySide view;
        private boolean drawn;

        LazyHeader(SideBySide view) {
            this.view = view;
        }

        @Override
        public void accept(OutputLine line) {
            header();
            view.live(line);
        }

        synchronized void header() {
            if (!drawn) {
                drawn = true;
                view.header();
            }
        }
    }

    /** The file's path, as an OSC 8 link a terminal can open where the screen is a terminal. */
    static String link(Path file, Screen screen) {
        String shown = Printable.of(DisplayPath.of(file));
        if (!screen.tty()) {
            return shown;
        }
        String uri = file.toAbsolutePath().toUri().toASCIIString();
        return "\u001b]8;;" + uri + "\u001b\\" + shown + "\u001b]8;;\u001b\\";
    }
}
