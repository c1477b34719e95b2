package concur.cli;

import concur.lesson.Exercise;
import concur.run.Printable;
import concur.view.MarkdownRenderer;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code concur hint [NAME]}: the next hint, one more each time. */
final class HintCommand implements Callable<Integer> {
    private final Context context;
    private final CommandSpec spec;
    private final PositionalParamSpec name;

    HintCommand(Context context) {
        this.context = context;
        this.spec = Specs.command(
                this,
                "hint",
                "Show the next hint for an exercise: each time one more, from gentle to explicit.",
                "Example:",
                "  concur hint lost-increments");
        this.name = Specs.exercise(context);
        spec.addPositional(name);
    }

    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() throws IOException {
        Exercising exercising = new Exercising(context);
        Exercise exercise = exercising.pick(Optional.ofNullable((String) name.getValue()));
        if (exercise.hints().isEmpty()) {
            context.out().println("Exercise " + exercise.name() + " has no hints.");
            return ExitCode.OK;
        }
        int shown = exercising.progress().exercise(exercise.name()).hintsShown();
        int next = Math.min(shown, exercise.hints().size() - 1);
        context.out()
                .println(Printable.of(exercise.name()) + ", hint " + (next + 1) + "/"
                        + exercise.hints().size() + ":");
        MarkdownRenderer.render(exercise.hints().get(next), context.screen()).forEach(context.out()::println);
        if (shown < exercise.hints().size()) {
            exercising.record(edit -> edit.hintShown(exercise.name()));
        }
        if (next + 1 == exercise.hints().size()) {
            context.out().println();
            context.out()
                    .println("That was the last hint. The reference solution: concur solution " + exercise.name()
                            + " (after a passing verify, or with --force)");
        }
        context.out().flush();
        return ExitCode.OK;
    }
}
