package concur.cli;

import concur.lesson.Lesson;
import concur.lesson.Step;
import concur.run.CompileException;
import concur.run.ExampleCompiler;
import concur.run.ExampleRunner;
import concur.run.Printable;
import concur.run.RunResult;
import concur.step.StepRunner;
import concur.step.StepRunner.Played;
import concur.step.Verdict;
import concur.view.Screen;
import concur.view.SideBySide;
import concur.view.Timeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;

/** Plays a step on the screen, side by side: what {@code run} and {@code lesson} have in common. */
final class StepPlayer {
    private final Context context;
    private final StepRunner runner;

    StepPlayer(Context context, Optional<Duration> timeout) {
        this.context = context;
        ExampleCompiler compiler = new ExampleCompiler(context.settings().cache(), warning -> {
            context.err().println("concur: " + warning);
            context.err().flush();
        });
        ExampleRunner examples = new ExampleRunner();
        // Said once per command, before any step runs, so the learner knows what a step's end may leave.
        examples.containmentWarning().ifPresent(warning -> {
            context.err().println("concur: warning: " + warning);
            context.err().flush();
        });
        this.runner = new StepRunner(compiler, examples, timeout);
    }

    /** Runs the step with its output shown live, then the aligned table and the verdict. */
    Played show(Step step) throws CompileException, IOException {
        return show(step, step.demo().orElseThrow());
    }

    /** Runs {@code demo} in the step's place (the learner's copy of its example), shown as {@link #show} does. */
    Played show(Step step, concur.lesson.Demo demo) throws CompileException, IOException {
        SideBySide view = new SideBySide(context.screen(), context.out(), expected(step));
        view.header();
        Played played = runner.play(demo, view::live);
        view.finish(played.verdict(), played.run());
        return played;
    }

    /** The runner, for checks that run a program as a step would (an exercise's verify). */
    StepRunner runner() {
        return runner;
    }

    /** Runs the step without showing it (for --repeat). */
    Played quietly(Step step) throws CompileException, IOException {
        return runner.play(step, line -> {});
    }

    /** Runs {@code demo} in the step's place without showing it (a variant, for --variants). */
    Played quietly(concur.lesson.Demo demo) throws CompileException, IOException {
        return runner.play(demo, line -> {});
    }

    /** The verdict, and for a failure the aligned table, as plain text: what a JUnit report shows. */
    static String plainText(Step step, Played played) {
        Verdict verdict = played.verdict();
        if (verdict.passed()) {
            return verdict.summary();
        }
        StringWriter text = new StringWriter();
        SideBySide table = new SideBySide(Screen.plain(), new PrintWriter(text), expected(step));
        table.header();
        table.finish(verdict, played.run());
        return verdict.summary() + "\n\n" + text;
    }

    /** The timeline of a run, under a heading, for the screen in use. */
    void timeline(RunResult result) {
        context.out().println();
        context.out().println("Timeline");
        Timeline.render(result, context.screen()).forEach(context.out()::println);
        context.out().flush();
    }

    /** The names come from the lesson file: shown with their control characters made visible. */
    static String heading(Lesson lesson, Step step) {
        return Printable.of("── " + lesson.name() + " · step " + step.number() + "/"
                + lesson.steps().size() + " · " + step.title() + " ──");
    }

    private static java.util.List<String> expected(Step step) {
        return step.demo().orElseThrow().expectation().displayLines();
    }
}
