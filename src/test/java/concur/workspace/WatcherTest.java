package concur.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A change that should come in milliseconds is waited for up to 10 s, so a loaded machine only makes
 * these slower; that no second change comes is checked over 1 s, twice the polling period.
 */
class WatcherTest {
    private static final Duration DEBOUNCE = Duration.ofMillis(150);
    private static final Duration COMES = Duration.ofSeconds(10);
    private static final Duration NO_MORE = Duration.ofSeconds(1);

    @TempDir
    Path tmp;

    private Path file() throws Exception {
        Path file = tmp.resolve("exercises/lost-increments/Counter.java");
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "class Counter {}\n");
        }
        return file;
    }

    private Watcher watcher(boolean polling) throws Exception {
        return polling ? Watcher.polling(file(), DEBOUNCE) : Watcher.open(file(), DEBOUNCE);
    }

    @Test
    void usesEventsWhereTheFileSystemHasThem() throws Exception {
        try (Watcher watcher = Watcher.open(file(), DEBOUNCE)) {
            assertThat(watcher.hasEvents()).isTrue();
        }
    }

    @ParameterizedTest(name = "polling: {0}")
    @ValueSource(booleans = {false, true})
    void aSaveInPlaceIsOneChange(boolean polling) throws Exception {
        try (Watcher watcher = watcher(polling)) {
            Files.writeString(file(), "class Counter { int n; }\n");

            assertThat(watcher.awaitChange(COMES)).isTrue();
            assertThat(watcher.awaitChange(NO_MORE)).isFalse();
        }
    }

    @ParameterizedTest(name = "polling: {0}")
    @ValueSource(booleans = {false, true})
    void aSaveByRenamingATemporaryFileOverItIsOneChange(boolean polling) throws Exception {
        try (Watcher watcher = watcher(polling)) {
            Path temporary =
                    Files.writeString(file().resolveSibling(".Counter.java.tmp"), "class Counter { int n; }\n");
            Files.move(temporary, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

            assertThat(watcher.awaitChange(COMES)).isTrue();
            assertThat(watcher.awaitChange(NO_MORE)).isFalse();
        }
    }

    @Test
    void aBurstOfWritesIsOneChange() throws Exception {
        try (Watcher watcher = watcher(false)) {
            for (int i = 0; i < 20; i++) {
                Files.writeString(file(), "class Counter { int n" + i + "; }\n");
            }

            assertThat(watcher.awaitChange(COMES)).isTrue();
            assertThat(watcher.awaitChange(NO_MORE)).isFalse();
        }
    }

    @Test
    void savingTheSameBytesAgainIsAChangeSoTheLearnerCanRetry() throws Exception {
        try (Watcher watcher = watcher(false)) {
            Path temporary = Files.writeString(file().resolveSibling(".Counter.java.tmp"), "class Counter {}\n");
            Files.move(temporary, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

            assertThat(watcher.awaitChange(COMES)).isTrue();
        }
    }

    @Test
    void otherFilesInTheFolderAreNoChange() throws Exception {
        try (Watcher watcher = watcher(false)) {
            Files.writeString(file().resolveSibling("notes.txt"), "to do");
            Files.writeString(file().resolveSibling(".Counter.java.swp"), "editor state");

            assertThat(watcher.awaitChange(NO_MORE)).isFalse();
        }
    }

    @Test
    void threeSavesDuringASlowVerifyMakeExactlyOneMoreRun() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicBoolean overlapped = new AtomicBoolean();
        CountDownLatch secondRun = new CountDownLatch(1);
        AtomicBoolean keepGoing = new AtomicBoolean(true);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        try (Watcher watcher = watcher(false)) {
            Runnable verify = () -> {
                overlapped.compareAndSet(false, running.incrementAndGet() > 1);
                try {
                    if (runs.incrementAndGet() == 1) {
                        for (int save = 1; save <= 3; save++) {
                            // further apart than the debounce: three saves, not one burst
                            Thread.sleep(DEBOUNCE.multipliedBy(2));
                            Files.writeString(file(), "class Counter { int save" + save + "; }\n");
                        }
                    } else {
                        secondRun.countDown();
                    }
                } catch (Exception e) {
                    failed.set(e);
                } finally {
                    running.decrementAndGet();
                }
            };
            Thread loop = Thread.ofPlatform().start(() -> {
                try {
                    watcher.run(verify, keepGoing::get);
                } catch (Throwable e) {
                    failed.set(e);
                }
            });

            Files.writeString(file(), "class Counter { int first; }\n");
            assertThat(secondRun.await(COMES.toSeconds(), TimeUnit.SECONDS)).isTrue();
            Thread.sleep(NO_MORE); // time for a third run, which must not come
            keepGoing.set(false);
            loop.join(COMES);
        }

        assertThat(failed).hasNullValue();
        assertThat(runs).hasValue(2);
        assertThat(overlapped).isFalse();
    }

    @ParameterizedTest(name = "polling: {0}")
    @ValueSource(booleans = {false, true})
    void aFolderReplacedByAnotherIsWatchedByItsPath(boolean polling) throws Exception {
        try (Watcher watcher = watcher(polling)) {
            Path folder = file().getParent();
            Files.move(folder, tmp.resolve("old"));
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("Counter.java"), "class Counter { int n; }\n");

            assertThat(watcher.awaitChange(COMES)).isTrue();
            Files.writeString(folder.resolve("Counter.java"), "class Counter { int m; }\n");
            assertThat(watcher.awaitChange(COMES)).isTrue();
        }
    }

    @Test
    void aFileThatDoesNotExistYetIsAChangeWhenItComes() throws Exception {
        Path later = tmp.resolve("exercises/deadlock/Dead.java");
        try (Watcher watcher = Watcher.open(later, DEBOUNCE)) {
            assertThat(watcher.awaitChange(Duration.ofMillis(100))).isFalse();
            Files.createDirectories(later.getParent());
            Files.writeString(later, "class Dead {}\n");

            assertThat(watcher.awaitChange(COMES)).isTrue();
        }
    }

    @ParameterizedTest(name = "polling: {0}")
    @ValueSource(booleans = {false, true})
    void anInterruptStopsTheWaitPromptly(boolean polling) throws Exception {
        AtomicReference<Throwable> ended = new AtomicReference<>();
        try (Watcher watcher = watcher(polling)) {
            Thread waiting = Thread.ofPlatform().start(() -> {
                try {
                    watcher.awaitChange(Duration.ofMinutes(10));
                } catch (Throwable e) {
                    ended.set(e);
                }
            });
            while (waiting.getState() != Thread.State.TIMED_WAITING && waiting.isAlive()) {
                Thread.onSpinWait();
            }

            long start = System.nanoTime();
            waiting.interrupt();
            waiting.join(COMES);

            assertThat(waiting.isAlive()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
        assertThat(ended.get()).isInstanceOf(InterruptedException.class);
    }
}
