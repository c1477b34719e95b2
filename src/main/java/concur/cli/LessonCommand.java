package concur.cli;

import concur.lesson.Lesson;
import concur.lesson.LessonException;
import concur.lesson.LessonParser;
import concur.lesson.Step;
import concur.run.CompileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code concur lesson}: read a step, watch its example run, go on. */
final class LessonCommand implements Callable<Integer> {
    private static final String KEYS = "[Enter] next   [r] run again   [h] hint   [q] quit";

    private final Context context;
    private final CommandSpec spec;

    LessonCommand(Context context) {
        this.context = context;
        this.spec = Specs.command(this, "lesson",
                "Step through a lesson: read each step, watch its example run beside the expected output, go on.",
                "Keys: Enter next step · r run again · h next hint · q quit", "", "Example:", "  concur lesson threads");
        spec.addPositional(Specs.lessons("1", context.catalog().lazyNames()));
        spec.addOption(Specs.timeout());
    }

    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() throws IOException {
        String name = spec.positionalParameters().get(0).getValue();
        Duration timeout = Specs.value(spec, "--timeout", null);
        Lesson lesson;
        try {
            lesson = new LessonParser().parse(context.catalog().resolve(name));
        } catch (LessonException e) {
            throw new ConcurException(ExitCode.USAGE, e.getMessage());
        }
        PrintWriter out = context.out();
        out.println("# " + lesson.title());
        out.println();
        out.println(lesson.intro());
        StepPlayer player = new StepPlayer(context, Optional.ofNullable(timeout));
        try (Keys keys = Keys.open(context)) {
            for (Step step : lesson.steps()) {
                if (!stepThrough(lesson, step, player, keys)) {
                    return ExitCode.OK;
                }
            }
        }
        out.println();
        out.println("End of " + lesson.name() + ". Well done.");
        out.flush();
        return ExitCode.OK;
    }

    /** Shows one step and waits for the learner; false when they quit. */
    private boolean stepThrough(Lesson lesson, Step step, StepPlayer player, Keys keys) throws IOException {
        PrintWriter out = context.out();
        out.println();
        out.println(StepPlayer.heading(lesson, step));
        out.println();
        out.println(step.text());
        out.println();
        boolean run = step.runnable();
        int hintsShown = 0;
        while (true) {
            if (run) {
                play(lesson, step, player);
                run = false;
            }
            out.println(KEYS);
            out.flush();
            char key = keys.next();
            switch (key) {
                case Keys.NEXT -> {
                    return true;
                }
                case Keys.QUIT -> {
                    return false;
                }
                case 'r' -> run = step.runnable();
                case 'h' -> {
                    if (hintsShown < step.hints().size()) {
                        out.println("Hint " + (hintsShown + 1) + "/" + step.hints().size() + ": " + step.hints().get(hintsShown));
                        hintsShown++;
                    } else {
                        out.println(step.hints().isEmpty() ? "This step has no hints." : "No more hints.");
                    }
                }
                default -> out.println("Unknown key '" + key + "'.");
            }
        }
    }

    private void play(Lesson lesson, Step step, StepPlayer player) throws IOException {
        try {
            player.play(step);
        } catch (CompileException e) {
            context.err().println("concur: " + e.getMessage());
            context.err().flush();
        }
    }
}
