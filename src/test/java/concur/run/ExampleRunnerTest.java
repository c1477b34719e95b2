package concur.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleRunnerTest {
    @TempDir
    static Path cache;

    private final ExampleRunner runner = new ExampleRunner(1_000);

    private RunResult run(String className, String source, Duration timeout) throws Exception {
        return run(className, source, timeout, line -> {});
    }

    private RunResult run(String className, String source, Duration timeout, Consumer<OutputLine> live)
            throws Exception {
        CompiledExample compiled =
                new ExampleCompiler(cache).compile(new Example(className, source, Path.of(className + ".java"), 1));
        return runner.run(compiled, new RunSpec(timeout, List.of(), List.of()), live);
    }

    @Test
    void tagsEveryLineWithItsThreadAndStreamAndStreamsThemLive() throws Exception {
        List<OutputLine> live = new CopyOnWriteArrayList<>();
        RunResult result = run("Tagged", """
                public class Tagged {
                    public static void main(String[] args) throws Exception {
                        System.out.println("from main");
                        Thread t = Thread.ofPlatform().name("worker").start(() -> System.err.println("from worker"));
                        t.join();
                        Thread.ofVirtual().start(() -> System.out.print("no newline")).join();
                    }
                }
                """, Duration.ofSeconds(20), live::add);

        assertThat(result.outcome()).isEqualTo(new Outcome.Exited(0));
        assertThat(result.lines())
                .extracting(OutputLine::thread, OutputLine::source, OutputLine::text)
                .containsExactly(
                        tuple("main", OutputLine.Source.STDOUT, "from main"),
                        tuple("worker", OutputLine.Source.STDERR, "from worker"),
                        tuple(result.lines().get(2).thread(), OutputLine.Source.STDOUT, "no newline"));
        assertThat(result.lines().get(2).thread()).startsWith("virtual-");
        assertThat(live).containsExactlyElementsOf(result.lines());
        assertThat(result.total()).isPositive();
    }

    @Test
    void controlCharactersInOutputAndThreadNamesArriveMadeVisibleOnEveryChannel() throws Exception {
        RunResult result = run("Escapes", """
                public class Escapes {
                    public static void main(String[] args) throws Exception {
                        System.out.println("\\u001b]52;c;ZXZpbA==\\u0007\\u001b[2J\\u009b31m\\u202eevil");
                        Thread.ofPlatform().name("\\u001b]0;title\\u0007").start(() -> System.err.println("named")).join();
                        new ProcessBuilder("printf", "\\\\033[H\\\\a\\\\n").inheritIO().start().waitFor();
                    }
                }
                """, Duration.ofSeconds(20));

        // The point here is what each line shows; the order of a tagged and an untagged line, which come
        // by two channels, is the grandchild test's business.
        assertThat(result.lines())
                .extracting(OutputLine::thread, OutputLine::text)
                .containsExactlyInAnyOrder(
                        tuple("main", "\\x1b]52;c;ZXZpbA==\\x07\\x1b[2J\\x9b31m\\u202eevil"),
                        tuple("\\x1b]0;title\\x07", "named"),
                        tuple(OutputLine.UNKNOWN_THREAD, "\\x1b[H\\x07"));
    }

    @Test
    void showsAGrandchildsInheritedOutputAsUntaggedWithoutCorruptingTheTags() throws Exception {
        RunResult result = run("Inherits", """
                public class Inherits {
                    public static void main(String[] args) throws Exception {
                        System.out.println("before");
                        new ProcessBuilder("sh", "-c", "echo from-grandchild").inheritIO().start().waitFor();
                        System.out.println("after");
                    }
                }
                """, Duration.ofSeconds(20));

        assertThat(result.lines()).extracting(OutputLine::text).containsExactly("before", "from-grandchild", "after");
        assertThat(result.lines().get(1).source()).isEqualTo(OutputLine.Source.UNTAGGED);
        assertThat(result.lines().get(1).thread()).isEqualTo(OutputLine.UNKNOWN_THREAD);
        assertThat(result.lines().get(2).thread()).isEqualTo("main");
    }

    @Test
    void reportsTheExitCodeOfSystemExit() throws Exception {
        RunResult result = run("Exits", """
                public class Exits {
                    public static void main(String[] args) {
                        System.out.println("leaving");
                        System.exit(3);
                    }
                }
                """, Duration.ofSeconds(20));

        assertThat(result.outcome()).isEqualTo(new Outcome.Exited(3));
        assertThat(result.lines()).extracting(OutputLine::text).containsExactly("leaving");
    }

    @Test
    void reportsAnExceptionFromMainAsTheJvmWouldWithoutConcursFrames() throws Exception {
        RunResult result = run("Throws", """
                public class Throws {
                    public static void main(String[] args) {
                        throw new IllegalStateException("boom");
                    }
                }
                """, Duration.ofSeconds(20));

        assertThat(result.outcome()).isEqualTo(new Outcome.Exited(1));
        assertThat(result.lines())
                .extracting(OutputLine::text)
                .startsWith(
                        "Exception in thread \"main\" java.lang.IllegalStateException: boom",
                        "\tat Throws.main(Throws.java:3)")
                .noneMatch(text -> text.contains("concur.") || text.contains("reflect"));
    }

    @Test
    void runsAPublicStaticMainInAClassThatIsNotPublicAsJavaDoes() throws Exception {
        RunResult result = run("Hidden", """
                class Hidden {
                    public static void main(String[] args) {
                        System.out.println("ran");
                    }
                }
                """, Duration.ofSeconds(20));

        assertThat(result.outcome()).isEqualTo(new Outcome.Exited(0));
        assertThat(result.lines()).extracting(OutputLine::text).containsExactly("ran");
    }

    @Test
    void runsAMainInheritedFromAClassThatIsNotPublic() throws Exception {
        RunResult result = run("Heir", """
                public class Heir extends Base {
                }
                class Base {
                    public static void main(String[] args) {
                        System.out.println("inherited");
                    }
                }
                """, Duration.ofSeconds(20));

        assertThat(result.lines()).extracting(OutputLine::text).containsExactly("inherited");
    }

    @Test
    void refusesWhatJava21RefusesWithJavasErrorOnOneLine() throws Exception {
        String define = ", please define the main method as: public static void main(String[] args)";
        RunResult packagePrivate = run(
                "NotPublic", "public class NotPublic { static void main(String[] args) {} }", Duration.ofSeconds(20));
        RunResult instance =
                run("Instance", "public class Instance { public void main(String[] args) {} }", Duration.ofSeconds(20));
        RunResult returns = run(
                "Returns",
                "public class Returns { public static int main(String[] args) { return 0; } }",
                Duration.ofSeconds(20));

        assertThat(packagePrivate.lines())
                .extracting(OutputLine::text)
                .containsExactly("Error: Main method not found in class NotPublic" + define);
        assertThat(instance.lines())
                .extracting(OutputLine::text)
                .containsExactly("Error: Main method is not static in class Instance" + define);
        assertThat(returns.lines())
                .extracting(OutputLine::text)
                .containsExactly("Error: Main method must return a value of type void in class Returns" + define);
        assertThat(List.of(packagePrivate, instance, returns))
                .extracting(RunResult::outcome)
                .containsOnly(new Outcome.Exited(1));
    }

    @Test
    void keepsMemoryBoundedWhenAnExamplePrintsAMillionLines() throws Exception {
        RunResult result = run("Floods", """
                public class Floods {
                    public static void main(String[] args) {
                        for (int i = 1; i <= 1_000_000; i++) {
                            System.out.println("line " + i);
                        }
                    }
                }
                """, Duration.ofSeconds(60));

        assertThat(result.totalLines()).isEqualTo(1_000_000);
        assertThat(result.lines()).hasSize(1_000);
        assertThat(result.truncated()).isTrue();
        assertThat(result.lastLines()).last().extracting(OutputLine::text).isEqualTo("line 1000000");
    }

    @Test
    void aFiftyMegabyteLineIsOneLineCutToItsFirstPartWithTheRestCounted() throws Exception {
        RunResult result = run("Long", """
                public class Long {
                    public static void main(String[] args) {
                        byte[] chunk = new byte[1 << 20];
                        java.util.Arrays.fill(chunk, (byte) 'x');
                        for (int i = 0; i < 50; i++) {
                            System.out.write(chunk, 0, chunk.length);
                        }
                        System.out.println();
                        System.out.println("after");
                        System.out.print("€".repeat(2_000)); // 6,000 bytes, cut between two characters
                    }
                }
                """, Duration.ofSeconds(60));

        long cut = 50L * (1 << 20) - Wire.MAX_LINE_BYTES;
        assertThat(result.outcome()).isEqualTo(new Outcome.Exited(0));
        assertThat(result.lines()).hasSize(3);
        assertCut(result.lines().get(0).text(), "x".repeat(Wire.MAX_LINE_BYTES), cut);
        assertThat(result.lines().get(1).text()).isEqualTo("after");
        assertCut(result.lines().get(2).text(), "€".repeat(1_365), 1_905);
        assertThat(result.notShown().bytes()).isEqualTo(cut + 1_905);
        assertThat(result.truncated()).isTrue();
    }

    /** Without printing a line of kilobytes when it fails. */
    private static void assertCut(String line, String kept, long cut) {
        String note = String.format(Locale.ROOT, " … (%,d more bytes not shown)", cut);
        assertThat(line.startsWith(kept))
                .as("starts with its first %d characters", kept.length())
                .isTrue();
        assertThat(line.substring(kept.length())).isEqualTo(note);
    }

    @Test
    void aGrandchildsFiftyMegabyteLineCostsConcurAFewKilobytesAndIsCounted() throws Exception {
        RunResult result = run("Floods", """
                public class Floods {
                    public static void main(String[] args) throws Exception {
                        new ProcessBuilder("sh", "-c", "head -c 50000000 /dev/zero | tr '\\\\0' y; echo").inheritIO().start().waitFor();
                        System.out.println("after");
                    }
                }
                """, Duration.ofSeconds(60));

        assertThat(result.lines())
                .extracting(OutputLine::source)
                .containsExactly(OutputLine.Source.UNTAGGED, OutputLine.Source.STDOUT);
        assertCut(result.lines().get(0).text(), "y".repeat(Wire.MAX_LINE_BYTES), 50_000_000 - Wire.MAX_LINE_BYTES);
        assertThat(result.lines().get(1).text()).isEqualTo("after");
        assertThat(result.notShown().bytes()).isEqualTo(50_000_000 - Wire.MAX_LINE_BYTES);
    }

    /**
     * Lines printed just before {@code Runtime.halt} or a SIGKILL: no shutdown hook runs, so only what
     * was handed to the kernel arrives. 10 runs by default; {@code -Dconcur.haltRuns=200} for the full count.
     */
    @Test
    void everyLinePrintedBeforeAHaltOrAKillArrives() throws Exception {
        CompiledExample compiled =
                new ExampleCompiler(cache).compile(new Example("Halts", """
                public class Halts {
                    public static void main(String[] args) throws Exception {
                        Thread worker = new Thread(() -> { for (int i = 1; i <= 500; i++) System.err.println("w" + i); }, "worker");
                        worker.start();
                        for (int i = 1; i <= 1_000; i++) {
                            System.out.println(i);
                        }
                        worker.join();
                        System.out.println("last");
                        if (args[0].equals("halt")) {
                            Runtime.getRuntime().halt(0);
                        }
                        new ProcessBuilder("kill", "-9", Long.toString(ProcessHandle.current().pid())).start().waitFor();
                        Thread.sleep(10_000);
                    }
                }
                """, Path.of("Halts.java"), 1));
        int runs = Integer.getInteger("concur.haltRuns", 10);
        int complete = 0;
        for (int run = 0; run < runs; run++) {
            String how = run % 2 == 0 ? "halt" : "kill";
            RunResult result = new ExampleRunner()
                    .run(compiled, new RunSpec(Duration.ofSeconds(30), List.of(), List.of(how)), line -> {});
            List<String> texts = result.lines().stream().map(OutputLine::text).toList();
            if (texts.size() == 1_501 && texts.getLast().equals("last")) {
                complete++;
            } else {
                System.err.printf(
                        "run %d (%s): %d lines, last %s%n",
                        run, how, texts.size(), texts.isEmpty() ? "none" : texts.getLast());
            }
        }
        assertThat(complete).as("runs with every line").isEqualTo(runs);
    }

    @Test
    void killsAnExampleThatRunsTooLongWithEveryProcessItStartedAndSaysWhatItWasWaitingFor() throws Exception {
        RunResult result = run("Hangs", """
                import java.util.concurrent.locks.ReentrantLock;
                public class Hangs {
                    public static void main(String[] args) throws Exception {
                        Process sleeper = new ProcessBuilder("sleep", "120").start();
                        System.out.println("pid " + ProcessHandle.current().pid() + " child " + sleeper.pid());
                        Object lock = new Object();
                        synchronized (lock) {
                            Thread.ofPlatform().name("stuck-reader").start(() -> { synchronized (lock) { } });
                            Thread.sleep(120_000);
                        }
                    }
                }
                """, Duration.ofSeconds(3));

        assertThat(result.outcome()).isInstanceOf(Outcome.TimedOut.class);
        String dump = ((Outcome.TimedOut) result.outcome()).threadDump();
        assertThat(dump)
                .contains("\"stuck-reader\" BLOCKED on java.lang.Object@")
                .contains("held by \"main\"");
        assertThat(result.lastLines()).extracting(OutputLine::text).anyMatch(t -> t.startsWith("pid "));
        String[] words = result.lines().get(0).text().split(" ");
        for (String pid : List.of(words[1], words[3])) {
            assertThat(ProcessTree.running(Long.parseLong(pid)))
                    .as("process " + pid + " runs")
                    .isFalse();
        }
    }

    @Test
    void killsOrphansAnExampleLeftBehindWhenItExited() throws Exception {
        RunResult result = run("Orphans", """
                public class Orphans {
                    public static void main(String[] args) throws Exception {
                        Process p = new ProcessBuilder("sleep", "120").start();
                        System.out.println(p.pid());
                    }
                }
                """, Duration.ofSeconds(20));

        long orphan = Long.parseLong(result.lines().get(0).text());
        assertThat(ProcessTree.running(orphan)).as("the orphan runs").isFalse();
    }

    /**
     * concur adopts an example's orphans as a subreaper; it must also reap them as they die, as init would,
     * or a dead grandchild stays a zombie that Java takes for alive and waits on for ever.
     */
    @Test
    void anOrphanThatDiesWhileTheExampleRunsIsReapedSoTheExampleSeesItGone() throws Exception {
        RunResult result = run("WaitsForOrphan", """
                import java.io.*;
                import java.util.concurrent.TimeUnit;
                public class WaitsForOrphan {
                    public static void main(String[] args) throws Exception {
                        Process child = new ProcessBuilder("sh", "-c", "sleep 60 & echo $!; wait").start();
                        String pid = new BufferedReader(new InputStreamReader(child.getInputStream())).readLine();
                        ProcessHandle grandchild = ProcessHandle.of(Long.parseLong(pid.strip())).orElseThrow();
                        child.destroyForcibly();
                        child.waitFor(); // the grandchild is an orphan now
                        grandchild.destroyForcibly();
                        grandchild.onExit().get(20, TimeUnit.SECONDS);
                        System.out.println("the orphan is gone");
                    }
                }
                """, Duration.ofSeconds(40));

        assertThat(result.lines()).extracting(OutputLine::text).containsExactly("the orphan is gone");
    }

    @Test
    void anExampleReadingStdinSeesItsEndInsteadOfHanging() throws Exception {
        RunResult result = run("Reads", """
                public class Reads {
                    public static void main(String[] args) throws Exception {
                        System.out.println("read " + System.in.read());
                    }
                }
                """, Duration.ofSeconds(20));

        assertThat(result.lines()).extracting(OutputLine::text).containsExactly("read -1");
    }

    @Test
    void reportsAJvmThatCannotStartThroughItsOwnErrorOutput() throws Exception {
        CompiledExample compiled = new ExampleCompiler(cache)
                .compile(new Example(
                        "Fine",
                        "public class Fine { public static void main(String[] a) {} }",
                        Path.of("Fine.java"),
                        1));
        RunResult result = runner.run(
                compiled, new RunSpec(Duration.ofSeconds(20), List.of("-XX:+NoSuchOption"), List.of()), line -> {});

        assertThat(result.outcome()).isInstanceOf(Outcome.Exited.class).isNotEqualTo(new Outcome.Exited(0));
        assertThat(result.lines()).extracting(OutputLine::text).anyMatch(t -> t.contains("NoSuchOption"));
    }

    @Test
    void runsTheExampleInAScratchFolderOfItsOwnThatIsGoneAfterTheRun() throws Exception {
        RunResult result = run("Writes", """
                import java.nio.file.Files;
                import java.nio.file.Path;
                public class Writes {
                    public static void main(String[] args) throws Exception {
                        Path here = Path.of("").toAbsolutePath();
                        Files.createDirectories(Path.of("target"));
                        Files.writeString(Path.of("target/written.txt"), "by the example");
                        System.out.println(here);
                        System.out.println(Files.list(here).count());
                    }
                }
                """, Duration.ofSeconds(20));

        assertThat(result.outcome()).isEqualTo(new Outcome.Exited(0));
        Path workDir = Path.of(result.lines().get(0).text());
        assertThat(workDir).isNotEqualTo(Path.of("").toAbsolutePath());
        assertThat(result.lines().get(1).text())
                .as("files in the folder the example started in")
                .isEqualTo("1");
        assertThat(workDir).doesNotExist();
        assertThat(Path.of("target/written.txt")).doesNotExist();
    }

    @Test
    void passesTheChannelTokenInTheEnvironmentNeverOnTheCommandLine() throws Exception {
        RunResult result = run("Token", """
                public class Token {
                    public static void main(String[] args) {
                        System.out.println(System.getenv("CONCUR_CHANNEL_TOKEN"));
                        System.out.println(ProcessHandle.current().info().commandLine().orElseThrow());
                    }
                }
                """, Duration.ofSeconds(20));

        String token = result.lines().get(0).text();
        assertThat(token).matches("[0-9a-f]{32}");
        assertThat(result.lines().get(1).text()).contains("concur.run.Harness").doesNotContain(token);
    }
}
