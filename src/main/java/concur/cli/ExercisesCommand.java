package concur.cli;

import concur.exercise.Verification;
import concur.exercise.Verifier;
import concur.explore.Exploration;
import concur.lesson.Exercise;
import concur.run.CompileException;
import concur.run.Printable;
import concur.workspace.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code concur exercises}: the exercises and how far the learner got; {@code concur exercises check}: proof
 * for CI that every check has teeth (each starting program fails it, each reference solution passes it).
 */
final class ExercisesCommand implements Callable<Integer> {
    private final Context context;
    private final CommandSpec spec;
    private final PositionalParamSpec action = PositionalParamSpec.builder()
            .arity("0..1")
            .type(String.class)
            .paramLabel("check")
            .description("check that every exercise's starting code fails its check and its solution passes")
            .build();
    private final OptionSpec repeat =
            Specs.option("--repeat", Integer.class, "N", "with check: check each one N times (default: 1)");

    ExercisesCommand(Context context) {
        this.context = context;
        this.spec = Specs.command(
                this,
                "exercises",
                "List the exercises and your progress; with 'check', prove every exercise's check has teeth.",
                "Examples:",
                "  concur exercises",
                "  concur exercises check");
        spec.addPositional(action);
        spec.addOption(repeat);
    }

    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() throws IOException {
        Exercising exercising = new Exercising(context);
        String what = action.getValue();
        if (what == null) {
            return list(exercising);
        }
        if (!what.equals("check")) {
            throw new ConcurException(
                    ExitCode.USAGE, "unknown action '" + Printable.of(what) + "'; the one there is: check");
        }
        Integer times = repeat.getValue();
        if (times != null && (times < 1 || times > 1000)) {
            throw new ConcurException(ExitCode.USAGE, "--repeat=" + times + " is not from 1 to 1,000");
        }
        return check(exercising, times == null ? 1 : times);
    }

    private int list(Exercising exercising) throws IOException {
        List<Exercise> all = exercising.exercises().all();
        if (all.isEmpty()) {
            throw new ConcurException(ExitCode.USAGE, "the lessons have no exercises");
        }
        Progress progress = exercising.progress();
        int width = all.stream().mapToInt(e -> e.name().length()).max().orElse(0);
        String lesson = "";
        for (Exercise exercise : all) {
            if (!exercise.lesson().equals(lesson)) {
                lesson = exercise.lesson();
                context.out().println(Printable.of(lesson));
            }
            String state = switch (progress.state(exercise.name())) {
                case PASSED -> "passed";
                case TRIED -> "tried";
                case NOT_STARTED -> "";
            };
            context.out()
                    .println("  " + Printable.of(exercise.name())
                            + " ".repeat(width - exercise.name().length() + 2) + String.format("%-7s", state) + "  "
                            + Printable.of(exercise.title()));
        }
        context.out().flush();
        return ExitCode.OK;
    }

    private int check(Exercising exercising, int times) throws IOException {
        PrintWriter out = context.out();
        Verifier verifier = exercising.verifier(new StepPlayer(context, Optional.empty()));
        List<String> wrong = new ArrayList<>();
        List<Exercise> all = exercising.exercises().all();
        for (Exercise exercise : all) {
            for (int round = 1; round <= times; round++) {
                Outcome start = explored(verifier, exercise, outcome(verifier, exercise, exercise.start()));
                Outcome solution = outcome(verifier, exercise, exercise.solution());
                boolean startFails = start.kind() == Kind.FAILS;
                boolean solutionPasses = solution.kind() == Kind.PASSES;
                out.println(Printable.of(exercise.name()) + (times > 1 ? " #" + round : "") + ": start "
                        + (startFails ? "fails" : start.kind().wrong()) + " (" + Printable.of(start.text())
                        + "); solution "
                        + (solutionPasses ? "passes" : solution.kind().wrong()) + " ("
                        + Printable.of(solution.text()) + ")");
                out.flush();
                if (!startFails) {
                    wrong.add(exercise.name() + ": its starting code "
                            + start.kind().wrong() + ": " + start.text());
                }
                if (!solutionPasses) {
                    wrong.add(exercise.name() + ": its reference solution "
                            + solution.kind().wrong() + ": " + solution.text());
                }
            }
        }
        out.println();
        out.println("Checked " + Exercising.plural(all.size(), "exercise", "exercises")
                + (times > 1 ? ", " + times + " times each" : "") + ": "
                + (wrong.isEmpty()
                        ? "every starting code fails its check and every solution passes."
                        : wrong.size() + " wrong:"));
        wrong.forEach(line -> out.println("  " + Printable.of(line)));
        out.flush();
        return wrong.isEmpty() && exercising.exercises().problems().isEmpty() ? ExitCode.OK : ExitCode.MISMATCH;
    }

    /** How one verify went: only a check that ran can pass or fail; one that could not run is neither. */
    private enum Kind {
        PASSES("PASSES (wrong)"),
        FAILS("FAILS (wrong)"),
        NOT_CHECKED("could not be checked");

        private final String wrong;

        Kind(String wrong) {
            this.wrong = wrong;
        }

        String wrong() {
            return wrong;
        }
    }

    private record Outcome(Kind kind, String text) {}

    private static Outcome outcome(Verifier verifier, Exercise exercise, Path file) throws IOException {
        Verification verification;
        try {
            verification = verifier.verify(exercise, file, Exercising.read(file), Optional.empty(), line -> {});
        } catch (CompileException e) {
            return new Outcome(Kind.NOT_CHECKED, "does not compile: " + e.describe(Path::toString));
        }
        return switch (verification) {
            case Verification.Passed passed ->
                new Outcome(
                        Kind.PASSES, passed.how().map(ExercisesCommand::brief).orElse("its run matched"));
            case Verification.RunFailed failed ->
                new Outcome(
                        Kind.FAILS,
                        "its run did not match: " + failed.run().verdict().summary());
            case Verification.InterleavingFailed failed -> new Outcome(Kind.FAILS, brief(failed.failure()));
            case Verification.NotChecked notChecked -> new Outcome(Kind.NOT_CHECKED, notChecked.reason());
        };
    }

    /**
     * A race's starting code must be caught by exploring, not only by a run that failed by luck: where the
     * run already failed, the schedules are explored too, and it is that which counts.
     */
    private static Outcome explored(Verifier verifier, Exercise exercise, Outcome run) throws IOException {
        if (exercise.check() != Exercise.Check.EXPLORE
                || run.kind() != Kind.FAILS
                || run.text().startsWith("schedule")) {
            return run;
        }
        try {
            Exploration exploration = verifier.explore(exercise, exercise.start(), Exercising.read(exercise.start()));
            return exploration instanceof Exploration.Failure
                    ? new Outcome(Kind.FAILS, brief(exploration) + " (its one run had failed too)")
                    : new Outcome(
                            Kind.PASSES,
                            "only its one run failed, by luck; exploring found nothing: " + brief(exploration));
        } catch (CompileException e) {
            return new Outcome(Kind.NOT_CHECKED, "does not compile: " + e.describe(Path::toString));
        }
    }

    private static String brief(Exploration exploration) {
        return switch (exploration) {
            case Exploration.NoFailure none -> "no failing interleaving in " + none.schedules() + " schedules";
            case Exploration.Stressed stressed -> "stress, " + stressed.runs() + " runs";
            case Exploration.Failure failure -> "schedule " + failure.schedule() + " breaks it: " + failure.error();
            case Exploration.StressFailure failure -> "run " + failure.run() + " breaks it: " + failure.error();
            default -> exploration.toString();
        };
    }
}
