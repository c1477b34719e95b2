package concur.cli;

import concur.lesson.Catalog;
import concur.lesson.DisplayPath;
import concur.lesson.LessonException;
import concur.report.JUnitReport;
import concur.report.Tally;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/** {@code concur run}: every step without stopping, checked; what CI runs. */
final class RunCommand implements Callable<Integer> {
    private final Context context;
    private final CommandSpec spec;
    private final PositionalParamSpec lessons;
    private final OptionSpec all = Specs.flag("--all", "run every lesson");
    private final OptionSpec step = Specs.option("--step", Integer.class, "N", "run only step N");
    private final OptionSpec repeat = OptionSpec.builder("--repeat")
            .type(int.class)
            .paramLabel("N")
            .defaultValue("1")
            .description("run every step N times and count the passes (default: ${DEFAULT-VALUE})")
            .build();
    private final OptionSpec timeout = Specs.timeout();
    private final OptionSpec timeline =
            Specs.flag("--timeline", "after each step, draw what each thread printed when (one row per thread)");
    private final OptionSpec variants = Specs.flag(
            "--variants",
            "run each step's variants (its example with the point taken away) instead: each must FAIL, every time");
    private final OptionSpec report = Specs.pathOption(
            "--report",
            "FILE.xml",
            "also write the results as JUnit XML, which CI systems display: one test case per step");

    RunCommand(Context context) {
        this.context = context;
        this.spec = Specs.command(
                this,
                "run",
                "Run lessons without stopping and check that every step's output matches.",
                "Examples:",
                "  concur run threads                  every step of one lesson",
                "  concur run lessons/threads.md --step 2 --timeline",
                "  concur run --all                    what CI runs",
                "  concur run --all --report target/concur.xml",
                "  concur run threads --repeat 20      is the lesson stable?",
                "  concur run --all --variants         does every step's check fail without its point?");
        this.lessons = Specs.lessons("0..*", context.catalog().lazyNames());
        spec.addPositional(lessons);
        List.of(all, step, repeat, timeout, timeline, variants, report).forEach(spec::addOption);
        Specs.exitCodes(spec);
    }

    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() throws IOException, LessonException {
        String[] named = lessons.getValue();
        boolean everyLesson = Specs.isSet(all);
        int times = repeat.getValue();
        if (everyLesson == (named != null && named.length > 0)) {
            throw new ParameterException(spec.commandLine(), "name a lesson, a lesson file, or --all");
        }
        if (times < 1) {
            throw new ParameterException(spec.commandLine(), "--repeat takes a number from 1 up");
        }
        LessonRun run = new LessonRun(
                context,
                new StepPlayer(context, Optional.ofNullable(timeout.getValue())),
                Optional.ofNullable(step.getValue()),
                times,
                Specs.isSet(timeline),
                Specs.isSet(variants));
        // In the shell, Ctrl-C interrupts this thread already, and keys typed are kept out of the tables;
        // alone, Ctrl-C would end the JVM mid-step, with nothing said.
        try (Keys.Running stop = context.terminal().isPresent()
                ? new Keys.TerminalKeys(context.terminal().get(), false).whileRunning()
                : Keys.ctrlCInterrupts()) {
            return run(run, everyLesson, named);
        }
    }

    private int run(LessonRun run, boolean everyLesson, String[] named) throws LessonException {
        Tally tally = new Tally();
        if (everyLesson) {
            // A lesson that cannot be read is an error of its own; every other lesson still runs.
            Catalog.Listing listing = context.catalog().list();
            if (listing.lessons().isEmpty() && listing.problems().isEmpty()) {
                throw new ConcurException(
                        ExitCode.USAGE,
                        "no lessons in " + DisplayPath.of(context.catalog().folder()));
            }
            listing.problems().forEach(problem -> tally.add(run.unreadable(problem)));
            listing.lessons().forEach(lesson -> run.lesson(lesson.file()).forEach(tally::add));
        } else {
            for (Path file : files(named)) {
                run.lesson(file).forEach(tally::add);
            }
        }
        context.out().println();
        context.out().println(tally.summary());
        context.out().flush();
        Path xml = report.getValue();
        if (xml != null) {
            try {
                JUnitReport.write(xml, tally.outcomes());
            } catch (IOException e) {
                throw new ConcurException(ExitCode.USAGE, "cannot write the report " + xml + ": " + e.getMessage());
            }
        }
        return tally.anyErrored() ? ExitCode.USAGE : tally.allPassed() ? ExitCode.OK : ExitCode.MISMATCH;
    }

    private List<Path> files(String[] named) throws LessonException {
        Catalog catalog = context.catalog();
        List<Path> files = new ArrayList<>();
        for (String lesson : named) {
            files.add(catalog.resolve(lesson));
        }
        return files;
    }
}
