package concur.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the learner reads when an example runs out of time: who waits on what, virtual threads included. */
class TimeOutReportTest {
    @TempDir
    static Path cache;

    private static String dumpOf(String className, String source) throws Exception {
        CompiledExample compiled =
                new ExampleCompiler(cache).compile(new Example(className, source, Path.of(className + ".java"), 1));
        RunResult result = new ExampleRunner(1_000)
                .run(compiled, new RunSpec(Duration.ofSeconds(3), List.of(), List.of()), line -> {});
        assertThat(result.outcome()).isInstanceOf(Outcome.TimedOut.class);
        return ((Outcome.TimedOut) result.outcome()).threadDump();
    }

    @Test
    void aDeadlockIsShownAsACycleOfThreadsAndLocks() throws Exception {
        String dump = dumpOf("Crossed", """
                import java.util.concurrent.CountDownLatch;
                import java.util.concurrent.locks.ReentrantLock;

                public class Crossed {
                    public static void main(String[] args) throws Exception {
                        ReentrantLock first = new ReentrantLock();
                        ReentrantLock second = new ReentrantLock();
                        CountDownLatch bothHoldOne = new CountDownLatch(2);
                        Thread a = Thread.ofPlatform().name("A").start(() -> take(first, second, bothHoldOne));
                        Thread b = Thread.ofPlatform().name("B").start(() -> take(second, first, bothHoldOne));
                        a.join();
                        b.join();
                    }

                    static void take(ReentrantLock mine, ReentrantLock theirs, CountDownLatch bothHoldOne) {
                        mine.lock();
                        bothHoldOne.countDown();
                        try {
                            bothHoldOne.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        theirs.lock();
                    }
                }
                """);

        assertThat(dump)
                .containsPattern(
                        "Deadlock: (A|B) holds ReentrantLock\\$NonfairSync@\\w+, waits for ReentrantLock\\$NonfairSync@\\w+ held by (B|A); "
                                + "(B|A) holds ReentrantLock\\$NonfairSync@\\w+, waits for ReentrantLock\\$NonfairSync@\\w+ held by (A|B)\\.");
    }

    @Test
    void virtualThreadsAreListedWithWhatTheyWaitOnAndWhere() throws Exception {
        String dump = dumpOf("StuckVirtual", """
                import java.util.concurrent.locks.ReentrantLock;

                public class StuckVirtual {
                    public static void main(String[] args) throws Exception {
                        ReentrantLock lock = new ReentrantLock();
                        lock.lock();
                        Thread waiter = Thread.ofVirtual().name("waiter").start(lock::lock);
                        Thread.ofVirtual().name("sleeper").start(StuckVirtual::nap);
                        waiter.join();
                    }

                    static void nap() {
                        try {
                            Thread.sleep(60_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
                """);

        assertThat(dump).contains("Virtual threads (2):");
        assertThat(dump)
                .containsPattern("virtual #\\d+ \"sleeper\".* at StuckVirtual\\.nap\\(StuckVirtual\\.java:14\\)");
        assertThat(dump).containsPattern("virtual #\\d+ \"waiter\"");
        if (Runtime.version().feature() >= 24) {
            // Only JDK 24 and later write the state and the park blocker into the JSON dump.
            assertThat(dump).containsPattern("\"waiter\" WAITING on ReentrantLock\\$NonfairSync@\\w+");
        }
    }
}
