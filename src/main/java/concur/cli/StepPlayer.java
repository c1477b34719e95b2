package concur.cli;

import concur.check.Verdict;
import concur.lesson.Lesson;
import concur.lesson.Step;
import concur.run.CompileException;
import concur.run.ExampleCompiler;
import concur.run.ExampleRunner;
import concur.run.OutputLine;
import concur.run.RunResult;
import concur.run.StepRunner;
import concur.view.Screen;
import concur.view.SideBySide;
import concur.view.Timeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/** Runs a step and shows it side by side: what `run` and `lesson` have in common. */
final class StepPlayer {
    private final Context context;
    private final StepRunner runner;

    StepPlayer(Context context, Optional<Duration> timeout) {
        this.context = context;
        this.runner = new StepRunner(ExampleCompiler.withDefaultCache(), new ExampleRunner(), timeout);
    }

    /**
     * One run of a step.
     *
     * @param verdict how it went
     * @param run     what the example printed, for the timeline
     * @param table   the aligned table and verdict as plain text, for reports
     */
    record Played(Verdict verdict, RunResult run, String table) {}

    /** Runs the step with its output shown live, then the aligned table and the verdict. */
    Played play(Step step) throws CompileException, IOException {
        var expectation = step.expectation().orElseThrow();
        SideBySide view = new SideBySide(context.screen(), context.out(), expectation.displayLines());
        view.header();
        RunResult result = runner.run(step, view::live);
        Verdict verdict = Verdict.of(expectation, result, ExampleRunner.DEFAULT_LINE_LIMIT);
        view.finish(verdict, result);
        return new Played(verdict, result, plainTable(step, verdict, result));
    }

    /** Runs the step without showing it (for --repeat). */
    Played check(Step step) throws CompileException, IOException {
        Consumer<OutputLine> ignore = line -> {};
        RunResult result = runner.run(step, ignore);
        Verdict verdict = Verdict.of(step.expectation().orElseThrow(), result, ExampleRunner.DEFAULT_LINE_LIMIT);
        return new Played(verdict, result, plainTable(step, verdict, result));
    }

    private static String plainTable(Step step, Verdict verdict, RunResult result) {
        if (verdict.passed()) {
            return verdict.summary();
        }
        StringWriter text = new StringWriter();
        SideBySide table = new SideBySide(Screen.plain(), new PrintWriter(text), step.expectation().orElseThrow().displayLines());
        table.header();
        table.finish(verdict, result);
        return verdict.summary() + "\n\n" + text;
    }

    /** The timeline of a run, under a heading, for the screen in use. */
    void timeline(RunResult result) {
        context.out().println();
        context.out().println("Timeline");
        Timeline.render(result, context.screen()).forEach(context.out()::println);
        context.out().flush();
    }

    static String heading(Lesson lesson, Step step) {
        return "── " + lesson.name() + " · step " + step.number() + "/" + lesson.steps().size() + " · " + step.title() + " ──";
    }
}
