package concur.cli;

import static org.assertj.core.api.Assertions.assertThat;

import concur.run.ProcessTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Ctrl-C in `concur run` stops concur and takes the example and everything it started with it. */
class InterruptTest {
    private static final Path PIDS = Path.of("target/hangs.pids");

    @Test
    void ctrlCLeavesNoProcessOfTheExampleBehind() throws Exception {
        Files.deleteIfExists(PIDS);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process concur = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dconcur.cache=" + System.getProperty("concur.cache", "target/example-cache"),
                "concur.cli.Main", "run", "src/test/resources/fixtures/hangs.md")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(PIDS) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(PIDS).as("the example started and wrote its process ids").exists();
            List<Long> pids = Arrays.stream(Files.readString(PIDS).split(" ")).map(Long::parseLong).toList();

            new ProcessBuilder("kill", "-INT", Long.toString(concur.pid())).start().waitFor();

            assertThat(concur.waitFor(20, TimeUnit.SECONDS)).as("concur stops on Ctrl-C").isTrue();
            for (long pid : pids) {
                assertThat(ProcessTree.running(pid)).as("process " + pid + " is gone").isFalse();
            }
        } finally {
            concur.destroyForcibly();
            Files.deleteIfExists(PIDS);
        }
    }
}
