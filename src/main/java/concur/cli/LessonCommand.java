package concur.cli;

import concur.lesson.Lesson;
import concur.lesson.LessonParser;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code concur lesson}: read a step, watch its example run, go on. */
final class LessonCommand implements Callable<Integer> {
    private final Context context;
    private final CommandSpec spec;
    private final PositionalParamSpec name;
    private final PositionalParamSpec step;
    private final OptionSpec timeout = Specs.timeout();
    private final OptionSpec autorun =
            Specs.flag("--autorun", "run each step's example as soon as the step shows, instead of on Enter");

    LessonCommand(Context context) {
        this.context = context;
        this.spec = Specs.command(
                this,
                "lesson",
                "Step through a lesson: read each step, watch its example run beside the expected output, go on.",
                "Keys: " + LessonWalk.KEY_HELP,
                "",
                "Examples:",
                "  concur lesson threads",
                "  concur lesson threads 5             start at step 5");
        this.name = Specs.lessons("1", context.catalog().lazyNames());
        this.step = PositionalParamSpec.builder()
                .index("1")
                .arity("0..1")
                .type(Integer.class)
                .paramLabel("STEP")
                // Completion is one list for every lesson: the numbers up to the longest lesson's last step.
                .completionCandidates(() -> java.util.stream.IntStream.rangeClosed(
                                1,
                                context.catalog().entries().stream()
                                        .mapToInt(concur.lesson.LessonHead::steps)
                                        .max()
                                        .orElse(1))
                        .mapToObj(String::valueOf)
                        .iterator())
                .description("the step to start at (default: the first, or where you left off)")
                .build();
        spec.addPositional(name);
        spec.addPositional(step);
        spec.addOption(timeout);
        spec.addOption(autorun);
    }

    /**
     * Whether the terminal can take the full-screen view: it moves the cursor and has room. A dumb terminal
     * gets the line mode, which prints each step and reads keys as lines.
     */
    static boolean fullScreen(org.jline.terminal.Terminal terminal) {
        return !SystemTerminal.isDumb(terminal)
                && terminal.getHeight() >= 8
                && terminal.getWidth() >= concur.view.Screen.MIN_WIDTH;
    }

    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() throws Exception {
        Lesson lesson = new LessonParser().parse(context.catalog().resolve(name.getValue()));
        Optional<Integer> start = Optional.ofNullable(step.getValue());
        int size = lesson.steps().size();
        if (start.isPresent() && (start.get() < 1 || start.get() > size)) {
            throw new ConcurException(
                    ExitCode.USAGE,
                    lesson.displayFile() + ": there is no step " + start.get()
                            + (size == 0 ? "; the lesson has no steps" : "; its steps are 1 to " + size));
        }
        Optional<Duration> limit = Optional.ofNullable(timeout.getValue());
        try (Keys keys = Keys.open(context)) {
            Optional<org.jline.terminal.Terminal> terminal = keys.terminal().filter(LessonCommand::fullScreen);
            if (terminal.isPresent()) {
                new LessonScreen(context, terminal.get(), lesson, limit, Specs.isSet(autorun)).walk(start);
            } else {
                new LessonWalk(context, lesson, new StepPlayer(context, limit), keys).walk(start);
            }
        } catch (IOException e) {
            if (Errors.stopped(e)) {
                throw new ConcurException(ExitCode.INTERRUPTED, "stopped.");
            }
            throw new ConcurException(ExitCode.USAGE, "cannot read the keys from the terminal: " + e.getMessage());
        }
        return ExitCode.OK;
    }
}
