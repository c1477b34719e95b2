package concur.cli;

import concur.check.Verdict;
import concur.lesson.Catalog;
import concur.lesson.DisplayPath;
import concur.lesson.Lesson;
import concur.lesson.LessonException;
import concur.lesson.LessonParser;
import concur.lesson.Step;
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

    RunCommand(Context context) {
        this.context = context;
        this.spec = Specs.command(this, "run", "Run lessons without stopping and check that every step's output matches.",
                "Examples:",
                "  concur run threads                  every step of one lesson",
                "  concur run lessons/threads.md --step 2",
                "  concur run --all                    what CI runs",
                "  concur run threads --repeat 20      is the lesson stable?");
        spec.addPositional(Specs.lessons("0..*"));
        spec.addOption(Specs.flag("--all", "run every lesson"));
        spec.addOption(Specs.option("--step", Integer.class, "N", "run only step N"));
        spec.addOption(OptionSpec.builder("--repeat").type(int.class).paramLabel("N").defaultValue("1")
                .description("run every step N times and count the passes (default: ${DEFAULT-VALUE})").build());
        spec.addOption(Specs.timeout());
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
        Lesson lesson;
        try {
            lesson = new LessonParser().parse(file);
        } catch (LessonException e) {
            tally.error(e.getMessage(), context.err());
            return;
        }
        if (step != null && (step < 1 || step > lesson.steps().size())) {
            tally.error(DisplayPath.of(file) + ": there is no step " + step + " (the lesson has "
                    + lesson.steps().size() + ")", context.err());
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
        try {
            if (repeat == 1) {
                tally.step(lesson, s, player.play(lesson, s).passed() ? 1 : 0, 1);
                return;
            }
            int passes = 0;
            Verdict firstFailure = null;
            for (int i = 0; i < repeat; i++) {
                Verdict verdict = player.check(s);
                if (verdict.passed()) {
                    passes++;
                } else if (firstFailure == null) {
                    firstFailure = verdict;
                }
            }
            out.println(passes + "/" + repeat + " passed" + (firstFailure == null ? "" : "; first failure: " + firstFailure.summary()));
            tally.step(lesson, s, passes, repeat);
        } catch (CompileException e) {
            tally.error(DisplayPath.of(s.example().orElseThrow().file()) + ": " + e.getMessage(), context.err());
        } catch (IOException e) {
            tally.error("cannot run step " + s.number() + " of " + lesson.displayFile() + ": " + e.getMessage(), context.err());
        }
    }

    /** Counts outcomes across lessons; an error outranks a mismatch in the exit status. */
    private static final class Tally {
        private final List<String> lines = new ArrayList<>();
        private int steps;
        private int passedSteps;
        private int errors;

        void step(Lesson lesson, Step s, int passes, int runs) {
            steps++;
            if (passes == runs) {
                passedSteps++;
            }
            if (runs > 1 || passes < runs) {
                lines.add(String.format("  %-12s step %d %-40s %d/%d", lesson.name(), s.number(), "\"" + s.title() + "\"", passes, runs));
            }
        }

        void error(String message, PrintWriter err) {
            errors++;
            err.println("concur: " + message);
            err.flush();
        }

        String summary() {
            StringBuilder text = new StringBuilder();
            lines.forEach(l -> text.append(l).append('\n'));
            text.append(passedSteps).append(" of ").append(steps).append(" steps matched");
            if (errors > 0) {
                text.append("; ").append(errors).append(errors == 1 ? " error" : " errors");
            }
            return text.toString();
        }

        int exitCode() {
            if (errors > 0) {
                return ExitCode.USAGE;
            }
            return passedSteps == steps ? ExitCode.OK : ExitCode.MISMATCH;
        }
    }
}
