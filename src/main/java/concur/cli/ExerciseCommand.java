package concur.cli;

import concur.lesson.Exercise;
import concur.run.Printable;
import concur.view.MarkdownRenderer;
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

/** {@code concur exercise [NAME]}: the task, and the file the learner fixes. */
final class ExerciseCommand implements Callable<Integer> {
    private final Context context;
    private final CommandSpec spec;
    private final PositionalParamSpec name;
    private final OptionSpec edit = Specs.flag("--edit", "open your file in $VISUAL or $EDITOR");

    ExerciseCommand(Context context) {
        this.context = context;
        this.spec = Specs.command(
                this,
                "exercise",
                "Show an exercise's task and the file you fix (a copy in your workspace; the lesson's own is"
                        + " never changed).",
                "Examples:",
                "  concur exercise                  the first exercise you have not passed",
                "  concur exercise lost-increments --edit");
        this.name = Specs.exercise(context);
        spec.addPositional(name);
        spec.addOption(edit);
    }

    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Exercising exercising = new Exercising(context);
        Exercise exercise = exercising.pick(Optional.ofNullable((String) name.getValue()));
        Path file = exercising.learnersFile(exercise);
        PrintWriter out = context.out();
        out.println(VerifyCommand.Check.heading(exercise));
        out.println();
        MarkdownRenderer.render(exercise.task(), context.screen()).forEach(out::println);
        out.println();
        out.println("Your file:  " + VerifyCommand.link(file, context.screen()));
        out.println("Check it:   concur verify " + exercise.name()
                + (exercise.check() == Exercise.Check.EXPLORE ? "   (runs it, then explores thread schedules)" : ""));
        out.println("Keep going: concur watch " + exercise.name() + "   (checks again on every save)");
        if (!exercise.hints().isEmpty()) {
            out.println("A hint:     concur hint " + exercise.name() + "   ("
                    + exercise.hints().size() + " in all)");
        }
        out.flush();
        if (Specs.isSet(edit)) {
            return openEditor(context, file);
        }
        return ExitCode.OK;
    }

    /** Runs the learner's editor on the file, on this terminal, and waits for it. */
    static int openEditor(Context context, Path file) throws IOException, InterruptedException {
        String editor = context.settings().editor();
        if (editor.isBlank()) {
            throw new ConcurException(
                    ExitCode.USAGE,
                    "no editor: set VISUAL or EDITOR (e.g. export EDITOR=nano), or open " + file + " yourself");
        }
        List<String> command = new ArrayList<>(List.of(editor.split("\\s+")));
        command.add(file.toString());
        Process process;
        try {
            process = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            throw new ConcurException(
                    ExitCode.USAGE, "cannot start the editor '" + Printable.of(editor) + "': " + e.getMessage());
        }
        int status = process.waitFor();
        if (status != 0) {
            context.err().println("concur: the editor exited with status " + status);
        }
        return ExitCode.OK;
    }
}
