package concur.cli;

import static org.assertj.core.api.Assertions.assertThat;

import concur.run.ProcessTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C in `concur run` stops concur and takes the example and everything it started with it. */
class InterruptTest {
    /** Absolute: the example runs in a scratch folder of its own. */
    private static final Path PIDS = Path.of("target/hangs.pids").toAbsolutePath();

    /** concur's temporary folder, where the example's scratch folder is made. */
    @TempDir
    Path tmp;

    @Test
    void ctrlCSaysStoppedExits130AndRunsNoFurtherStep() throws Exception {
        Files.deleteIfExists(PIDS);
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process concur = concur("src/test/resources/fixtures/hangs-then-counts.md")
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            awaitPids();

            new ProcessBuilder("kill", "-INT", Long.toString(concur.pid()))
                    .start()
                    .waitFor();

            assertThat(concur.waitFor(20, TimeUnit.SECONDS))
                    .as("concur stops on Ctrl-C")
                    .isTrue();
            assertThat(concur.exitValue()).isEqualTo(130);
            assertThat(Files.readString(err)).isEqualTo("concur: stopped.\n");
            assertThat(Files.readString(out))
                    .contains("STOP  stopped before it finished")
                    .doesNotContain("FAIL")
                    .doesNotContain("step 2/2")
                    .doesNotContain("steps matched");
        } finally {
            concur.destroyForcibly();
            Files.deleteIfExists(PIDS);
        }
    }

    /** {@code concur run LESSON} in a JVM of its own, the hangs example told where to write its process ids. */
    private ProcessBuilder concur(String lesson) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                java,
                "--enable-native-access=ALL-UNNAMED", // as the launcher does
                "-cp",
                System.getProperty("java.class.path"),
                "-Dconcur.cache=" + System.getProperty("concur.cache", "target/example-cache"),
                "-Djava.io.tmpdir=" + tmp,
                "concur.cli.Main",
                "run",
                lesson);
        builder.environment().put("HANGS_PIDS", PIDS.toString()); // the example inherits concur's environment
        return builder;
    }

    private static void awaitPids() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(PIDS) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(PIDS).as("the example started and wrote its process ids").exists();
    }

    @Test
    void ctrlCLeavesNoProcessOfTheExampleBehindAndNoScratchFolder() throws Exception {
        Files.deleteIfExists(PIDS);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "--enable-native-access=ALL-UNNAMED", // as the launcher does
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dconcur.cache=" + System.getProperty("concur.cache", "target/example-cache"),
                        "-Djava.io.tmpdir=" + tmp,
                        "concur.cli.Main",
                        "run",
                        "src/test/resources/fixtures/hangs.md")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("HANGS_PIDS", PIDS.toString()); // the example inherits concur's environment
        Process concur = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(PIDS) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(PIDS).as("the example started and wrote its process ids").exists();
            List<Long> pids = Arrays.stream(Files.readString(PIDS).split(" "))
                    .map(Long::parseLong)
                    .toList();

            new ProcessBuilder("kill", "-INT", Long.toString(concur.pid()))
                    .start()
                    .waitFor();

            assertThat(concur.waitFor(20, TimeUnit.SECONDS))
                    .as("concur stops on Ctrl-C")
                    .isTrue();
            for (long pid : pids) {
                assertThat(ProcessTree.running(pid))
                        .as("process " + pid + " is gone")
                        .isFalse();
            }
            try (Stream<Path> left = Files.list(tmp)) {
                assertThat(left)
                        .as("concur's temporary folder")
                        .noneMatch(p -> p.getFileName().toString().startsWith("concur-run-"));
            }
        } finally {
            concur.destroyForcibly();
            Files.deleteIfExists(PIDS);
        }
    }
}
