package concur.cli;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import concur.lesson.Exercise;
import concur.run.Printable;
import concur.workspace.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code concur solution NAME}: the reference solution beside the learner's code, once they have passed. */
final class SolutionCommand implements Callable<Integer> {
    private final Context context;
    private final CommandSpec spec;
    private final PositionalParamSpec name;
    private final OptionSpec force = Specs.flag("--force", "show it before you have passed the exercise");

    SolutionCommand(Context context) {
        this.context = context;
        this.spec = Specs.command(
                this,
                "solution",
                "Show the reference solution beside your code: after a passing verify, or with --force.",
                "Example:",
                "  concur solution lost-increments");
        this.name = Specs.exercise(context, true);
        spec.addPositional(name);
        spec.addOption(force);
    }

    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() throws IOException {
        Exercising exercising = new Exercising(context);
        Exercise exercise = exercising.pick(Optional.of((String) name.getValue()));
        if (exercising.progress().state(exercise.name()) != Progress.State.PASSED && !Specs.isSet(force)) {
            throw new ConcurException(
                    ExitCode.USAGE,
                    "you have not passed " + exercise.name() + " yet: try concur hint " + exercise.name()
                            + ", or see the solution anyway with concur solution --force " + exercise.name());
        }
        Path mine = exercising.learnersFile(exercise);
        List<String> yours = Exercising.read(mine).lines().toList();
        List<String> reference = Exercising.read(exercise.solution()).lines().toList();
        PrintWriter out = context.out();
        out.println(VerifyCommand.Check.heading(exercise));
        int half = Math.max(30, (context.screen().width() - 3) / 2);
        out.println(cell("your " + exercise.fileName(), half) + " | the reference solution");
        out.println("-".repeat(half) + "-+-" + "-".repeat(half));
        // the default normalizer escapes HTML and expands tabs for a web page; this is a terminal
        DiffRowGenerator rows = DiffRowGenerator.create()
                .showInlineDiffs(false)
                .lineNormalizer(line -> line)
                .build();
        for (DiffRow row : rows.generateDiffRows(yours, reference)) {
            char mark = switch (row.getTag()) {
                case EQUAL -> '|';
                case INSERT -> '>';
                case DELETE -> '<';
                case CHANGE -> '*';
            };
            out.println(cell(Printable.of(row.getOldLine()), half) + " " + mark + " " + Printable.of(row.getNewLine()));
        }
        out.println();
        out.println("| same   * changed   < only yours   > only the solution");
        out.flush();
        return ExitCode.OK;
    }

    private static String cell(String text, int width) {
        String flat = text.replace('\t', ' ');
        return flat.length() <= width ? flat + " ".repeat(width - flat.length()) : flat.substring(0, width - 1) + "…";
    }
}
