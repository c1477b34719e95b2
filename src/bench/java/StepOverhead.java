import concur.run.CompiledExample;
import concur.run.Example;
import concur.run.ExampleCompiler;
import concur.run.ExampleRunner;
import concur.run.RunSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One step's overhead (compile from the cache, child JVM, harness, collecting the output) against the
 * JDK's source launcher, {@code java Example.java}, on the same file. The example does no work of its
 * own, so everything measured is overhead. Medians over N runs, after one warm-up of each.
 */
public final class StepOverhead {
    private static final String SOURCE = """
            public class Example {
                public static void main(String[] args) {
                    Thread worker = Thread.ofPlatform().name("worker").start(() -> System.out.println("hello from worker"));
                    try { worker.join(); } catch (InterruptedException e) { throw new RuntimeException(e); }
                    System.out.println("done");
                }
            }
            """;

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path dir = Files.createTempDirectory("concur-bench");
        Path file = dir.resolve("Example.java");
        Files.writeString(file, SOURCE);
        Example example = new Example("Example", SOURCE, file, 1);
        ExampleCompiler compiler = new ExampleCompiler(dir.resolve("cache"));
        ExampleRunner runner = new ExampleRunner();
        RunSpec spec = new RunSpec(Duration.ofSeconds(30), List.of(), List.of());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        long firstCompile = time(() -> compiler.compile(example));
        List<Long> step = new ArrayList<>();
        List<Long> launcher = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            long s = time(() -> {
                CompiledExample compiled = compiler.compile(example);
                if (!compiled.cached()) {
                    throw new IllegalStateException("expected a cache hit");
                }
                runner.run(compiled, spec, line -> {});
            });
            long l = time(() -> new ProcessBuilder(java, file.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor());
            if (i > 0) { // the first round warms up both
                step.add(s);
                launcher.add(l);
            }
        }
        System.out.printf("JDK %s, %d runs each%n", Runtime.version(), runs);
        System.out.printf("first in-process compile (cold javac):  %4d ms%n", firstCompile);
        System.out.printf("concur step (cached compile + child JVM + harness): median %4d ms%n", median(step));
        System.out.printf("java Example.java (source launcher):               median %4d ms%n", median(launcher));
        System.out.printf("ratio: %.2f (target: at most 0.25)%n", median(step) / (double) median(launcher));
    }

    interface Action {
        void run() throws Exception;
    }

    private static long time(Action action) throws Exception {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
