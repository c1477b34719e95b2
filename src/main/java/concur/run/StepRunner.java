package concur.run;

import concur.lesson.Example;
import concur.lesson.Step;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/** Compiles and runs one step's example: the part of a step every command shares. */
public final class StepRunner {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

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

    public RunResult run(Step step, Consumer<OutputLine> live) throws CompileException, IOException {
        Example example = step.example().orElseThrow(() -> new IllegalArgumentException("step " + step.number() + " has no example"));
        CompiledExample compiled = compiler.compile(example);
        Duration timeout = timeoutOverride.or(step::timeout).orElse(DEFAULT_TIMEOUT);
        return runner.run(compiled, new RunSpec(timeout, step.javaOptions(), step.args()), live);
    }
}
