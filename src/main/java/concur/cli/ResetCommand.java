package concur.cli;

import concur.lesson.Exercise;
import concur.run.Printable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code concur reset NAME | --all}: back to the starting code, the learner's copy kept beside it. */
final class ResetCommand implements Callable<Integer> {
    private final Context context;
    private final CommandSpec spec;
    private final PositionalParamSpec name;
    private final OptionSpec all = Specs.flag("--all", "reset every exercise");
    private final OptionSpec yes = Specs.flag("--yes", "do not ask first");

    ResetCommand(Context context) {
        this.context = context;
        this.spec = Specs.command(
                this,
                "reset",
                "Put an exercise's starting code back in your file; your version is kept as a backup beside it.",
                "Examples:",
                "  concur reset lost-increments",
                "  concur reset --all --yes");
        this.name = Specs.exercise(context);
        spec.addPositional(name);
        spec.addOption(all);
        spec.addOption(yes);
    }

    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() throws IOException {
        Exercising exercising = new Exercising(context);
        String named = name.getValue();
        if (named == null && !Specs.isSet(all)) {
            throw new ConcurException(ExitCode.USAGE, "name the exercise to reset, or give --all");
        }
        if (named != null && Specs.isSet(all)) {
            throw new ConcurException(ExitCode.USAGE, "give an exercise's name or --all, not both");
        }
        List<Exercise> chosen = named != null
                ? List.of(exercising.pick(java.util.Optional.of(named)))
                : exercising.exercises().all();
        String what = named != null ? "exercise " + Printable.of(named) : "all " + chosen.size() + " exercises";
        if (!Specs.isSet(yes)
                && !confirm("Reset " + what + " to the starting code? Your version is kept as a backup. [y/N] ")) {
            context.out().println("Nothing was reset.");
            return ExitCode.OK;
        }
        for (Exercise exercise : chosen) {
            java.util.Optional<java.nio.file.Path> backup =
                    exercising.workspace().reset(exercise.name(), exercise.start());
            context.out()
                    .println("Reset " + exercise.name()
                            + backup.map(b -> "; your version is in " + Printable.of(b.toString()))
                                    .orElse(""));
        }
        context.out().flush();
        return ExitCode.OK;
    }

    /** A yes from the learner; no answer (end of input) is a no. */
    private boolean confirm(String question) throws IOException {
        context.out().print(question);
        context.out().flush();
        String answer = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8)).readLine();
        return answer != null
                && answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y");
    }
}
