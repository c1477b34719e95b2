package concur.cli;

import concur.lesson.Catalog;
import concur.lesson.DisplayPath;
import concur.lesson.Lesson;
import concur.lesson.LessonException;
import concur.lesson.LessonParser;
import concur.lesson.Step;
import concur.report.JUnitReport;
import concur.report.StepOutcome;
import concur.run.CompileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/** {@code concur run}: every step without stopping, checked; what CI runs. */
final class RunCommand implements Callable<Integer> {
    private final Context context;
    private final CommandSpec spec;
    private List<String> lessons;
    private boolean all;
    private Integer step;
    private int repeat;
    private Duration timeout;
    private Path report;
    private boolean timeline;

    RunCommand(Context context) {
        this.context = context;
        this.spec = Specs.command(this, "run", "Run lessons without stopping and check that every step's output matches.",
                "Examples:",
                "  concur run threads                  every step of one lesson",
                "  concur run lessons/threads.md --step 2 --timeline",
                "  concur run --all                    what CI runs",
                "  concur run --all --report target/concur.xml",
                "  concur run threads --repeat 20      is the lesson stable?");
        spec.addPositional(Specs.lessons("0..*", context.catalog().lazyNames()));
        spec.addOption(Specs.flag("--all", "run every lesson"));
        spec.addOption(Specs.option("--step", Integer.class, "N", "run only step N"));
        spec.addOption(OptionSpec.builder("--repeat").type(int.class).paramLabel("N").defaultValue("1")
                .description("run every step N times and count the passes (default: ${DEFAULT-VALUE})").build());
        spec.addOption(Specs.timeout());
        spec.addOption(Specs.flag("--timeline", "after each step, draw what each thread printed when (one row per thread)"));
        spec.addOption(Specs.option("--report", Path.class, "FILE.xml",
                "also write the results as JUnit XML, which CI systems display: one test case per step"));
        Specs.exitCodes(spec);
    }

    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() {
        String[] named = spec.positionalParameters().get(0).getValue();
        lessons = named == null ? List.of() : List.of(named);
        all = Specs.value(spec, "--all", false);
        step = Specs.value(spec, "--step", null);
        repeat = Specs.value(spec, "--repeat", 1);
        timeout = Specs.value(spec, "--timeout", null);
        report = Specs.value(spec, "--report", null);
        timeline = Specs.value(spec, "--timeline", false);
        if (all == !lessons.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "name a lesson, a lesson file, or --all");
        }
        if (repeat < 1) {
            throw new ParameterException(spec.commandLine(), "--repeat takes a number from 1 up");
        }
        StepPlayer player = new StepPlayer(context, Optional.ofNullable(timeout));
        Tally tally = new Tally();
        for (Path file : files()) {
            runLesson(file, player, tally);
        }
        PrintWriter out = context.out();
        out.println();
        out.println(tally.summary());
        out.flush();
        if (report != null) {
            try {
                JUnitReport.write(report, tally.outcomes());
            } catch (IOException e) {
                throw new ConcurException(ExitCode.USAGE, "cannot write the report " + report + ": " + e.getMessage());
            }
        }
        return tally.exitCode();
    }

    private List<Path> files() {
        Catalog catalog = context.catalog();
        if (all) {
            return catalog.entries().stream().map(Catalog.Entry::file).toList();
        }
        List<Path> files = new ArrayList<>();
        for (String lesson : lessons) {
            try {
                files.add(catalog.resolve(lesson));
            } catch (LessonException e) {
                throw new ConcurException(ExitCode.USAGE, e.getMessage());
            }
        }
        return files;
    }

    private void runLesson(Path file, StepPlayer player, Tally tally) {
        String name = file.getFileName().toString().replaceFirst("\\.md$", "");
        Lesson lesson;
        try {
            lesson = new LessonParser().parse(file);
        } catch (LessonException e) {
            tally.error(StepOutcome.error(name, DisplayPath.of(file), e.getMessage()), context.err());
            return;
        }
        if (step != null && (step < 1 || step > lesson.steps().size())) {
            tally.error(StepOutcome.error(name, DisplayPath.of(file), DisplayPath.of(file) + ": there is no step " + step
                    + " (the lesson has " + lesson.steps().size() + ")"), context.err());
            return;
        }
        context.out().println("# " + lesson.title() + " (" + lesson.displayFile() + ")");
        for (Step s : lesson.steps()) {
            if (s.runnable() && (step == null || step == s.number())) {
                runStep(lesson, s, player, tally);
            }
        }
    }

    private void runStep(Lesson lesson, Step s, StepPlayer player, Tally tally) {
        PrintWriter out = context.out();
        out.println();
        out.println(StepPlayer.heading(lesson, s));
        out.flush();
        String name = "step " + s.number() + ": " + s.title();
        long start = System.nanoTime();
        try {
            int passes = 0;
            String firstFailure = null;
            for (int i = 0; i < repeat; i++) {
                StepPlayer.Played played = repeat == 1 ? player.play(s) : player.check(s);
                if (repeat == 1 && timeline) {
                    player.timeline(played.run());
                }
                if (played.verdict().passed()) {
                    passes++;
                } else if (firstFailure == null) {
                    firstFailure = played.table();
                }
            }
            if (repeat > 1) {
                out.println(passes + "/" + repeat + " passed"
                        + (firstFailure == null ? "" : "; first failure: " + firstFailure.lines().findFirst().orElse("")));
            }
            tally.step(new StepOutcome(lesson.name(), name, repeat, passes, Duration.ofNanos(System.nanoTime() - start),
                    Optional.ofNullable(firstFailure), Optional.empty()));
        } catch (CompileException e) {
            String message = DisplayPath.of(s.example().orElseThrow().file()) + ": " + e.getMessage();
            tally.error(StepOutcome.error(lesson.name(), name, message), context.err());
        } catch (IOException e) {
            String message = "cannot run step " + s.number() + " of " + lesson.displayFile() + ": " + e.getMessage();
            tally.error(StepOutcome.error(lesson.name(), name, message), context.err());
        }
    }

    /** Every step's outcome; an error outranks a mismatch in the exit status. */
    private static final class Tally {
        private final List<StepOutcome> outcomes = new ArrayList<>();

        void step(StepOutcome outcome) {
            outcomes.add(outcome);
        }

        void error(StepOutcome outcome, PrintWriter err) {
            outcomes.add(outcome);
            err.println("concur: " + outcome.error().orElseThrow());
            err.flush();
        }

        List<StepOutcome> outcomes() {
            return List.copyOf(outcomes);
        }

        String summary() {
            StringBuilder text = new StringBuilder();
            int steps = 0;
            int passed = 0;
            int errors = 0;
            for (StepOutcome o : outcomes) {
                if (o.error().isPresent()) {
                    errors++;
                    continue;
                }
                steps++;
                passed += o.passed() ? 1 : 0;
                if (o.runs() > 1 || !o.passed()) {
                    text.append(String.format("  %-12s %-48s %d/%d%n", o.lesson(), o.name(), o.passes(), o.runs()));
                }
            }
            text.append(passed).append(" of ").append(steps).append(" steps matched");
            if (errors > 0) {
                text.append("; ").append(errors).append(errors == 1 ? " error" : " errors");
            }
            return text.toString();
        }

        int exitCode() {
            if (outcomes.stream().anyMatch(o -> o.error().isPresent())) {
                return ExitCode.USAGE;
            }
            return outcomes.stream().allMatch(StepOutcome::passed) ? ExitCode.OK : ExitCode.MISMATCH;
        }
    }
}
