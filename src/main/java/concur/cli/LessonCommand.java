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
    private final OptionSpec timeout = Specs.timeout();

    LessonCommand(Context context) {
        this.context = context;
        this.spec = Specs.command(
                this,
                "lesson",
                "Step through a lesson: read each step, watch its example run beside the expected output, go on.",
                "Keys: " + LessonWalk.KEY_HELP,
                "",
                "Example:",
                "  concur lesson threads");
        this.name = Specs.lessons("1", context.catalog().lazyNames());
        spec.addPositional(name);
        spec.addOption(timeout);
    }

    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() throws Exception {
        Lesson lesson = new LessonParser().parse(context.catalog().resolve(name.getValue()));
        Optional<Duration> limit = Optional.ofNullable(timeout.getValue());
        try (Keys keys = Keys.open(context)) {
            new LessonWalk(context, lesson, new StepPlayer(context, limit), keys).walk();
        } catch (IOException e) {
            throw new ConcurException(ExitCode.USAGE, "cannot read the keys from the terminal: " + e.getMessage());
        }
        return ExitCode.OK;
    }
}
