package concur.step;

import concur.lesson.Demo;
import concur.lesson.Step;
import concur.run.CompileException;
import concur.run.ExampleCompiler;
import concur.run.ExampleRunner;
import concur.run.OutputLine;
import concur.run.RunResult;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/** Plays one step: compiles and runs its example, then judges the output against its expectation. */
public final class StepRunner {
    private final ExampleCompiler compiler;
    private final ExampleRunner runner;
    private final Optional<Duration> timeoutOverride;

    /**
     * @param timeoutOverride the learner's {@code --timeout}, which beats the lesson's own limit
     */
    public StepRunner(ExampleCompiler compiler, ExampleRunner runner, Optional<Duration> timeoutOverride) {
        this.compiler = compiler;
        this.runner = runner;
        this.timeoutOverride = timeoutOverride;
    }

    /**
     * What one run of a step produced.
     *
     * @param verdict how it went
     * @param run     what the example printed, for the views
     */
    public record Played(Verdict verdict, RunResult run) {}

    /** Runs a runnable step; {@code live} sees each output line as it arrives. */
    public Played play(Step step, Consumer<OutputLine> live) throws CompileException, IOException {
        return play(
                step.demo()
                        .orElseThrow(() -> new IllegalArgumentException("step " + step.number() + " has no example")),
                live);
    }

    /** Runs a demo: a step's, or an exercise's program as a step would run it. */
    public Played play(Demo demo, Consumer<OutputLine> live) throws CompileException, IOException {
        RunResult run = runner.run(compiler.compile(demo.example()), demo.runSpec(timeoutOverride), live);
        return new Played(Verdict.of(demo.expectation(), run, Load.now()), run);
    }
}
